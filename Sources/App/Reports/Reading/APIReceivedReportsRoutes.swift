import ExchangeCore
import SecureReporting
import Vapor

/// The routes `APIReceivedReportsController` answers: a recipient's reports over JSON, opened with the key
/// `unlock` hands the client (`X-Reader-Key`).
enum APIReceivedReportsRoute: String, APIEndpoint {
    case unlock
    case list
    case show
    case ask
    case status

    var spec: EndpointSpec {
        switch self {
        case .unlock: EndpointSpec.post("reader-keys", .signedIn).answeringSecret
        case .list: .get("received-reports", .signedIn)
        case .show: .get("received-reports/:id", .signedIn)
        case .ask: .post("received-reports/:id/messages", .signedIn)
        case .status: .post("received-reports/:id/status", .signedIn)
        }
    }

    var operation: APIOperation {
        switch self {
        case .unlock: APIOperation("unlockReaderKey", "Open your reading key with your password for an hour; send the readerKey returned as the X-Reader-Key header to read and answer reports. 403 reader_key_missing for someone without a key pair, which is made on the pages (recipients)",
                                   body: .json(ReaderKeyInput.self), answer: .json(ReaderKeyDTO.self), status: .created)
        case .list: APIOperation("listReceivedReports", "The reports wrapped for you, newest first, without opening them (recipients)",
                                 answer: .list(of: ReceivedReportSummaryDTO.self))
        case .show: APIOperation("getReceivedReport", "One report opened with X-Reader-Key: its answers in your language and its messages; 404 for a report not wrapped for you, 403 reader_key_required without a key (recipients)",
                                 answer: .json(ReceivedReportDTO.self))
        case .ask: APIOperation("askReporter", "Ask the reporter a question or for a document, with X-Reader-Key; the reporter reads it with their receipt (recipients)",
                                body: .json(ReportMessageInput.self), answer: .empty, status: .noContent)
        case .status: APIOperation("moveReport", "Move the report from the status you saw to the next, with an explanation the reporter reads; 409 when it has moved since (recipients)",
                                   body: .json(ReportStatusInput.self), answer: .empty, status: .noContent)
        }
    }
}

struct ReaderKeyInput: Content {
    var password: String?
}

struct ReaderKeyDTO: Content {
    /// Send it as the `X-Reader-Key` header; it is not stored and cannot be shown again.
    let readerKey: String
    let expiresAt: Date
}

struct ReceivedReportSummaryDTO: Content {
    let id: UUID
    let subject: String
    let title: LocalizedText
    let status: ComplaintStatus
    let submittedOn: Date
}

struct ReceivedReportDTO: Content {
    struct Answered: Content {
        let question: String
        let label: String
        let answer: String
    }

    let id: UUID
    let subject: String
    let version: Int
    let status: ComplaintStatus
    let keptUntil: Date
    let answers: [Answered]
    let aboutReporter: [Answered]
    let messages: [ReportMessageDTO]
}

/// One message of a report's thread, as the reporter and its readers see it over JSON.
struct ReportMessageDTO: Content {
    let number: Int
    /// False for the people handling the report.
    let fromReporter: Bool
    /// The status the message explains a move to.
    let status: ComplaintStatus?
    let text: String
    let day: Date
    /// The names of the files sent with it.
    let files: [String]

    init(_ message: ReportThread.Message) {
        (number, fromReporter, status, text) = (message.number, message.fromWhistleblower, message.status, message.text)
        (day, files) = (message.day, message.files.map(\.name))
    }
}

struct ReportMessageInput: Content {
    var text: String?
}

struct ReportStatusInput: Content {
    var from: ComplaintStatus?
    var to: ComplaintStatus?
    var explanation: String?
}
