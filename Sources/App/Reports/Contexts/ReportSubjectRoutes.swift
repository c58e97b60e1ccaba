import ExchangeCore
import Vapor

/// The routes `ReportSubjectController` answers: administrators keep the reporting subjects, their recipients and
/// retention, and build their questionnaires.
enum ReportSubjectRoute: String, Endpoint {
    case list
    case create
    case subject
    case settings
    case builder
    /// A builder's button (add, remove, move, check): it changes only the form sent back, never the database.
    case edit
    case publish

    var spec: EndpointSpec {
        switch self {
        case .list: .get("report-subjects", .administrators)
        case .create: .post("report-subjects", .administrators)
        case .subject: .get("report-subjects/:id", .administrators)
        case .settings: .post("report-subjects/:id/settings", .administrators)
        case .builder: .get("report-subjects/:id/builder", .administrators)
        case .edit: .post("report-subjects/:id/builder", .administrators)
        case .publish: .post("report-subjects/:id/publish", .administrators)
        }
    }
}
