import ExchangeCore
import Vapor

/// The routes `APIOrganisationController` answers.
enum APIOrganisationRoute: String, APIEndpoint {
    case list
    case create
    case show
    case replace

    var spec: EndpointSpec {
        switch self {
        case .list: .get("organisations", .roles([.coordinator, .administrator, .evaluator, .analyst]))
        case .create: .post("organisations", .programmeStaff)
        case .show: .get("organisations/:id", .signedIn)
        case .replace: .put("organisations/:id", .signedIn)
        }
    }

    var operation: APIOperation {
        switch self {
        case .list: APIOperation("listOrganisations", "Organisations (staff, evaluators, analysts)",
                                 query: QueryParameter.pages + [.oneOf("kind", OrganisationKind.self)], answer: .page(of: OrganisationDTO.self))
        case .create: APIOperation("createOrganisation", "Add an organisation (programme staff)", body: .json(OrganisationInput.self),
                                   answer: .json(OrganisationDTO.self), status: .created)
        case .show: APIOperation("getOrganisation", "One organisation; members see only their own (others answer 404)", answer: .json(OrganisationDTO.self))
        case .replace: APIOperation("replaceOrganisation", "Change an organisation (staff or its members)", body: .json(OrganisationInput.self),
                                    answer: .json(OrganisationDTO.self))
        }
    }
}

/// The routes `OrganisationController` answers.
enum OrganisationRoute: String, Endpoint {
    case list
    case newForm
    case create
    case mine
    case show
    case editForm
    case update

    var spec: EndpointSpec {
        switch self {
        case .list: .get("organisations", .roles([.coordinator, .administrator, .evaluator, .analyst]))
        case .newForm: .get("organisations/new", .programmeStaff)
        case .create: .post("organisations", .programmeStaff)
        case .mine: .get("organisations/mine", .signedIn)
        case .show: .get("organisations/:id", .signedIn)
        case .editForm: .get("organisations/:id/edit", .signedIn)
        case .update: .post("organisations/:id", .signedIn)
        }
    }
}

/// The routes `ParticipationController` answers.
enum ParticipationRoute: String, Endpoint {
    case show
    case submit
    case decide

    var spec: EndpointSpec {
        switch self {
        case .show: .get("organisations/:id/participation", .signedIn)
        case .submit: .post("organisations/:id/participation", .signedIn)
        case .decide: .post("organisations/:id/participation/decision", .programmeStaff)
        }
    }
}
