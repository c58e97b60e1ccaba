import ExchangeCore
import Fluent
import Vapor

/// Writes messages to the outbox in the recipient's language, inside the caller's transaction,
/// so a message exists if and only if the action that caused it committed.
struct Mailer: Sendable {
    let catalogs: Catalogs
    let clock: WallClock
    let transport: AppConfiguration.MailTransport
    let baseURL: String

    /// `kind` names `mail.<kind>.subject` and `mail.<kind>.body` in the catalogs.
    /// `forgetRecipient`: the address is not kept once the message is handed over (`MailMessage.forgetRecipient`).
    func enqueue(to recipient: String, language: SupportedLanguage, kind: String, arguments: [String], forgetRecipient: Bool = false,
                 on db: Database) async throws {
        let body = catalogs.text("mail.\(kind).body", language, arguments) + "\n\n" + catalogs.text("mail.signature", language)
        // Without a transport nothing will ever need the address.
        let kept = forgetRecipient && transport != .sendmail ? MailMessage.forgotten : recipient
        let message = MailMessage(
            id: UUID(), recipient: kept, subject: catalogs.text("mail.\(kind).subject", language, arguments),
            body: body, language: language, status: transport == .sendmail ? .queued : .kept, now: clock.now())
        message.forgetRecipient = forgetRecipient ? true : nil
        try await message.create(on: db)
        // Its delivery is a job written with it: the message is sent if and only if its cause committed.
        if transport == .sendmail {
            try await JobQueue(db: db).enqueue(.mail, subject: message.requireID(), uniqueKey: SendmailDelivery.jobKey(message.requireID()),
                                               maxAttempts: SendmailDelivery.maxAttempts + 1, now: clock.now())
        }
    }

    func link(_ path: String) -> String {
        baseURL.hasSuffix("/") ? String(baseURL.dropLast()) + path : baseURL + path
    }
}

extension Application {
    var mailer: Mailer {
        Mailer(catalogs: catalogs, clock: clock, transport: configuration.mailTransport, baseURL: configuration.baseURL)
    }
}
