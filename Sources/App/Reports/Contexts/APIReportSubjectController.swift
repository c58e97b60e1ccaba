import ExchangeCore
import Fluent
import SecureReporting
import Vapor

/// Reporting subjects over JSON, with the pages' rules: the same reading of input, the same check before publishing.
struct APIReportSubjectController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIReportSubjectRoute.list, use: list)
        routes.on(APIReportSubjectRoute.create, use: create)
        routes.on(APIReportSubjectRoute.settings, use: settings)
        routes.on(APIReportSubjectRoute.questionnaire, use: questionnaire)
        routes.on(APIReportSubjectRoute.publish, use: publish)
    }

    @Sendable func list(req: Request) async throws -> [ReportSubjectDTO] {
        try await req.registry.reportContexts.subjects().map { try ReportSubjectDTO($0.context, version: $0.current?.number) }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let input = try req.content.decode(ReportSubjectInput.self)
        let context = try await Self.jsonPaths({ $0.replacingOccurrences(of: "title_", with: "title.") }) {
            try await req.registry.reportContexts.create(try ReportContextDraft.read(input.formValues), startingFrom: input.start ?? "", by: req.requireUser())
        }
        return try await ReportSubjectDTO(context, version: 1).encodeResponse(status: .created, for: req)
    }

    @Sendable func settings(req: Request) async throws -> ReportSubjectDTO {
        let context = try await find(req)
        let input = try req.content.decode(ReportSubjectSettingsInput.self)
        let organisations = Set(try await Organisation.query(on: req.db).all(\.$id))
        try await Self.jsonPaths(Self.settingsPath) {
            try await req.registry.reportContexts.setSettings(try ReportContextSettings.read(input.formValues, organisations: organisations),
                                                             of: context.requireID(), by: req.requireUser())
        }
        let stored = try await find(req)
        return try ReportSubjectDTO(stored, version: try await QuestionnaireVersion.current(of: stored.requireID(), on: req.db)?.number)
    }

    @Sendable func questionnaire(req: Request) async throws -> QuestionnaireVersionDTO {
        let context = try await find(req)
        guard let current = try await QuestionnaireVersion.current(of: context.requireID(), on: req.db) else { throw AppError.notFound }
        return QuestionnaireVersionDTO(current)
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let context = try await find(req)
        let input = try req.content.decode(QuestionnairePublicationInput.self)
        guard let version = try await req.registry.reportContexts.publish(input.questionnaire.questionnaire, to: context, editedFrom: input.base,
                                                                          by: req.requireUser()) else {
            throw AppError.conflict(code: "questionnaire_unchanged")
        }
        return try await QuestionnaireVersionDTO(version).encodeResponse(status: .created, for: req)
    }

    private func find(_ req: Request) async throws -> ReportContext {
        guard let context = try await ReportContext.find(req.uuidParameter(), on: req.db) else { throw AppError.notFound }
        return context
    }

    /// Field errors named as the JSON names them: the form's `title_fr` is `title.fr` here.
    private static func jsonPaths<T>(_ rename: (String) -> String, _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch AppError.validation(let errors) {
            throw AppError.validation(errors.map { FieldError(rename($0.field), $0.code) })
        }
    }

    /// `retention_days` is `retentionDays`, and `recipient_key_2` is `recipients[2].key`.
    private static func settingsPath(_ field: String) -> String {
        for part in ["key", "organisation"] where field.hasPrefix("recipient_\(part)_") {
            return "recipients[\(field.dropFirst("recipient_\(part)_".count))].\(part)"
        }
        return field == "retention_days" ? "retentionDays" : field
    }
}
