import ExchangeCore
import Vapor

/// The routes `APIEvaluationController` answers.
enum APIEvaluationRoute: String, Endpoint {
    static let area = EndpointArea.api

    case list
    case answer
    case beginClosing
    case close
    case extend
    case kpis

    var spec: EndpointSpec {
        switch self {
        case .list: .get("matches/:id/evaluations", .signedIn)
        case .answer: .post("matches/:id/evaluations/:stage", .signedIn)
        case .beginClosing: .post("matches/:id/closing", .programmeStaff)
        case .close: .post("matches/:id/close", .programmeStaff)
        case .extend: .post("matches/:id/extend", .programmeStaff)
        case .kpis: .get("programme/kpis", ProgrammeController.access)
        }
    }
}

/// The routes `EvaluationController` answers.
enum EvaluationRoute: String, Endpoint {
    case list
    case form
    case answer

    var spec: EndpointSpec {
        switch self {
        case .list: .get("matches/:id/evaluations", .signedIn)
        case .form: .get("matches/:id/evaluations/:stage", .signedIn)
        case .answer: .post("matches/:id/evaluations/:stage", .signedIn)
        }
    }
}
