import ExchangeCore
import Vapor

/// Closing reports, consent and publication over JSON, and the published exchanges for anyone.
struct APIPublicationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIPublicationRoute.report, use: report)
        routes.on(APIPublicationRoute.saveReport, use: saveReport)
        routes.on(APIPublicationRoute.consent, use: consent)
        routes.on(APIPublicationRoute.publish, use: publish)
        routes.on(APIPublicationRoute.published, use: published)
    }

    struct ReportDTO: Content {
        let outcome: String?
        let lessons: String?
        let recommendations: String?
        /// Item → the sides that consented.
        let consents: [String: [String]]
        let published: [String: String]?
    }

    struct ReportInput: Content { var outcome: String?; var lessons: String?; var recommendations: String? }
    struct ConsentInput: Content { var items: [String]? }
    struct PublishInput: Content { var texts: [String: String]?; var post: String? }
    struct PublishedDTO: Content { let match: UUID; let title: String; let texts: [String: String]; let publishedAt: Date }

    @Sendable func report(req: Request) async throws -> ReportDTO {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        return try await dto(req, match)
    }

    @Sendable func saveReport(req: Request) async throws -> ReportDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        let input = try req.content.decode(ReportInput.self)
        try await req.registry.publications.saveReport(outcome: input.outcome, lessons: input.lessons, recommendations: input.recommendations,
                                              on: match, by: try req.requireUser())
        return try await dto(req, match)
    }

    @Sendable func consent(req: Request) async throws -> ReportDTO {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        guard let party = match.party(of: req.principal!) else { throw AppError.forbidden }
        let raw = try req.content.decode(ConsentInput.self).items ?? []
        let items = raw.compactMap(PublicationItem.init(rawValue:))
        guard items.count == raw.count else { throw AppError.validation([FieldError("items", .invalidChoice)]) }
        try await req.registry.publications.setConsents(Set(items), on: match, as: party, by: try req.requireUser())
        return try await dto(req, match)
    }

    @Sendable func publish(req: Request) async throws -> ReportDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        let input = try req.content.decode(PublishInput.self)
        var texts: [PublicationItem: String] = [:]
        for (key, value) in input.texts ?? [:] {
            guard let item = PublicationItem(rawValue: key) else { throw AppError.validation([FieldError("texts", .invalidChoice)]) }
            texts[item] = value
        }
        try await req.registry.publications.publish(PublicationDraft(texts: texts, post: input.post ?? ""), on: match, by: try req.requireUser())
        return try await dto(req, match)
    }

    @Sendable func published(req: Request) async throws -> [PublishedDTO] {
        try await req.registry.publications.published().map {
            PublishedDTO(match: $0.$engagement.id, title: $0.needTitle,
                         texts: Dictionary(uniqueKeysWithValues: $0.texts(in: req.language).map { ($0.key.rawValue, $0.value) }), publishedAt: $0.publishedAt)
        }
    }

    private func dto(_ req: Request, _ match: ProposedMatches.Loaded) async throws -> ReportDTO {
        let report = try await req.registry.publications.report(match)
        let consents = try await req.registry.publications.consents(match)
        let publication = try await req.registry.publications.publication(match)
        return ReportDTO(outcome: report?.outcome, lessons: report?.lessons, recommendations: report?.recommendations,
                         consents: Dictionary(uniqueKeysWithValues: consents.given.map { ($0.key.rawValue, $0.value.map(\.rawValue).sorted()) }),
                         published: publication.map { Dictionary(uniqueKeysWithValues: $0.texts.map { ($0.key.rawValue, $0.value) }) })
    }

}
