import ExchangeCore
import Fluent
import Foundation
import Vapor

/// The experts a rejected or cancelled match may turn to instead: those its original proposal offered.
struct Alternates {
    let db: Database

    /// Every expert the proposal offered, without the one being replaced, in the proposal's order.
    static func of(_ proposal: MatchProposal, excluding replaced: UUID) -> [UUID] {
        (proposal.offeredExperts + [proposal.$expert.id].compactMap { $0 })
            .filter { $0 != replaced }
            .reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The alternates as form choices, named.
    func options(for match: ProposedMatches.Loaded, selected: String?) async throws -> [Option] {
        guard let proposal = try await match.engagement.$proposal.get(on: db) else { return [] }
        let ids = Self.of(proposal, excluding: try match.expert.requireID())
        let experts = try await ExpertProfile.query(on: db).filter(\.$id ~~ ids).all()
        return ids.compactMap { id in
            experts.first { $0.id == id }.map {
                Option(value: id.uuidString.lowercased(), label: $0.fullName, selected: selected == id.uuidString.lowercased())
            }
        }
    }

    /// The chosen alternate, if any; a choice the proposal did not offer, or one where no alternate is allowed, is
    /// a field error on `alternative`.
    func chosen(_ id: UUID?, for match: ProposedMatches.Loaded, allowed: Bool,
                errors: inout [FieldError]) async throws -> (ExpertProfile, MatchProposal)? {
        guard let id else { return nil }
        guard allowed, let proposal = try await match.engagement.$proposal.get(on: db),
              Self.of(proposal, excluding: try match.expert.requireID()).contains(id),
              let expert = try await ExpertProfile.find(id, on: db) else {
            errors.append(FieldError("alternative", .invalidChoice))
            return nil
        }
        return (expert, proposal)
    }

    /// Proposes the alternate for the same need as a new match; the expert must still be free to take it.
    static func propose(_ alternate: (ExpertProfile, MatchProposal), for match: ProposedMatches.Loaded, by coordinator: User,
                        clock: WallClock, mailer: Mailer, on db: Database) async throws -> UUID? {
        let factory = ProposedMatchFactory(clock: clock, mailer: mailer)
        try await factory.checkStillAvailable(match.need, alternate.0, on: db)
        return try await factory.create(match.need, alternate.0, alternate.1, by: coordinator, on: db).id
    }
}
