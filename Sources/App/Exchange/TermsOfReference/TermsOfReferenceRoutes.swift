import ExchangeCore
import Vapor

/// The routes `APITermsController` answers.
enum APITermsRoute: String, Endpoint {
    static let area = EndpointArea.api

    case list
    case save
    case sign
    case start

    var spec: EndpointSpec {
        switch self {
        case .list: .get("matches/:id/terms", .signedIn)
        case .save: .put("matches/:id/terms", .signedIn)
        case .sign: .post("matches/:id/terms/sign", .signedIn)
        case .start: .post("matches/:id/start", .programmeStaff)
        }
    }
}

/// The routes `TermsController` answers.
enum TermsRoute: String, Endpoint {
    case show
    case save
    case sign
    case version
    case exportHTML
    case exportJSON
    case exportPDF
    case start

    var spec: EndpointSpec {
        switch self {
        case .show: .get("matches/:id/terms", .signedIn)
        case .save: .post("matches/:id/terms", .signedIn)
        case .sign: .post("matches/:id/terms/sign", .signedIn)
        case .version: .get("matches/:id/terms/versions/:number", .signedIn)
        case .exportHTML: .get("matches/:id/terms/export.html", .signedIn)
        case .exportJSON: .get("matches/:id/terms/export.json", .signedIn)
        case .exportPDF: .get("matches/:id/terms/export.pdf", .signedIn)
        case .start: .post("matches/:id/start", .programmeStaff)
        }
    }
}
