import ExchangeCore
import Fluent
import Foundation

/// Gathers what the conflict screening needs about both sides of a match from the database: the employer, earlier
/// exchanges, declarations, and imported procurement and ownership data.
struct ConflictFactsLoader {
    let db: Database

    func signals(_ match: ProposedMatches.Loaded, declarations: [DeclaringParty: ConflictDeclaration]) async throws -> [ConflictSignal] {
        let employerID = try await match.expert.$user.get(on: db)?.$organisation.id
        let employer = try await Organisation.find(employerID, on: db)
        // The linked company carries an identifier; the name typed on the profile is the fallback.
        let employerKey = PartyKey(identifiers: [employer?.identifier].compactMap { $0 }, name: employer?.name ?? match.expert.organisationName)
        let bodyKey = PartyKey(identifiers: [match.organisation.identifier].compactMap { $0 }, name: match.organisation.name)
        let parties = try await processes(boughtBy: bodyKey)
        let suppliers = ProcurementScreening.suppliers(of: bodyKey, excluding: employerKey, parties: parties)
        return ConflictScreening.signals(.init(
            expertOrganisationID: employerID, expertOrganisationName: match.expert.organisationName,
            bodyID: try match.organisation.requireID(), bodyName: match.organisation.name,
            previousExchanges: try await previousExchanges(match), declarations: declarations,
            procurement: ProcurementScreening.relations(body: bodyKey, employer: employerKey, parties: parties),
            ownership: try await ownershipPaths(from: employerKey, to: suppliers)))
    }

    /// Every other engagement, in any stage, between this expert and a need of the same body.
    private func previousExchanges(_ match: ProposedMatches.Loaded) async throws -> [ConflictScreening.PreviousExchange] {
        try await Engagement.query(on: db)
            .join(Need.self, on: \Engagement.$need.$id == \Need.$id)
            .filter(Need.self, \.$organisation.$id == (try match.organisation.requireID()))
            .filter(\.$expert.$id == (try match.expert.requireID()))
            .filter(\.$id != (try match.engagement.requireID()))
            .sort(\.$createdAt)
            .all()
            .map { .init(engagementID: try $0.requireID(), needTitle: try $0.joined(Need.self).title, stage: $0.stage) }
    }

    /// All parties of the imported processes in which the body may have bought; the screening decides exactly.
    private func processes(boughtBy body: PartyKey) async throws -> [ProcurementParty] {
        let ocids = try await ProcurementPartyRecord.query(on: db)
            .filter(\.$role ~~ [.buyer, .procuringEntity])
            .group(.or) { either in candidates(body, either, name: \.$normalisedName, identifiers: \.$identifiersText) }
            .all(\.$ocid)
        var parties: [ProcurementParty] = []
        for batch in Array(Set(ocids)).sorted().chunked(500) {
            parties += try await ProcurementPartyRecord.query(on: db).filter(\.$ocid ~~ batch).all().map(\.party)
        }
        return parties
    }

    /// Ownership data up to three relationships out from the employer, fetched level by level rather than whole.
    private func ownershipPaths(from employer: PartyKey, to suppliers: [PartyKey]) async throws -> [OwnershipPath] {
        guard !suppliers.isEmpty, !employer.name.isEmpty || !employer.identifiers.isEmpty else { return [] }
        var nodes = try await OwnershipNodeRecord.query(on: db)
            .filter(\.$kind == .entity)
            .group(.or) { either in candidates(employer, either, name: \.$normalisedName, identifiers: \.$identifiersText) }
            .all().map(\.node)
        var links: [String: OwnershipLink] = [:]
        var known = Set(nodes.map(\.id))
        var frontier = Array(known)
        for _ in 0..<OwnershipGraph.maximumHops where !frontier.isEmpty {
            var reached: [String] = []
            for batch in frontier.sorted().chunked(250) {
                let found = try await OwnershipLinkRecord.query(on: db)
                    .group(.or) { $0.filter(\.$subjectKey ~~ batch).filter(\.$interestedKey ~~ batch) }
                    .all().map(\.link)
                for link in found where links[link.id] == nil {
                    links[link.id] = link
                    for end in [link.subject, link.interestedParty] where known.insert(end).inserted { reached.append(end) }
                }
            }
            for batch in reached.sorted().chunked(500) {
                nodes += try await OwnershipNodeRecord.query(on: db).filter(\.$nodeKey ~~ batch).all().map(\.node)
            }
            frontier = reached
        }
        let imported = OwnershipGraph(nodes: nodes, links: Array(links.values)).paths(from: employer, to: suppliers)
        let registry = try await OwnershipRegistryService(db: db).screeningGraph()
        let registered = OwnershipGraph(nodes: registry.nodes, links: registry.links).paths(from: employer, to: suppliers)
        return imported + registered.filter { path in !imported.contains(where: { $0.names == path.names }) }
    }

    /// Rows that may be the party: the same normalised name or any shared identifier.
    private func candidates<M: Model>(_ key: PartyKey, _ either: QueryBuilder<M>, name: KeyPath<M, FieldProperty<M, String>>,
                                      identifiers: KeyPath<M, FieldProperty<M, String>>) {
        if !key.name.isEmpty { either.filter(name == key.name) }
        for identifier in key.identifiers.sorted() {
            either.filter(identifiers, .contains(inverse: false, .anywhere), IdentifierList.pattern(identifier))
        }
        if key.name.isEmpty && key.identifiers.isEmpty { either.filter(name == "\u{0}never") }
    }
}
