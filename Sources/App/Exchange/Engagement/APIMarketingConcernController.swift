import ExchangeCore
import Vapor

/// Marketing concerns over JSON: either party reports one; programme staff list them, with their reporters, and decide.
struct APIMarketingConcernController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIMarketingConcernRoute.report, use: report)
        routes.on(APIMarketingConcernRoute.list, use: list)
        routes.on(APIMarketingConcernRoute.decide, use: decide)
    }

    struct ReportInput: Content {
        var description: String?
        var links: [String]?
    }

    /// What the reporter gets back: the report is in, and nothing about its handling.
    struct ReceiptDTO: Content {
        let id: UUID
        let reportedAt: Date
    }

    struct ConcernDTO: Content {
        struct Reporter: Content {
            let id: UUID
            let displayName: String
            let party: String
        }
        let id: UUID
        let reporter: Reporter
        let description: String
        let links: [String]
        let status: String
        let outcomeText: String?
        let reportedAt: Date
        let decidedAt: Date?
        let alternativeMatchID: UUID?

        init(_ c: MarketingConcern) throws {
            id = try c.requireID()
            reporter = Reporter(id: c.$reporter.id, displayName: c.reporter.displayName, party: c.reporterParty.rawValue)
            description = c.text
            links = c.links
            status = c.status.rawValue
            outcomeText = c.outcomeText
            reportedAt = c.reportedAt
            decidedAt = c.decidedAt
            alternativeMatchID = c.alternativeEngagementID
        }
    }

    struct DecisionInput: Content {
        var outcome: String?
        var text: String?
        var alternativeExpertProfileID: UUID?
    }

    @Sendable func report(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.create) { $0.protected.marketingConcern }
        guard let party = match.party(of: req.principal!) else { throw AppError.forbidden }
        let input = try req.content.decode(ReportInput.self)
        let (report, errors) = MarketingConcernReport.parse(description: input.description, links: (input.links ?? []).joined(separator: "\n"))
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let concern = try await req.registry.marketingConcerns.report(report, on: match, as: party, by: try req.requireUser())
        return try await ReceiptDTO(id: concern.requireID(), reportedAt: concern.reportedAt).encodeResponse(status: .created, for: req)
    }

    @Sendable func list(req: Request) async throws -> [ConcernDTO] {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.marketingConcern }
        return try await req.registry.marketingConcerns.concerns(of: match).map(ConcernDTO.init)
    }

    @Sendable func decide(req: Request) async throws -> ConcernDTO {
        let match = try await ProposedMatches(req: req).load(.decide) { $0.protected.marketingConcern }
        guard let id = req.parameters.get("concern").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        let concern = try await req.registry.marketingConcerns.find(id, in: match)
        let input = try req.content.decode(DecisionInput.self)
        let (decision, errors) = MarketingConcernDecision.parse(outcome: input.outcome, text: input.text)
        guard let decision else { throw AppError.validation(errors) }
        try await req.registry.marketingConcerns.decide(decision, alternative: input.alternativeExpertProfileID, on: concern, of: match,
                                               by: try req.requireUser())
        return try ConcernDTO(await req.registry.marketingConcerns.find(id, in: match))
    }
}
