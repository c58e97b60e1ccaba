import ExchangeCore
import Fluent
import Vapor

/// Readers ask to see a sealed identity; custodians, with their own key open, decide.
struct IdentityController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(IdentityRoute.list, use: list)
        routes.on(IdentityRoute.decide, use: decide)
        routes.on(IdentityRoute.request, use: request)
    }

    struct DecisionForm: Content { var decision: String?; var note: String? }
    struct RequestForm: Content { var identity_reason: String? }

    @Sendable func list(req: Request) async throws -> View {
        try await page(req, form: FormState())
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let custodian = try req.requireUser(), id = try req.uuidParameter()
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        let form = try req.content.decode(DecisionForm.self)
        return try await req.formAgainIfInvalid {
            guard let decision = form.decision, ["approve", "decline"].contains(decision) else {
                throw AppError.validation([FieldError("decision", .invalidChoice)])
            }
            try await req.registry.reportIdentity.decide(id, approve: decision == "approve", note: form.note ?? "", as: custodian, privateKey: key)
            req.flash(decision == "approve" ? "identity.approved" : "identity.declined")
            return req.redirect(to: IdentityRoute.list.link())
        } form: { errors in
            try await page(req, form: FormState(values: [:], errors: errors, on: req))
        }
    }

    @Sendable func request(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        let reason = try req.content.decode(RequestForm.self).identity_reason ?? ""
        try await req.registry.reportIdentity.request(id, reason: reason, as: user)
        req.flash("identity.requested")
        return req.redirect(to: ReceivedReportsRoute.show.link(id))
    }

    private func page(_ req: Request, form: FormState) async throws -> View {
        let pending = try await req.registry.reportIdentity.pending(for: try req.requireUser())
        return try await req.page(IdentityRequestsPage(
            pending: pending.compactMap { request in
                request.id.map { .init(id: $0, requester: request.requester.displayName, subject: request.report.context.title, reason: request.reason,
                                       requestedAt: request.requestedAt) }
            },
            unlocked: ReaderKeyCookie.key(of: req) != nil, form: form, text: req))
    }
}
