import ExchangeCore
import Fluent
import Vapor

/// Needs over JSON, with the same rules as the pages.
struct APINeedController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APINeedRoute.list, use: list)
        routes.on(APINeedRoute.create, use: create)
        routes.on(APINeedRoute.show, use: show)
        routes.on(APINeedRoute.submit, use: submit)
    }

    @Sendable func list(req: Request) async throws -> PageDTO<NeedDTO> {
        let principal = req.principal!
        try req.authorize(.list, .needDirectory(organisationID: nil))
        let paging = try PageRequest(req)
        var query = Need.query(on: req.db)
        if principal.role == .publicParticipant {
            query = query.filter(\.$organisation.$id == (principal.organisationID ?? UUID()))
        }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$updatedAt, .descending).range(paging.range).all().map(NeedDTO.init)
        return PageDTO(items: items, page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(NeedInput.self)
        let organisationID = user.role == .publicParticipant ? user.$organisation.id : input.organisation
        try req.authorize(.create, .needDirectory(organisationID: organisationID))
        guard let organisationID else { throw AppError.validation([FieldError("organisationID", .required)]) }
        var ratings: [ReadinessArea: ReadinessAssessment.Rating] = [:]
        for (name, score) in input.readiness ?? [:] {
            guard let area = ReadinessArea(rawValue: name) else { throw AppError.validation([FieldError("readiness", .invalidChoice)]) }
            ratings[area] = .init(score: score)
        }
        let need = try await req.registry.needs.create(input.draft, readiness: ReadinessAssessment(ratings: ratings), organisationID: organisationID, by: user)
        let response = try await NeedDTO(need).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APINeedRoute.show.link(try need.requireID()))
        return response
    }

    @Sendable func show(req: Request) async throws -> NeedDTO {
        try NeedDTO(await req.load(Need.self, for: .read))
    }

    @Sendable func submit(req: Request) async throws -> NeedDTO {
        let need = try await req.load(Need.self, for: .update)
        return try NeedDTO(await req.registry.needs.submit(need, by: req.requireUser()))
    }

}

struct NeedDTO: Content {
    let id: UUID
    let organisationID: UUID
    let title: String
    let status: ParticipationStatus
    let supportAreas: [SupportArea]
    let requiredSkills: [String]
    let preferredSkills: [String]
    let languages: [String]
    let durationMonths: Int
    let dataAccess: DataAccess
    let readiness: [String: Int]
    let fields: [ExperienceField]
    let sector: WorkSector?

    init(_ need: Need) throws {
        id = try need.requireID()
        organisationID = need.$organisation.id
        title = need.title
        status = need.status
        supportAreas = need.scope.supportAreas
        requiredSkills = need.scope.requiredSkills
        preferredSkills = need.scope.preferredSkills
        languages = need.scope.languages
        durationMonths = need.durationMonths
        dataAccess = need.dataAccess
        fields = need.scope.fields
        sector = need.sector
        readiness = Dictionary(uniqueKeysWithValues: need.readiness.ratings.map { ($0.key.rawValue, $0.value.score) })
    }
}
