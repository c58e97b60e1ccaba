import ExchangeCore
import Vapor

/// The routes `ComplaintRoutingController` answers: coordinators keep the complaint routing table.
enum ComplaintRoutingRoute: String, Endpoint {
    case table
    case add
    case remove

    var spec: EndpointSpec {
        switch self {
        case .table: .get("complaint-routing", .programmeStaff)
        case .add: .post("complaint-routing", .programmeStaff)
        case .remove: .post("complaint-routing/:id/remove", .programmeStaff)
        }
    }
}

/// The routes `APIComplaintRoutingController` answers.
enum APIComplaintRoutingRoute: String, APIEndpoint {
    case list
    case add
    case remove

    var spec: EndpointSpec {
        switch self {
        case .list: .get("complaint-routes", .programmeStaff)
        case .add: .post("complaint-routes", .programmeStaff)
        case .remove: .delete("complaint-routes/:id", .programmeStaff)
        }
    }

    var operation: APIOperation {
        switch self {
        case .list: APIOperation("listComplaintRoutes", "The complaint routing table: the most specific row of category and region names the authority (programme staff)",
                                 answer: .list(of: ComplaintRouteDTO.self))
        case .add: APIOperation("addComplaintRoute", "Add a row; a category is a complaint context's key, a region an M49 code, null meaning any; 409 when the category and region have a row (programme staff)",
                                body: .json(ComplaintRouteInput.self), answer: .json(ComplaintRouteDTO.self), status: .created)
        case .remove: APIOperation("removeComplaintRoute", "Remove a row (programme staff)", answer: .empty, status: .noContent)
        }
    }
}

struct ComplaintRouteDTO: Content {
    let id: UUID
    let category: String?
    let region: String?
    let authority: UUID

    init(_ route: ComplaintRoute) throws {
        (id, category, region, authority) = (try route.requireID(), route.category, route.region, route.$authority.id)
    }
}

struct ComplaintRouteInput: Content {
    var category: String?
    var region: String?
    var authority: UUID?

    /// The row asked for; an empty category or region means any.
    func row() throws -> ComplaintRoutingService.Row {
        guard let authority else { throw AppError.validation([FieldError("authority", .required)]) }
        func any(_ value: String?) -> String? { value.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() } }
        return .init(category: any(category), region: any(region)?.uppercased(), authority: authority)
    }
}
