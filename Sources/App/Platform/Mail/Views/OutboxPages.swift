import ExchangeCore
import Foundation

/// One message in the outbox; its body only on its own page.
struct OutboxMessagePage: PageModel {
    static let template = "outbox_message"
    let titleKey = "outbox.message_title"

    let id: String
    let recipient: String
    let subject: String
    let status: String
    let created: String
    let body: String?

    init(_ m: MailMessage, withBody: Bool, text: some Translating) throws {
        id = try m.requireID().pathSegment
        recipient = m.recipient
        subject = m.subject
        status = text.t("mail.status.\(m.status.rawValue)")
        created = text.dateTime(m.createdAt)
        body = withBody ? m.body : nil
    }
}

/// The outbox: every message the platform sent or will send, newest first.
struct OutboxPage: PageModel {
    static let template = "outbox"
    let titleKey = "outbox.title"

    let messages: [OutboxMessagePage]
    let hasMessages: Bool

    init(messages: [MailMessage], text: some Translating) throws {
        self.messages = try messages.map { try OutboxMessagePage($0, withBody: false, text: text) }
        hasMessages = !self.messages.isEmpty
    }
}
