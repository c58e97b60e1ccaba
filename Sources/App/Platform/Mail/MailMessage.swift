import ExchangeCore
import Fluent
import Foundation
import SQLKit

/// One e-mail in the stored outbox, already rendered in the recipient's language.
final class MailMessage: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    enum Status: String, Codable, Sendable, CaseIterable {
        /// Waiting for the sendmail transport.
        case queued
        /// Claimed by one sender and being handed to sendmail; left so if that process dies, never sent twice.
        case sending
        /// Kept in the outbox only (no transport configured).
        case kept
        case sent
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "language") var language: SupportedLanguage
    @Field(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    /// The recipient is replaced by `forgotten` once the message is handed over (or at once, without a transport):
    /// set for people who gave an address for one purpose only, such as a complainant.
    @OptionalField(key: "forget_recipient") var forgetRecipient: Bool?

    static let forgotten = "(not kept)"

    init() {}

    init(id: UUID, recipient: String, subject: String, body: String, language: SupportedLanguage,
         status: Status, now: Date) {
        self.id = id
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.language = language
        self.status = status
        self.attempts = 0
        self.createdAt = now
    }
}

extension MailMessage {
    /// Moves a queued message to `sending` in one conditional statement; true for the one caller that did.
    static func claim(_ id: UUID, on db: Database) async throws -> Bool {
        try await db.sql.update(schema).set("status", to: Status.sending.rawValue)
            .where("id", .equal, id).where("status", .equal, Status.queued.rawValue)
            .changedAnyRow()
    }
}
