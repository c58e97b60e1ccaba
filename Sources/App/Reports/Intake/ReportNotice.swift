import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// Tells the people who can read a report that something waits for them, and never what: the mail names no subject,
/// no organisation and no words of the report, only where to sign in. Written in the caller's transaction, so it
/// goes out once, if and only if what it announces was stored.
struct ReportNotice: Sendable {
    let mailer: Mailer

    /// A new report, to each of its readers.
    func received(_ reportID: UUID, by readers: [User], on db: Database) async throws {
        try await send("report_received", reportID, to: readers, on: db)
    }

    /// The whistleblower (or complainant) wrote: to everyone who holds a key to the report now.
    func replied(_ reportID: UUID, on db: Database) async throws {
        let holders = try await ReportReaderKey.query(on: db).filter(\.$report.$id == reportID).all().compactMap { UUID(uuidString: $0.readerID) }
        let readers = try await User.query(on: db).filter(\.$id ~~ holders).filter(\.$status == .active).all()
        try await send("report_message", reportID, to: readers, on: db)
    }

    /// A complaint moved: to the complainant who gave an address, in their language, naming only the new status and
    /// where to follow it with the receipt. The address is forgotten once the mail is handed over.
    func statusChanged(to status: ComplaintStatus, for contact: ComplainantContact, on db: Database) async throws {
        let language = SupportedLanguage(rawValue: contact.language) ?? .en
        let followUp = mailer.link(ReportIntakeRoute.followUp.link(query: [URLQueryItem(name: "lang", value: language.rawValue)]))
        try await mailer.enqueue(to: contact.email, language: language, kind: "complaint_status",
                                 arguments: [mailer.catalogs.text("reporting.status.\(status.rawValue)", language, []), followUp],
                                 forgetRecipient: true, on: db)
    }

    /// A redacted copy forwarded to another organisation, to each of its readers there.
    func forwarded(_ forwardID: UUID, to readers: [User], on db: Database) async throws {
        try await send("report_forwarded", link: ForwardRoute.show.link(forwardID), to: readers, on: db)
    }

    private func send(_ kind: String, _ reportID: UUID, to readers: [User], on db: Database) async throws {
        try await send(kind, link: ReceivedReportsRoute.show.link(reportID), to: readers, on: db)
    }

    private func send(_ kind: String, link path: String, to readers: [User], on db: Database) async throws {
        let link = mailer.link(path)
        for reader in readers {
            try await mailer.enqueue(to: reader.email, language: reader.preferredLanguage ?? .en, kind: kind, arguments: [link], on: db)
        }
    }
}
