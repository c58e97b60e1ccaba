import ExchangeCore
import Fluent
import Vapor

/// Screening over JSON: public bodies' participation, and coordinators' decisions on bodies, expert profiles and
/// needs. Same services and rules as the pages.
struct APIScreeningController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIScreeningRoute.participation, use: participation)
        routes.on(APIScreeningRoute.submitParticipation, use: submitParticipation)
        routes.on(APIScreeningRoute.decideParticipation, use: decideParticipation)
        routes.on(APIScreeningRoute.decideExpert, use: decideExpert)
        routes.on(APIScreeningRoute.decideNeed, use: decideNeed)
    }

    struct ParticipationDTO: Content {
        let organisationID: UUID
        let status: String
        let proBono: Bool
        let workHours: Bool
        let publicCommunication: Bool
        let integrityMandate: Bool
        let screening: [ScreeningRowDTO]

        init(_ o: Organisation) throws {
            organisationID = try o.requireID()
            status = (o.participationStatus ?? .draft).rawValue
            proBono = o.proBono == true
            workHours = o.workHours == true
            publicCommunication = o.publicCommunication == true
            integrityMandate = o.integrityMandate == true
            screening = ScreeningRowDTO.rows(o.screening)
        }
    }

    struct AttestationsInput: Content {
        var proBono: Bool?
        var workHours: Bool?
        var publicCommunication: Bool?
        var integrityMandate: Bool?
    }

    struct DecisionInput: Content {
        var decision: String?
        var reason: String?

        var eligible: Bool {
            get throws { try CoordinatorDecisionForm(decision: decision, reason: reason).eligible() }
        }
    }

    @Sendable func participation(req: Request) async throws -> ParticipationDTO {
        try ParticipationDTO(await publicBody(req, for: .read))
    }

    @Sendable func submitParticipation(req: Request) async throws -> ParticipationDTO {
        let body = try await publicBody(req, for: .update)
        let input = try req.content.decode(AttestationsInput.self)
        _ = try await req.registry.participation.submit(body, .init(
            proBono: input.proBono == true, workHours: input.workHours == true, publicCommunication: input.publicCommunication == true,
            integrityMandate: input.integrityMandate == true), by: try req.requireUser())
        return try ParticipationDTO(body)
    }

    @Sendable func decideParticipation(req: Request) async throws -> ParticipationDTO {
        let body = try await publicBody(req, for: .update)
        let input = try req.content.decode(DecisionInput.self)
        try await req.registry.participation.decide(body, eligible: try input.eligible, reason: input.reason ?? "", by: try req.requireUser(),
                                           mailer: req.application.mailer)
        return try ParticipationDTO(body)
    }

    @Sendable func decideExpert(req: Request) async throws -> ExpertProfileDTO {
        let profile = try await req.load(ExpertProfile.self, for: .decide)
        let input = try req.content.decode(DecisionInput.self)
        try await req.registry.expertProfiles.decide(profile, eligible: try input.eligible, reason: input.reason ?? "", by: try req.requireUser())
        return try ExpertProfileDTO(profile)
    }

    @Sendable func decideNeed(req: Request) async throws -> NeedDTO {
        let need = try await req.load(Need.self, for: .update)
        let input = try req.content.decode(DecisionInput.self)
        return try NeedDTO(await req.registry.needs.decide(need, eligible: input.eligible, reason: input.reason ?? "", by: try req.requireUser()))
    }

    private func publicBody(_ req: Request, for operation: ExchangeCore.Operation) async throws -> Organisation {
        let id = try req.uuidParameter()
        try req.authorize(operation, .organisation(id: id))
        guard let body = try await Organisation.find(id, on: req.db), body.kind == .publicBody else { throw AppError.notFound }
        return body
    }
}
