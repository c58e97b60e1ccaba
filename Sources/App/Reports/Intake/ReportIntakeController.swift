import ExchangeCore
import Fluent
import SecureReporting
import Vapor

/// Reporting without an account: choose a subject, answer its questionnaire, keep the receipt; come back with the
/// receipt to read answers from the people handling the report and to reply.
struct ReportIntakeController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ReportIntakeRoute.contexts, use: contexts)
        routes.on(ReportIntakeRoute.form, use: form)
        routes.on(ReportIntakeRoute.submit, use: submit)
        routes.on(ReportIntakeRoute.followUp, use: followUp)
        routes.on(ReportIntakeRoute.thread, use: thread)
        routes.on(ReportIntakeRoute.reply, use: reply)
    }

    @Sendable func contexts(req: Request) async throws -> View {
        let contexts = try await ReportContext.query(on: req.db).sort(\.$key).all()
        return try await req.page(ReportContextsPage(contexts: contexts.map { ($0.key, $0.channel, $0.title) }, text: req))
    }

    @Sendable func form(req: Request) async throws -> View {
        let (context, version) = try await Self.load(req)
        let token = ReportFormToken.issue(now: req.application.clock.now())
        return try await req.page(ReportFormPage(context: context.key, title: context.title, questionnaire: version.questionnaire,
                                                 token: token.text(context: context.key, secret: try await req.registry.reportIntake.formSecret()),
                                                 regions: Self.regions(req), form: FormState(), blocks: [],
                                                 offersIdentity: try await req.registry.reportIdentity.canKeep(),
                                                 offersUpdates: context.channel == .complaint, text: req))
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let (context, version) = try await Self.load(req)
        let answers = try ReportAnswersForm.decode(req)
        let secret = try await req.registry.reportIntake.formSecret()
        guard let token = ReportFormToken.verify(answers.token, context: context.key, secret: secret, now: req.application.clock.now()) else {
            throw AppError.conflict(code: "report_form_expired")
        }
        do {
            let receipt = try await req.registry.reportIntake.submit(to: context.key, answers: answers.report, regions: Set(WorldRegion.all.map(\.code)),
                                                                     receipt: token.receipt(secret: secret), identity: try answers.identity(),
                                                                     contact: try answers.contact(language: req.language))
            return try await req.page(ReportReceiptPage(receipt: receipt, text: req)).encodeResponse(for: req)
        } catch AppError.validation(let errors) {
            return try await again(req, context, version, answers, errors: errors, blocks: [])
        } catch let blocked as ReportBlocked {
            return try await again(req, context, version, answers, errors: [], blocks: blocked.reasons)
        } catch AppError.rateLimited(let code) {
            return try await again(req, context, version, answers, errors: [], blocks: [], refusal: req.t("error.\(code)"), status: .tooManyRequests)
        }
    }

    @Sendable func followUp(req: Request) async throws -> View {
        try await req.page(ReportFollowUpPage(form: FormState(), text: req))
    }

    @Sendable func thread(req: Request) async throws -> Response {
        let receipt = try req.content.decode(ReceiptForm.self).receipt ?? ""
        do {
            let thread = try await req.registry.reportIntake.open(receipt: receipt)
            return try await req.page(ReportThreadPage(thread: thread, receipt: receipt, token: try await replyToken(req), form: FormState(), text: req))
                .encodeResponse(for: req)
        } catch AppError.notFound {
            return try await req.page(ReportFollowUpPage(form: FormState(values: [:], errors: [FieldError("receipt", .invalidChoice)], on: req), text: req),
                                      status: .notFound)
        }
    }

    @Sendable func reply(req: Request) async throws -> Response {
        let form = try req.content.decode(ReceiptForm.self)
        let receipt = form.receipt ?? ""
        let secret = try await req.registry.reportIntake.formSecret()
        guard let token = ReportFormToken.verify(form._token, context: ReportFormToken.replyContext, secret: secret, now: req.application.clock.now()) else {
            throw AppError.conflict(code: "report_form_expired")
        }
        do {
            try await req.registry.reportIntake.reply(receipt: receipt, text: form.message ?? "", messageID: token.messageID(secret: secret),
                                                      attachments: form.chosenFiles)
            let thread = try await req.registry.reportIntake.open(receipt: receipt)
            return try await req.page(ReportThreadPage(thread: thread, receipt: receipt, token: try await replyToken(req), form: FormState(), sent: true, text: req))
                .encodeResponse(for: req)
        } catch AppError.validation(let errors) {
            let thread = try await req.registry.reportIntake.open(receipt: receipt)
            let again = FormState(values: ["message": form.message ?? ""], errors: errors, on: req)
            return try await req.page(ReportThreadPage(thread: thread, receipt: receipt, token: form._token ?? "", form: again, text: req), status: .unprocessableEntity)
        }
    }

    private func replyToken(_ req: Request) async throws -> String {
        ReportFormToken.issue(now: req.application.clock.now()).text(context: ReportFormToken.replyContext, secret: try await req.registry.reportIntake.formSecret())
    }

    /// The subject in the address and its current questionnaire; 404 for an unknown key.
    static func load(_ req: Request) async throws -> (ReportContext, QuestionnaireVersion) {
        guard let key = req.parameters.get("key"), let context = try await ReportContext.query(on: req.db).filter(\.$key == key).first(),
              let version = try await QuestionnaireVersion.current(of: context.requireID(), on: req.db) else { throw AppError.notFound }
        return (context, version)
    }

    private func again(_ req: Request, _ context: ReportContext, _ version: QuestionnaireVersion, _ answers: ReportAnswersForm,
                       errors: [FieldError], blocks: [LocalizedText], refusal: String? = nil,
                       status: HTTPStatus = .unprocessableEntity) async throws -> Response {
        let labels = Dictionary(version.questionnaire.reportFields.map { ($0.field.id, $0.field.label[req.language]) }, uniquingKeysWith: { a, _ in a })
        let form = FormState(values: answers.values.mapValues { $0.first ?? "" }, errors: errors, on: req, labels: labels)
        return try await req.page(ReportFormPage(context: context.key, title: context.title, questionnaire: version.questionnaire, token: answers.token ?? "",
                                                 regions: Self.regions(req), form: form, chosen: answers.values, blocks: blocks, refusal: refusal,
                                                 offersIdentity: try await req.registry.reportIdentity.canKeep(),
                                                 offersUpdates: context.channel == .complaint, text: req),
                                  status: status)
    }

    static func regions(_ req: Request) -> [(code: String, name: String)] { WorldRegion.sortedNames(in: req.language) }
}

