import ExchangeCore
import SecureReporting
import Vapor

/// Reporting over JSON for apps a reporter uses instead of the pages: open to anyone, served without cookies, and
/// with the pages' rules (a form token per questionnaire fetched, the receipt as the only way back).
enum APIReportIntakeRoute: String, APIEndpoint {
    case subjects
    case form
    case submit
    case followUp
    case reply

    var spec: EndpointSpec {
        let row: EndpointSpec = switch self {
        case .subjects: .get("reporting/subjects", .open)
        case .form: .get("reporting/subjects/:key", .open)
        case .submit: .post("reporting/subjects/:key/reports", .open)
        case .followUp: .post("reporting/follow-up", .open)
        case .reply: .post("reporting/follow-up/reply", .open)
        }
        return row.withoutCookies
    }

    var operation: APIOperation {
        let key: [String: OpenAPIValue] = ["key": ["type": "string", "pattern": "^[a-z0-9-]{3,60}$"]]
        return switch self {
        case .subjects: APIOperation("listReportingSubjects", "What can be reported, by subject and channel (anyone, no account)",
                                     answer: .list(of: ReportingSubjectDTO.self))
        case .form: APIOperation("getReportingForm", "A subject's questionnaire and a one-time token to send its answers with, valid six hours (anyone)",
                                 path: key, answer: .json(ReportingFormDTO.self))
        case .submit: APIOperation("sendReport", "Send the answers, each question's id with its values; the receipt in the answer is the only way back to the report and is shown once. The same token sent again finds the same report; 409 for an expired token, 422 for a missing answer or a rule that sends the reporter elsewhere (anyone)",
                                   path: key, body: .json(ReportSubmissionInput.self), answer: .json(ReportReceiptDTO.self), status: .created)
        case .followUp: APIOperation("openReportWithReceipt", "The report's status and the messages of the people handling it, opened with the receipt; 404 for a wrong receipt, and repeated wrong receipts are locked out (anyone)",
                                     body: .json(ReceiptInput.self), answer: .json(ReporterThreadDTO.self), findsByBody: true)
        case .reply: APIOperation("replyWithReceipt", "Answer the people handling the report, with the receipt and the thread's reply token; the same token sent again keeps one message (anyone)",
                                  body: .json(ReporterReplyInput.self), answer: .empty, status: .noContent, findsByBody: true)
        }
    }
}

struct ReportingSubjectDTO: Content {
    let key: String
    let channel: ReportChannel
    let title: LocalizedText
}

struct ReportingFormDTO: Content {
    let key: String
    let channel: ReportChannel
    let title: LocalizedText
    let version: Int
    let questionnaire: QuestionnaireDocument
    /// Sent back with the answers: it proves the questionnaire came from here and makes a second sending find the first.
    let token: String
    /// A whistleblower may give their identity, sealed for the custodians alone (`identity`).
    let offersIdentity: Bool
    /// A complainant may leave an address for status updates (`updatesEmail`).
    let offersUpdates: Bool
}

struct ReportSubmissionInput: Content {
    struct Identity: Content {
        var name: String?
        var contact: String?
    }

    var token: String?
    /// Each question's id with its values: one, or several for a multiple choice.
    var answers: [String: [String]]?
    var identity: Identity?
    var updatesEmail: String?

    /// The answers as the page's form posts them, with the identity and the address under the form's own names.
    var form: ReportAnswersForm {
        var values = answers ?? [:]
        for name in ReportAnswersForm.ownFields { values.removeValue(forKey: name) }
        if let name = identity?.name { values["identity_name"] = [name] }
        if let contact = identity?.contact { values["identity_contact"] = [contact] }
        if let updatesEmail { values["updates_email"] = [updatesEmail] }
        return ReportAnswersForm(values: values, token: token)
    }
}

struct ReportReceiptDTO: Content {
    /// Sixteen digits in groups of four; kept nowhere else.
    let receipt: String
}

struct ReceiptInput: Content {
    var receipt: String?
}

struct ReporterThreadDTO: Content {
    let status: ComplaintStatus
    let messages: [ReportMessageDTO]
    /// Send it with a reply.
    let replyToken: String
}

struct ReporterReplyInput: Content {
    var receipt: String?
    var token: String?
    var text: String?
}
