import BeneficialOwnership
import Fluent
import Foundation

/// A party as the registry shows it: named, or anonymous or unknown with the reason the data gives.
struct RegistryParty: Sendable, Equatable {
    enum Kind: String, Sendable, Codable, CaseIterable { case entity, person }

    let recordID: String
    let name: String?
    let kind: Kind
    let unspecified: Unspecified?
    let politicalExposure: PersonDetails.PoliticalExposure?
    /// An identifier under the LEI scheme whose ISO 17442 check digits agree.
    let lei: String?
}

/// One party at the end of a company's chains, with what it holds.
struct RegistryHolding: Sendable, Equatable {
    let party: RegistryParty
    let share: ShareRange
    let standing: Holding.Standing
    let controls: Bool
    let paths: Int
}

/// One relationship drawn in a company's chain: who holds what of whom, and the statement that says so.
struct RegistryLink: Sendable, Equatable {
    let subject: String
    let owner: String
    let share: ShareRange?
    let controls: Bool
    let statementID: String
}

/// What the registry knows of one record.
struct RegistryProfile: Sendable {
    let party: RegistryParty
    let current: BODSStatement
    /// Every statement of the record, oldest first.
    let history: [BODSStatement]
    /// For an entity: the parties at the end of its chains that own or control it (or might, given the ranges).
    let owners: [RegistryHolding]
    let chain: [RegistryLink]
    /// Every party named in `chain`, by record id.
    let parties: [String: RegistryParty]
    /// For a person or an entity: the companies it ultimately owns or controls.
    let holds: [(company: RegistryParty, holding: RegistryHolding)]
    let threshold: Double
}

/// Reads the registry: its current state (the latest statement of every record that is not closed), searches,
/// profiles with computed ultimate owners, and the open-data export.
struct OwnershipRegistryService {
    let db: Database
    var threshold = UltimateOwners.defaultThreshold

    /// The registry as it stands: a graph of the current records, and the parties by record id.
    struct Current: Sendable {
        /// Every statement, in declaration order.
        let all: [BODSStatement]
        /// The latest statement of each record that is not closed.
        let statements: [String: BODSStatement]
        let graph: OwnershipGraph
        let parties: [String: RegistryParty]
    }

    /// Every statement, in the order the records were declared (statement date, then arrival).
    func allStatements() async throws -> [BODSStatement] {
        let imports = Dictionary(uniqueKeysWithValues: try await OwnershipImport.query(on: db).all().map { ($0.id, $0.createdAt) })
        let rows = try await OwnershipStatement.query(on: db).all()
        return rows.sorted {
            ($0.statementDate, imports[$0.$dataImport.id] ?? .distantPast, $0.position)
                < ($1.statementDate, imports[$1.$dataImport.id] ?? .distantPast, $1.position)
        }.compactMap(\.statement)
    }

    func current() async throws -> Current {
        let all = try await allStatements()
        var latest: [String: BODSStatement] = [:]
        for statement in all { latest[statement.recordID] = statement }
        let live = latest.filter { $0.value.recordStatus != .closed }
        var graph = OwnershipGraph()
        var parties: [String: RegistryParty] = [:]
        for statement in live.values.sorted(by: { $0.recordID < $1.recordID }) {
            guard let party = Self.party(statement) else { continue }
            parties[statement.recordID] = party
            graph.add(statement.recordID, kind: party.kind == .person ? .person(unspecified: party.unspecified) : .entity(unspecified: party.unspecified))
        }
        for statement in live.values.sorted(by: { $0.recordID < $1.recordID }) {
            guard case .relationship(let details) = statement.details, case .record(let subject) = details.subject else { continue }
            let interests = details.interests.filter { $0.endDate == nil }
            graph.relate(id: statement.statementID, subject: subject, owner: details.interestedParty, interests: interests)
            if case .unspecified(let why) = details.interestedParty {
                parties["unspecified:" + statement.statementID] = RegistryParty(recordID: "unspecified:" + statement.statementID, name: nil, kind: .person,
                                                                               unspecified: why, politicalExposure: nil, lei: nil)
            }
        }
        return Current(all: all, statements: live, graph: graph, parties: parties)
    }

