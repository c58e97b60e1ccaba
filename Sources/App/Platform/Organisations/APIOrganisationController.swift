import ExchangeCore
import Fluent
import Vapor

/// Organisations over JSON, with the same rules and validation as the pages.
struct APIOrganisationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIOrganisationRoute.list, use: list)
        routes.on(APIOrganisationRoute.create, use: create)
        routes.on(APIOrganisationRoute.show, use: show)
        routes.on(APIOrganisationRoute.replace, use: replace)
    }

    @Sendable func list(req: Request) async throws -> PageDTO<OrganisationDTO> {
        try req.authorize(.list, .organisationDirectory)
        let paging = try PageRequest(req)
        var query = Organisation.query(on: req.db)
        if let raw = try req.query.get(String?.self, at: "kind") {
            guard let kind = OrganisationKind(rawValue: raw) else { throw AppError.validation([FieldError("kind", .invalidChoice)]) }
            query = query.filter(\.$kind == kind)
        }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$name).range(paging.range).all().map(OrganisationDTO.init)
        return PageDTO(items: items, page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorize(.create, .organisationDirectory)
        let input = try req.content.decode(OrganisationInput.self)
        let organisation = try await req.registry.organisations.create(input.draft, actor: .user(req.requireUser().requireID()))
        let response = try await OrganisationDTO(organisation).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIOrganisationRoute.show.link(try organisation.requireID()))
        return response
    }

    @Sendable func show(req: Request) async throws -> OrganisationDTO {
        try OrganisationDTO(await req.load(Organisation.self, for: .read))
    }

    @Sendable func replace(req: Request) async throws -> OrganisationDTO {
        let organisation = try await req.load(Organisation.self, for: .update)
        var input = try req.content.decode(OrganisationInput.self)
        input.kind = input.kind ?? organisation.kind.rawValue
        return try OrganisationDTO(await req.registry.organisations.update(organisation, with: input.draft, actor: .user(req.requireUser().requireID())))
    }

}
