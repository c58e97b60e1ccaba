import ExchangeCore
import Vapor

/// The skills taxonomy over JSON: search it (signed in), add and rename skills (administrators).
struct APISkillsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APISkillsRoute.list, use: list)
        routes.on(APISkillsRoute.add, use: add)
        routes.on(APISkillsRoute.rename, use: rename)
    }

    struct LabelsDTO: Content {
        var en: String?
        var fr: String?
        var es: String?
    }

    struct SkillInput: Content {
        var group: String?
        var labels: LabelsDTO?
        var synonyms: [String]?
        var reason: String?

        var draft: SkillDraft {
            SkillDraft(group: group ?? "", labels: .init(en: labels?.en ?? "", fr: labels?.fr ?? "", es: labels?.es ?? ""),
                       synonyms: synonyms ?? [])
        }
    }

    struct SkillDTO: Content {
        let id: String
        let group: String
        let labels: [String: String]
        let synonyms: [String]

        init(_ s: SkillsTaxonomy.Skill) {
            id = s.id
            group = s.group
            labels = ["en": s.labels.en, "fr": s.labels.fr, "es": s.labels.es]
            synonyms = s.synonyms
        }
    }

    /// Every skill in taxonomy order, or with `q` the matches best first.
    @Sendable func list(req: Request) async throws -> [SkillDTO] {
        try req.authorize(.list, .skillsTaxonomy)
        let taxonomy = req.application.taxonomy
        let query = (try? req.query.get(String.self, at: "q"))?.trimmingWhitespace() ?? ""
        return (query.isEmpty ? taxonomy.skills : taxonomy.search(query)).map(SkillDTO.init)
    }

    @Sendable func add(req: Request) async throws -> Response {
        try req.authorize(.create, .skillsTaxonomy)
        let skill = try await req.registry.skillAdministration.add(try req.content.decode(SkillInput.self).draft, by: try req.requireUser())
        let response = try await SkillDTO(skill).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APISkillsRoute.list.link(query: [URLQueryItem(name: "q", value: skill.id)]))
        return response
    }

    @Sendable func rename(req: Request) async throws -> SkillDTO {
        try req.authorize(.update, .skillsTaxonomy)
        let input = try req.content.decode(SkillInput.self)
        let id = req.parameters.get("skill") ?? ""
        return SkillDTO(try await req.registry.skillAdministration.rename(id, to: input.draft, reason: input.reason ?? "", by: try req.requireUser()))
    }
}