    /// Entities and people whose name or identifier contains `query` (case ignored), current records only.
    func search(_ query: String, limit: Int = 50) async throws -> [RegistryParty] {
        let needle = query.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !needle.isEmpty else { return [] }
        let rows = try await OwnershipStatement.query(on: db).filter(\.$recordType != .relationship)
            .filter(\.$searchText, .custom("LIKE"), "%\(Self.escapeLike(needle))%").all()
        let records = Set(rows.map(\.recordID))
        let current = try await current()
        return records.compactMap { current.parties[$0] }
            .sorted { ($0.name ?? "", $0.recordID) < ($1.name ?? "", $1.recordID) }
            .prefix(limit).map { $0 }
    }

    func profile(_ recordID: String) async throws -> RegistryProfile? {
        let snapshot = try await current()
        guard let statement = snapshot.statements[recordID], let party = snapshot.parties[recordID],
              let node = snapshot.graph.node(recordID) else { return nil }
        var owners = UltimateOwners(graph: snapshot.graph)
        let holdings = owners.holdings(of: node).filter { $0.party != node }.map { registryHolding($0, snapshot) }
            .filter { $0.standing != .below }
        let chain = snapshot.graph.chain(above: node).map { edge in
            RegistryLink(subject: snapshot.graph.ids[edge.subject], owner: snapshot.graph.ids[edge.owner], share: edge.share, controls: edge.controls,
                         statementID: edge.id)
        }
        var holds: [(company: RegistryParty, holding: RegistryHolding)] = []
        for company in snapshot.graph.ids.indices where company != node {
            guard case .entity = snapshot.graph.kinds[company], let companyParty = snapshot.parties[snapshot.graph.ids[company]] else { continue }
            if let mine = owners.holdings(of: company).first(where: { $0.party == node }), mine.standing(threshold: threshold) != .below {
                holds.append((companyParty, registryHolding(mine, snapshot)))
            }
        }
        let history = snapshot.all.filter { $0.recordID == recordID }
        return RegistryProfile(party: party, current: statement, history: history, owners: holdings, chain: chain,
                               parties: snapshot.parties, holds: holds.sorted { ($0.company.name ?? "") < ($1.company.name ?? "") },
                               threshold: threshold)
    }

    private func registryHolding(_ holding: Holding, _ snapshot: Current) -> RegistryHolding {
        let id = snapshot.graph.ids[holding.party]
        let party = snapshot.parties[id] ?? RegistryParty(recordID: id, name: nil, kind: .entity, unspecified: nil, politicalExposure: nil, lei: nil)
        return RegistryHolding(party: party, share: holding.share, standing: holding.standing(threshold: threshold), controls: holding.controls,
                               paths: holding.paths)
    }

    static func party(_ statement: BODSStatement) -> RegistryParty? {
        switch statement.details {
        case .entity(let entity):
            let lei = entity.identifiers.first { $0.isLEI }.flatMap { LegalEntityIdentifier($0.id ?? "") }?.value
            let anonymous = ["anonymousEntity", "unknownEntity"].contains(entity.entityType)
            return RegistryParty(recordID: statement.recordID, name: entity.name, kind: .entity,
                                 unspecified: entity.unspecified ?? (anonymous ? Unspecified(reason: "unknown") : nil), politicalExposure: nil, lei: lei)
        case .person(let person):
            let anonymous = person.personType != "knownPerson"
            return RegistryParty(recordID: statement.recordID, name: person.name, kind: .person,
                                 unspecified: person.unspecified ?? (anonymous ? Unspecified(reason: "unknown") : nil),
                                 politicalExposure: person.politicalExposure, lei: nil)
        case .relationship:
            return nil
        }
    }

    private static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
    }
}
