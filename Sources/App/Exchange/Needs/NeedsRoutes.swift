import ExchangeCore
import Vapor

/// The routes `APINeedController` answers.
enum APINeedRoute: String, APIEndpoint {
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

    var operation: APIOperation {
        switch self {
        case .list: APIOperation("listNeeds", "Needs; public participants see their own body's", query: QueryParameter.pages, answer: .page(of: NeedDTO.self))
        case .create: APIOperation("createNeed", "Save a draft need (public participants for their body; programme staff for any)",
                                   body: .json(NeedInput.self), answer: .json(NeedDTO.self), status: .created)
        case .show: APIOperation("getNeed", "One need; other bodies' needs answer 404", answer: .json(NeedDTO.self))
        case .submit: APIOperation("submitNeed", "Check every rule and screen the need", answer: .json(NeedDTO.self))
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
