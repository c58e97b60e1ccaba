import Crypto
import ExchangeCore
import SecureReporting
import Vapor

/// Recipients read the reports wrapped for them. Their private key is unlocked with their password once per session
/// and kept only as `ReaderKeyCookie` keeps it.
struct ReceivedReportsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ReceivedReportsRoute.list, use: list)
        routes.on(ReceivedReportsRoute.createKey, use: createKey)
        routes.on(ReceivedReportsRoute.unlock, use: unlock)
        routes.on(ReceivedReportsRoute.show, use: show)
        routes.on(ReceivedReportsRoute.ask, use: ask)
        routes.on(ReceivedReportsRoute.status, use: status)
        routes.on(ReceivedReportsRoute.retention, use: retention)
        routes.on(ReceivedReportsRoute.recuse, use: recuse)
        routes.on(ReceivedReportsRoute.file, use: file)
    }

    struct PasswordForm: Content { var password: String? }
    struct MessageForm: Content { var message: String? }
    struct StatusForm: Content { var from: String?; var status: String?; var explanation: String? }
    struct RetentionForm: Content { var days: String?; var reason: String? }
    struct RecusalForm: Content { var recusal_reason: String? }

    @Sendable func list(req: Request) async throws -> View {
        try await Self.listPage(req, form: FormState())
    }

    @Sendable func createKey(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let password = try req.content.decode(PasswordForm.self).password ?? ""
        return try await req.formAgainIfInvalid {
            let recovery = try await req.registry.recipientKeys.create(for: user, password: password)
            // Unlocked at once, so the new recipient can read without typing the password again.
            let response = try await req.page(RecoveryKeyPage(recovery: recovery.description, text: req)).encodeResponse(for: req)
            try ReaderKeyCookie.keep(try await req.registry.recipientKeys.unlock(for: user, password: password), for: req, on: response)
            return response
        } form: { errors in
            try await Self.listPage(req, form: FormState(values: [:], errors: errors, on: req))
        }
    }

    @Sendable func unlock(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let password = try req.content.decode(PasswordForm.self).password ?? ""
        return try await req.formAgainIfInvalid {
            let key = try await req.registry.recipientKeys.unlock(for: user, password: password)
            req.flash("reports.unlocked")
            let response = req.redirect(to: ReceivedReportsRoute.list.link())
            try ReaderKeyCookie.keep(key, for: req, on: response)
            return response
        } form: { errors in
            try await Self.listPage(req, form: FormState(values: [:], errors: errors, on: req))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        return try await reportPage(req, id, as: user, key: key, form: FormState()).encodeResponse(for: req)
    }

    @Sendable func ask(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        let message = try req.content.decode(MessageForm.self).message ?? ""
        return try await req.formAgainIfInvalid {
            try await req.registry.reportIntake.ask(id, as: user, privateKey: key, text: message)
            req.flash("reports.asked")
            return req.redirect(to: ReceivedReportsRoute.show.link(id))
        } form: { errors in
            try await reportPage(req, id, as: user, key: key, form: FormState(values: ["message": message], errors: errors, on: req))
        }
    }

    @Sendable func status(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        let form = try req.content.decode(StatusForm.self)
        return try await req.formAgainIfInvalid {
            guard let seen = form.from.flatMap(ComplaintStatus.init(rawValue:)) else { throw AppError.validation([FieldError("status", .invalidChoice)]) }
            guard let next = form.status.flatMap(ComplaintStatus.init(rawValue:)) else { throw AppError.validation([FieldError("status", .required)]) }
            try await req.registry.reportIntake.changeStatus(id, from: seen, to: next, explanation: form.explanation ?? "", as: user, privateKey: key)
            req.flash("reports.status_changed")
            return req.redirect(to: ReceivedReportsRoute.show.link(id))
        } form: { errors in
            try await reportPage(req, id, as: user, key: key,
                                 form: FormState(values: ["status": form.status ?? "", "explanation": form.explanation ?? ""], errors: errors, on: req))
        }
    }

    @Sendable func retention(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        let form = try req.content.decode(RetentionForm.self)
        return try await req.formAgainIfInvalid {
            guard let days = form.days.flatMap({ Int($0.trimmingWhitespace()) }) else { throw AppError.validation([FieldError("days", .notANumber)]) }
            try await req.registry.reportRetention.extend(id, by: days, reason: form.reason ?? "", as: user)
            req.flash("reports.retention_extended")
            return req.redirect(to: ReceivedReportsRoute.show.link(id))
        } form: { errors in
            try await reportPage(req, id, as: user, key: key, form: FormState(values: ["days": form.days ?? "", "reason": form.reason ?? ""], errors: errors, on: req))
        }
    }

    @Sendable func recuse(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        let reason = try req.content.decode(RecusalForm.self).recusal_reason ?? ""
        return try await req.formAgainIfInvalid {
            try await req.registry.reportRecusal.recuse(id, reason: reason, as: user)
            req.flash("reports.recused")
            return req.redirect(to: ReceivedReportsRoute.list.link())
        } form: { errors in
            try await reportPage(req, id, as: user, key: key, form: FormState(values: ["recusal_reason": reason], errors: errors, on: req))
        }
    }

    /// A file of the report, opened, as a download: never shown inline, whatever it claims to be.
    @Sendable func file(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        guard let fileID = req.parameters.get("file").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        guard let key = ReaderKeyCookie.key(of: req) else { return req.unlockReadingKeyFirst() }
        let (name, content) = try await req.registry.reportIntake.file(fileID, of: id, as: user, privateKey: key)
        let response = Response(status: .ok, body: .init(data: content))
        response.headers.contentType = .binary
        response.headers.replaceOrAdd(name: .contentDisposition, value: Self.attachment(name))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// `attachment` with the name in ASCII and, for any other letters, in RFC 5987's UTF-8 form.
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? "file"
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    private func reportPage(_ req: Request, _ id: UUID, as user: User, key: Curve25519.KeyAgreement.PrivateKey, form: FormState) async throws -> View {
        let thread = try await req.registry.reportIntake.read(id, as: user, privateKey: key)
        let (context, questionnaire) = try await req.registry.reportIntake.questionnaire(of: id)
        let identity = try await req.registry.reportIdentity.standing(of: id, for: user, privateKey: key)
        let sent = try await req.registry.reportForwarding.sent(from: id)
        return try await req.page(ReceivedReportPage(thread: thread, title: context.title, questionnaire: questionnaire, identity: identity, sent: sent,
                                                     form: form, text: req))
    }

    /// The list of reports and copies wrapped for the reader, with their key's state and their declared conflicts.
    static func listPage(_ req: Request, form: FormState) async throws -> View {
        let user = try req.requireUser()
        let reports = try await req.registry.reportIntake.received(by: user)
        let copies = try await req.registry.reportForwarding.received(by: user)
        let conflicts = try await req.registry.readerConflicts.declared(by: user)
        return try await req.page(ReceivedReportsPage(
            reports: try reports.map { .init(id: try $0.requireID(), title: $0.context.title, status: $0.status, submittedOn: $0.submittedOn) },
            copies: try copies.map { .init(id: try $0.requireID(), title: $0.report.context.title, status: $0.report.status, submittedOn: $0.forwardedOn) },
            conflicts: try conflicts.map { (id: try $0.requireID(), party: $0.party) },
            holdsKey: try await req.registry.reportIntake.holdsKey(user), unlocked: ReaderKeyCookie.key(of: req) != nil, form: form, text: req))
    }
}
