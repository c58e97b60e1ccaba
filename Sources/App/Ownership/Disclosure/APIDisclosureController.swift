import ExchangeCore
import Vapor

/// Disclosures over JSON: a company's people declare; they and programme staff read every version.
struct APIDisclosureController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIDisclosureRoute.show, use: show)
        routes.on(APIDisclosureRoute.declare, use: declare)
    }

    @Sendable func show(req: Request) async throws -> [DisclosureDTO] {
        let organisation = try req.uuidParameter("organisationID")
        try req.authorize(.read, .supplierDisclosure(organisationID: organisation))
        return try await req.registry.disclosures.history(of: organisation).map(DisclosureDTO.init)
    }

    @Sendable func declare(req: Request) async throws -> Response {
        let organisation = try await DisclosureController.company(req)
        try req.authorize(.create, .supplierDisclosure(organisationID: organisation.id))
        let input = try req.content.decode(DisclosureInput.self)
        let disclosure = try await req.registry.disclosures.declare(input.draft, organisation: organisation.id, base: input.base,
                                                                    declaration: req.t("disclosure.declaration"), by: try req.requireUser().requireID())
        return try await DisclosureDTO(disclosure).encodeResponse(status: .created, for: req)
    }
}
