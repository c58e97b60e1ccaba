import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// Where a report goes in: a channel, a subject ("bribery in health services"), its recipients and how long reports
/// are kept. Its questionnaire is versioned apart (`QuestionnaireVersion`).
final class ReportContext: Model, @unchecked Sendable {
    static let schema = "report_contexts"

    /// One recipient organisation, under the key the questionnaire's rules name.
    struct Recipient: Codable, Sendable, Equatable {
        let key: String
        let organisationID: UUID
    }

    @ID(key: .id) var id: UUID?
    /// Stable and public: it names the context in addresses.
    @Field(key: "key") var key: String
    @Field(key: "channel") var channel: ReportChannel
    @Field(key: "title") var title: LocalizedText
    @Field(key: "retention_days") var retentionDays: Int
    /// Every recipient a rule may name; those not excluded by a report's answers receive it.
    @Field(key: "recipients") var storedRecipients: JSONList<Recipient>
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var recipients: [Recipient] {
        get { storedRecipients.items }
        set { storedRecipients = JSONList(newValue) }
    }
}

/// A published questionnaire, frozen: an edit publishes the next number, and each report keeps the version it was
/// answered on.
final class QuestionnaireVersion: Model, @unchecked Sendable {
    static let schema = "questionnaire_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "context_id") var context: ReportContext
    @Field(key: "number") var number: Int
    @Field(key: "questionnaire") var questionnaire: ReportQuestionnaire
    /// Nil for the seed questionnaires the installation starts with.
    @OptionalParent(key: "published_by") var publishedBy: User?
    @Field(key: "published_at") var publishedAt: Date

    init() {}

    /// The newest version of a context, which new reports answer.
    static func current(of contextID: UUID, on db: Database) async throws -> QuestionnaireVersion? {
        try await query(on: db).filter(\.$context.$id == contextID).sort(\.$number, .descending).first()
    }
}