/// A receipt typed back, and a reply.
struct ReceiptForm: Content {
    var receipt: String?
    var message: String?
    var _token: String?
    /// Files sent with a reply (`multipart/form-data`); an empty file input sends one nameless, empty part.
    var attachments: [File]?

    var chosenFiles: [ReportAttachment] {
        (attachments ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
            .map { ReportAttachment(name: $0.filename, content: Data($0.data.readableBytesView)) }
    }
}

/// The posted answers: every field by question id (a multiple choice sends several), and the form's token.
struct ReportAnswersForm {
    let values: [String: [String]]
    let token: String?

    /// The optional identity's fields and the address for updates, which are not questions of the questionnaire.
    static let ownFields = ["identity_name", "identity_contact", "updates_email"]

    /// The answers to the questionnaire, without the identity or the address.
    var report: [String: [String]] { values.filter { !Self.ownFields.contains($0.key) } }

    /// The address given for status updates, in the form's language; nil when none was given.
    func contact(language: SupportedLanguage) throws -> ComplainantContact? {
        let raw = values["updates_email"]?.first?.trimmingWhitespace() ?? ""
        guard !raw.isEmpty else { return nil }
        guard let email = EmailAddress(raw) else { throw AppError.validation([FieldError("updates_email", .invalidEmail)]) }
        return ComplainantContact(email: email.value, language: language.rawValue)
    }

    /// The identity given, trimmed and bounded; nil when both fields are empty.
    func identity() throws -> ReportIdentity? {
        let name = values["identity_name"]?.first?.trimmingWhitespace() ?? "", contact = values["identity_contact"]?.first?.trimmingWhitespace() ?? ""
        let errors = [("identity_name", name, 200), ("identity_contact", contact, 500)].filter { $0.1.count > $0.2 }.map { FieldError($0.0, .tooLong) }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let identity = ReportIdentity(name: name, contact: contact)
        return identity.isEmpty ? nil : identity
    }

    static func decode(_ req: Request) throws -> ReportAnswersForm {
        let pairs = FormFields.pairs(req)
        var values: [String: [String]] = [:]
        for (name, value) in pairs where name != "_token" && name != "lang" { values[name, default: []].append(value) }
        return ReportAnswersForm(values: values, token: pairs.first { $0.0 == "_token" }?.1)
    }
}

extension Request.Body {
    var string: String? { data.map { String(buffer: $0) } }
}
