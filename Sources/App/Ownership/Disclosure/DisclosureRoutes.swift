import ExchangeCore
import Vapor

/// A company's own disclosure of its beneficial owners: the page and its form.
enum DisclosureRoute: String, Endpoint {
    case show
    case declare

    var spec: EndpointSpec {
        switch self {
        case .show: .get("disclosure", .roles([.expert]))
        case .declare: .post("disclosure", .roles([.expert]))
        }
    }
}

/// The routes `APIDisclosureController` answers.
enum APIDisclosureRoute: String, APIEndpoint {
    case show
    case declare

    var spec: EndpointSpec {
        switch self {
        case .show: .get("disclosures/:organisationID", .roles([.expert, .coordinator, .administrator]))
        case .declare: .post("disclosures", .roles([.expert]))
        }
    }

    var operation: APIOperation {
        switch self {
        case .show:
            APIOperation("getDisclosure",
                         "A company's disclosures of its beneficial owners, newest first, protected details included (the company's own people and programme staff; 404 for anyone else)",
                         answer: .list(of: DisclosureDTO.self))
        case .declare:
            APIOperation("declareDisclosure",
                         "Declare a new version of your company's disclosure. `base` is the version it replaces (0 for the first); a newer one is a 409. The declaration of truthfulness must be accepted",
                         body: .json(DisclosureInput.self), answer: .json(DisclosureDTO.self), status: .created)
        }
    }
}
