import ExchangeCore
import Foundation
import SecureReporting

/// A report as its reader sees it once opened: its answers and messages in plaintext, for the length of a request.
struct ReportThread: Sendable {
    struct Message: Sendable, Equatable {
        let number: Int
        let fromWhistleblower: Bool
        /// The status this message explains a move to, if it does.
        var status: ComplaintStatus? = nil
        let text: String
        let day: Date
        var files: [File] = []

        /// The message as a reader sees it: an explanation of a move starts with the status it moved to.
        func said(_ text: some Translating) -> String {
            (status.map { text.t("reports.moved_to", [text.t("reporting.status.\($0.rawValue)")]) + " " } ?? "") + self.text
        }
    }

    /// A file sent with a message: its name opened, its content still sealed.
    struct File: Sendable, Equatable {
        let id: UUID
        let name: String
        /// What is stored, padding included: the size to within 5%.
        let sealedBytes: Int
    }

    let reportID: UUID
    let contextKey: String
    let versionNumber: Int
    let status: ComplaintStatus
    /// The last day it is kept before it is shredded.
    let expiresOn: Date
    let answers: [String: Answer]
    let demographics: [String: Answer]
    let messages: [Message]
}

/// Submission refused by one of the questionnaire's rules, with its explanations in every language.
struct ReportBlocked: Error {
    let reasons: [LocalizedText]
}
