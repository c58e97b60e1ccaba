import Crypto
import ExchangeCore
import Vapor

/// A reader forwards a redacted copy of a report they read; the new organisation's readers read the copy.
struct ForwardController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ForwardRoute.form, use: form)
        routes.on(ForwardRoute.send, use: send)
        routes.on(ForwardRoute.show, use: show)
    }

    struct ForwardForm: Content {
        var organisation: String?
        var keep: [String]?
        var note: String?
        var forward_id: UUID?
    }

    @Sendable func form(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        return try await page(req, id, as: user, key: key, form: FormState(), forwardID: UUID()).encodeResponse(for: req)
    }

    @Sendable func send(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        let form = try req.content.decode(ForwardForm.self)
        let forwardID = form.forward_id ?? UUID()
        return try await req.formAgainIfInvalid {
            let organisation = try form.organisation.map { raw in
                guard let id = UUID(uuidString: raw) else { throw AppError.validation([FieldError("organisation", .invalidChoice)]) }
                return id
            }
            try await req.registry.reportForwarding.forward(id, to: organisation, keeping: Set(form.keep ?? []), note: form.note ?? "",
                                                           forwardID: forwardID, as: user, privateKey: key)
            req.flash("forward.sent")
            return req.redirect(to: ReceivedReportsRoute.show.link(id))
        } form: { errors in
            let values = ["organisation": form.organisation ?? "", "note": form.note ?? ""]
            return try await page(req, id, as: user, key: key, form: FormState(values: values, errors: errors, on: req), forwardID: forwardID,
                                  kept: Set(form.keep ?? []))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        let opened = try await req.registry.reportForwarding.open(id, as: user, privateKey: key)
        return try await req.page(ForwardedCopyPage(opened, text: req)).encodeResponse(for: req)
    }

    private func page(_ req: Request, _ id: UUID, as user: User, key: Curve25519.KeyAgreement.PrivateKey, form: FormState, forwardID: UUID,
                      kept: Set<String>? = nil) async throws -> View {
        let draft = try await req.registry.reportForwarding.draft(id, as: user, privateKey: key)
        return try await req.page(ForwardReportPage(draft, forwardID: forwardID, kept: kept, form: form, text: req))
    }
}
