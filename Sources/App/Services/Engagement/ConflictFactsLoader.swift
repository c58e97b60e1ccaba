import ExchangeCore
import Fluent
import Foundation

/// Gathers what the conflict screening needs about both sides of a match from the database.
struct ConflictFactsLoader {
    let db: Database

    func signals(_ match: ProposedMatches.Loaded, declarations: [DeclaringParty: ConflictDeclaration]) async throws -> [ConflictSignal] {
        let employer = try await match.expert.$user.get(on: db)?.$organisation.id
        return ConflictScreening.signals(.init(
            expertOrganisationID: employer, expertOrganisationName: match.expert.organisationName,
            bodyID: match.organisation.id!, bodyName: match.organisation.name,
            previousExchanges: try await previousExchanges(match), declarations: declarations))
    }

    /// Every other engagement, in any stage, between this expert and a need of the same body.
    private func previousExchanges(_ match: ProposedMatches.Loaded) async throws -> [ConflictScreening.PreviousExchange] {
        try await Engagement.query(on: db)
            .join(Need.self, on: \Engagement.$need.$id == \Need.$id)
            .filter(Need.self, \.$organisation.$id == match.organisation.id!)
            .filter(\.$expert.$id == match.expert.id!)
            .filter(\.$id != match.engagement.id!)
            .sort(\.$createdAt)
            .all()
            .map { .init(engagementID: $0.id!, needTitle: try $0.joined(Need.self).title, stage: $0.stage) }
    }
}
