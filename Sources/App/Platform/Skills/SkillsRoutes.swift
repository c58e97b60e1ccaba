import ExchangeCore
import Vapor

/// The routes `APISkillsController` answers.
enum APISkillsRoute: String, APIEndpoint {
    case list
    case add
    case rename

    var spec: EndpointSpec {
        switch self {
        case .list: .get("skills", .signedIn)
        case .add: .post("skills", .administrators)
        case .rename: .put("skills/:skill", .administrators)
        }
    }

    var operation: APIOperation {
        switch self {
        case .list: APIOperation("listSkills", "The skills taxonomy; with q, skills whose names or synonyms in any language match, best first",
                                 query: [.text("q")], answer: .list(of: APISkillsController.SkillDTO.self))
        case .add: APIOperation("addSkill", "Add a skill; its id is made from the English name (administrators)",
                                body: .json(APISkillsController.SkillInput.self), answer: .json(APISkillsController.SkillDTO.self), status: .created)
        case .rename: APIOperation("renameSkill", "Rename a skill, with a reason; its id and group stay (administrators)",
                                   path: ["skill": ["type": "string"]], body: .json(APISkillsController.SkillInput.self),
                                   answer: .json(APISkillsController.SkillDTO.self))
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
        case .add: .post("skills", .administrators)
        case .editForm: .get("skills/:skill/edit", .administrators)
        case .rename: .post("skills/:skill", .administrators)
        }
    }
}
