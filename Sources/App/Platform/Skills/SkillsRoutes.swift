import ExchangeCore
import Vapor

/// The routes `APISkillsController` answers.
enum APISkillsRoute: String, Endpoint {
    static let area = EndpointArea.api

    case list
    case add
    case rename

    var spec: EndpointSpec {
        switch self {
        case .list: .get("skills", .signedIn)
        case .add: .post("skills", .roles([.administrator]))
        case .rename: .put("skills/:skill", .roles([.administrator]))
        }
    }
}

/// The routes `SkillsController` answers.
enum SkillsRoute: String, Endpoint {
    case list
    case add
    case editForm
    case rename

    var spec: EndpointSpec {
        switch self {
        case .list: .get("skills", .signedIn)
        case .add: .post("skills", .roles([.administrator]))
        case .editForm: .get("skills/:skill/edit", .roles([.administrator]))
        case .rename: .post("skills/:skill", .roles([.administrator]))
        }
    }
}
