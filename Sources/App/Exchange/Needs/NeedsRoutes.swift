import ExchangeCore
import Vapor

/// The routes `APINeedController` answers.
enum APINeedRoute: String, Endpoint {
    static let area = EndpointArea.api

    case list
    case create
    case show
    case submit

    var spec: EndpointSpec {
        switch self {
        case .list: .get("needs", .signedIn)
        case .create: .post("needs", .signedIn)
        case .show: .get("needs/:id", .signedIn)
        case .submit: .post("needs/:id/submit", .signedIn)
        }
    }
}

/// The routes `NeedController` answers.
enum NeedRoute: String, Endpoint {
    case list
    case newForm
    case create
    case show
    case editForm
    case update
    case submit
    case decide

    var spec: EndpointSpec {
        switch self {
        case .list: .get("needs", .signedIn)
        case .newForm: .get("needs/new", .signedIn)
        case .create: .post("needs", .signedIn)
        case .show: .get("needs/:id", .signedIn)
        case .editForm: .get("needs/:id/edit", .signedIn)
        case .update: .post("needs/:id", .signedIn)
        case .submit: .post("needs/:id/submit", .signedIn)
        case .decide: .post("needs/:id/decision", .programmeStaff)
        }
    }
}
