import ExchangeCore
import Fluent
import SecureReporting
import Vapor

/// Administrators keep the reporting subjects: a new subject from a seed or another subject's questionnaire, its
/// recipients and retention, and the builder, whose edits live in the form until they are published.
struct ReportSubjectController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ReportSubjectRoute.list, use: list)
        routes.on(ReportSubjectRoute.create, use: create)
        routes.on(ReportSubjectRoute.subject, use: subject)
        routes.on(ReportSubjectRoute.settings, use: settings)
        routes.on(ReportSubjectRoute.builder, use: builder)
        routes.on(ReportSubjectRoute.edit, use: edit)
        routes.on(ReportSubjectRoute.publish, use: publish)
    }

    @Sendable func list(req: Request) async throws -> View {
        try await listPage(req, form: FormState(values: ["channel": ReportChannel.whistleblowing.rawValue]))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let values = FormFields.first(req)
        return try await req.formAgainIfInvalid {
            let draft = try ReportContextDraft.read(values)
            let context = try await req.registry.reportContexts.create(draft, startingFrom: values["start"] ?? "", by: req.requireUser())
            req.flash("subjects.created")
            return req.redirect(to: ReportSubjectRoute.builder.link(try context.requireID()))
        } form: { errors in
            try await listPage(req, form: FormState(values: values, errors: errors, on: req, labels: ReportSubjectsPage.labels(req)))
        }
    }

    @Sendable func subject(req: Request) async throws -> View {
        let context = try await find(req)
        return try await subjectPage(req, context, form: ReportSubjectPage.form(context))
    }

    @Sendable func settings(req: Request) async throws -> Response {
        let context = try await find(req)
        let values = FormFields.first(req)
        return try await req.formAgainIfInvalid {
            let organisations = Set(try await Organisation.query(on: req.db).all(\.$id))
            let settings = try ReportContextSettings.read(values, organisations: organisations)
            try await req.registry.reportContexts.setSettings(settings, of: context.requireID(), by: req.requireUser())
            req.flash("subjects.saved")
            return req.redirect(to: ReportSubjectRoute.subject.link(try context.requireID()))
        } form: { errors in
            try await subjectPage(req, context, form: FormState(values: values, errors: errors, on: req, labels: ReportSubjectPage.labels(values, req)))
        }
    }

    @Sendable func builder(req: Request) async throws -> View {
        let context = try await find(req)
        let current = try await QuestionnaireVersion.current(of: context.requireID(), on: req.db)
        let form = QuestionnaireForm(current?.questionnaire ?? ReportQuestionnaire(steps: []))
        return try await req.page(ReportQuestionnaireBuilderPage(subject: context.title[req.language], subjectID: try context.requireID(),
                                                           base: current?.number, form: form, checked: false, text: req))
    }

    /// A builder button: the questionnaire in the form, changed by the button, sent back with the check's findings.
    @Sendable func edit(req: Request) async throws -> View {
        let context = try await find(req)
        var values = FormFields.first(req)
        let action = values.removeValue(forKey: "action") ?? "check"
        let base = values.removeValue(forKey: "base").flatMap { Int($0) }
        var form = QuestionnaireForm(values: values)
        if let edit = QuestionnaireEdit(action: action) { form = QuestionnaireForm(form.questionnaire.applying(edit)) }
        return try await req.page(ReportQuestionnaireBuilderPage(subject: context.title[req.language], subjectID: try context.requireID(),
                                                           base: base, form: form, checked: true, text: req))
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let context = try await find(req)
        var values = FormFields.first(req)
        values.removeValue(forKey: "action")
        let base = values.removeValue(forKey: "base").flatMap { Int($0) }
        let form = QuestionnaireForm(values: values)
        do {
            let version = try await req.registry.reportContexts.publish(form.questionnaire, to: context, editedFrom: base, by: req.requireUser())
            version.map { req.flash("subjects.published", req.number($0.number)) } ?? req.flash("subjects.unchanged")
            return req.redirect(to: ReportSubjectRoute.subject.link(try context.requireID()))
        } catch AppError.validation {
            return try await req.page(ReportQuestionnaireBuilderPage(subject: context.title[req.language], subjectID: try context.requireID(),
                                                               base: base, form: form, checked: true, text: req), status: .unprocessableEntity)
        }
    }

    private func find(_ req: Request) async throws -> ReportContext {
        guard let context = try await ReportContext.find(req.uuidParameter(), on: req.db) else { throw AppError.notFound }
        return context
    }

    private func listPage(_ req: Request, form: FormState) async throws -> View {
        let subjects = try await req.registry.reportContexts.subjects()
        return try await req.page(ReportSubjectsPage(subjects: try subjects.map { context, version in
            .init(id: try context.requireID(), key: context.key, channel: context.channel, title: context.title,
                  version: version?.number, publishedAt: version?.publishedAt, recipients: context.recipients.count,
                  longestPath: version?.questionnaire.longestPath().count)
        }, seeds: SeedQuestionnaire.allCases.map { ($0.key, $0.title) }, form: form, text: req))
    }

    private func subjectPage(_ req: Request, _ context: ReportContext, form: FormState) async throws -> View {
        let versions = try await QuestionnaireVersion.query(on: req.db).filter(\.$context.$id == context.requireID())
            .sort(\.$number, .descending).with(\.$publishedBy).all()
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all()
        return try await req.page(ReportSubjectPage(
            context: .init(id: try context.requireID(), key: context.key, channel: context.channel, title: context.title,
                           recipientCount: context.recipients.count),
            versions: versions.map { .init(number: $0.number, publishedAt: $0.publishedAt, publishedBy: $0.publishedBy?.displayName,
                                           longestPath: $0.questionnaire.longestPath().count) },
            ruleKeys: versions.first.map { $0.questionnaire.recipientKeys } ?? [],
            organisations: try organisations.map { (try $0.requireID(), $0.name) }, form: form, text: req))
    }
}
