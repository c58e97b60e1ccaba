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

    /// Who receives the context's reports, under the keys its rules name.
    func setRecipients(_ recipients: [ReportContext.Recipient], of context: ReportContext, by user: User) async throws {
        _ = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            guard let stored = try await ReportContext.find(context.requireID(), on: scope.db) else { throw AppError.notFound }
            if stored.recipients == recipients { throw AuditLogService.NothingToChange() }
            stored.recipients = recipients
            try await stored.save(on: scope.db)
            try await scope.record(.reportContextRecipients, .reportContext(stored.requireID()), changes: ["recipients": String(recipients.count)])
        }
    }

    /// Publishes `questionnaire` as the context's next version, after the builder's checks; the same questionnaire as
    /// the current version changes nothing (nil).
    func publish(_ questionnaire: ReportQuestionnaire, to context: ReportContext, by user: User) async throws -> QuestionnaireVersion? {
        let problems = questionnaire.problems()
        guard problems.isEmpty else { throw AppError.validation(problems) }
        return try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            let current = try await QuestionnaireVersion.current(of: context.requireID(), on: scope.db)
            if current?.questionnaire == questionnaire { throw AuditLogService.NothingToChange() }
            let next = try version((current?.number ?? 0) + 1, of: questionnaire, for: context, by: user)
            try await next.create(on: scope.db)
            try await scope.record(.reportContextPublish, .reportContext(context.requireID()), changes: ["key": context.key, "version": String(next.number)])
            return next
        }
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
