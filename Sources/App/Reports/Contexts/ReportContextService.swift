import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// Reporting contexts and their questionnaires: the seeds an installation starts with, recipients, and publishing a
/// new version, which freezes the one before.
struct ReportContextService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    /// Days a report is kept, by channel, until recipients extend it.
    static let defaultRetentionDays: [ReportChannel: Int] = [.whistleblowing: 730, .complaint: 1095]

    /// Adds every seed questionnaire's context that is missing, with version 1; the second call changes nothing.
    func seed() async throws {
        for seed in SeedQuestionnaire.allCases {
            _ = try await audit.transactionIfChanged(on: db, actor: .system("reporting")) { scope in
                guard try await ReportContext.query(on: scope.db).filter(\.$key == seed.key).first() == nil else {
                    throw AuditLogService.NothingToChange()
                }
                let context = ReportContext()
                (context.key, context.channel, context.title) = (seed.key, seed.channel, seed.title)
                (context.retentionDays, context.recipients, context.createdAt) = (Self.defaultRetentionDays[seed.channel]!, [], clock.now())
                try await context.create(on: scope.db)
                try await version(1, of: seed.questionnaire, for: context, by: nil).create(on: scope.db)
                try await scope.record(.reportContextPublish, .reportContext(context.requireID()), changes: ["key": seed.key, "version": "1"])
            }
        }
    }

    /// Every subject by key, with its current questionnaire, in two queries.
    func subjects() async throws -> [(context: ReportContext, current: QuestionnaireVersion?)] {
        let contexts = try await ReportContext.query(on: db).sort(\.$key).all()
        let versions = try await QuestionnaireVersion.query(on: db).all()
        let current = Dictionary(grouping: versions, by: \.$context.id).compactMapValues { $0.max { $0.number < $1.number } }
        return try contexts.map { ($0, current[try $0.requireID()]) }
    }

    /// Who receives the context's reports, under the keys its rules name.
    func setRecipients(_ recipients: [ReportContext.Recipient], of context: ReportContext, by user: User) async throws {
        try await setSettings(.init(recipients: recipients, retentionDays: context.retentionDays), of: context.requireID(), by: user)
    }

    /// Recipients and retention as the subject's page sets them; the same settings again change nothing.
    func setSettings(_ settings: ReportContextSettings, of contextID: UUID, by user: User?) async throws {
        _ = try await audit.transactionIfChanged(on: db, actor: actor(user)) { scope in
            guard let stored = try await ReportContext.find(contextID, on: scope.db) else { throw AppError.notFound }
            if stored.recipients == settings.recipients && stored.retentionDays == settings.retentionDays { throw AuditLogService.NothingToChange() }
            (stored.recipients, stored.retentionDays) = (settings.recipients, settings.retentionDays)
            try await stored.save(on: scope.db)
            try await scope.record(.reportContextRecipients, .reportContext(contextID),
                                   changes: ["recipients": String(settings.recipients.count), "retention_days": String(settings.retentionDays)])
        }
    }

    /// A new subject whose version 1 is a model questionnaire (`seed:<key>`) or another subject's current one
    /// (`subject:<key>`), both read inside the transaction; a key already in use is a field error.
    func create(_ draft: ReportContextDraft, startingFrom start: String, by user: User?) async throws -> ReportContext {
        try await audit.transaction(on: db, actor: actor(user)) { scope in
            let questionnaire = try await startingQuestionnaire(start, on: scope.db)
            guard try await ReportContext.query(on: scope.db).filter(\.$key == draft.key).first() == nil else {
                throw AppError.validation([FieldError("key", .nameTaken)])
            }
            let context = ReportContext()
            (context.key, context.channel, context.title) = (draft.key, draft.channel, draft.title)
            (context.retentionDays, context.recipients, context.createdAt) = (Self.defaultRetentionDays[draft.channel]!, [], clock.now())
            try await context.create(on: scope.db)
            try await version(1, of: questionnaire, for: context, by: user).create(on: scope.db)
            try await scope.record(.reportContextCreate, .reportContext(context.requireID()), changes: ["key": draft.key, "channel": draft.channel.rawValue])
            return context
        }
    }

    /// Publishes `questionnaire` as the context's next version, after the builder's checks; the same questionnaire as
    /// the current version changes nothing (nil). `base`, the version the edit started from, must still be the current
    /// one, read inside the transaction: an edit of a version someone has since replaced answers 409.
    func publish(_ questionnaire: ReportQuestionnaire, to context: ReportContext, editedFrom base: Int? = nil, by user: User?) async throws -> QuestionnaireVersion? {
        let problems = questionnaire.problems()
        guard problems.isEmpty else { throw AppError.validation(problems) }
        return try await audit.transactionIfChanged(on: db, actor: actor(user)) { scope in
            let current = try await QuestionnaireVersion.current(of: context.requireID(), on: scope.db)
            if current?.questionnaire == questionnaire { throw AuditLogService.NothingToChange() }
            if let base, base != current?.number { throw AppError.conflict(code: "questionnaire_replaced") }
            let next = try version((current?.number ?? 0) + 1, of: questionnaire, for: context, by: user)
            try await next.create(on: scope.db)
            try await scope.record(.reportContextPublish, .reportContext(context.requireID()), changes: ["key": context.key, "version": String(next.number)])
            return next
        }
    }

    private func startingQuestionnaire(_ start: String, on db: Database) async throws -> ReportQuestionnaire {
        if let seed = SeedQuestionnaire.allCases.first(where: { "seed:\($0.key)" == start }) { return seed.questionnaire }
        if start.hasPrefix("subject:"), let context = try await ReportContext.query(on: db).filter(\.$key == String(start.dropFirst(8))).first(),
           let current = try await QuestionnaireVersion.current(of: context.requireID(), on: db) {
            return current.questionnaire
        }
        throw AppError.validation([FieldError("start", start.isEmpty ? .required : .invalidChoice)])
    }

    /// A person on a page or through the API, or else the command line.
    private func actor(_ user: User?) throws -> AuditActor {
        try user.map { .user(try $0.requireID()) } ?? .system("cli")
    }

    private func version(_ number: Int, of questionnaire: ReportQuestionnaire, for context: ReportContext, by user: User?) throws -> QuestionnaireVersion {
        let version = QuestionnaireVersion()
        (version.$context.id, version.number, version.questionnaire) = (try context.requireID(), number, questionnaire)
        (version.$publishedBy.id, version.publishedAt) = (user?.id, clock.now())
        return version
    }
}

extension SeedQuestionnaire {
    /// The context key a seed is installed under.
    var key: String {
        switch self {
        case .bribery: "bribery-in-public-services"
        case .procurementFraud: "procurement-fraud"
        case .officialMisconduct: "official-misconduct"
        }
    }
}
