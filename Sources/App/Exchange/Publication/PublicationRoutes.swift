import ExchangeCore
import Vapor

/// The routes `APIPublicationController` answers.
enum APIPublicationRoute: String, Endpoint {
    static let area = EndpointArea.api

    case report
    case saveReport
    case consent
    case publish
    case published

    var spec: EndpointSpec {
        switch self {
        case .report: .get("matches/:id/report", .signedIn)
        case .saveReport: .put("matches/:id/report", .signedIn)
        case .consent: .put("matches/:id/report/consent", .signedIn)
        case .publish: .put("matches/:id/publication", .programmeStaff)
        case .published: .get("public/exchanges", .open)
        }
    }
}

/// The routes `PublicController` answers.
enum PublicRoute: String, Endpoint {
    case list
    case show
    case lessons

    var spec: EndpointSpec {
        switch self {
        case .list: .get("public", .open)
        case .show: .get("public/exchanges/:id", .open)
        case .lessons: .get("public/lessons", .open)
        }
    }
}

/// The routes `ReportController` answers.
enum ReportRoute: String, Endpoint {
    case show
    case save
    case consent
    case publicationForm
    case publish

    var spec: EndpointSpec {
        switch self {
        case .show: .get("matches/:id/report", .signedIn)
        case .save: .post("matches/:id/report", .signedIn)
        case .consent: .post("matches/:id/report/consent", .signedIn)
        case .publicationForm: .get("matches/:id/publication", .programmeStaff)
        case .publish: .post("matches/:id/publication", .programmeStaff)
        }
    }
}
