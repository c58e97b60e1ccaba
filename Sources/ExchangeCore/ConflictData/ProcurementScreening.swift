import Foundation

/// Finds, in imported open data, where the expert's employer sold or bid to the body, or is linked by ownership to
/// a company that did.
public enum ProcurementScreening {
    /// The processes in which the body bought and the employer bid or supplied; a supplier is named once as such,
    /// not again as the tenderer it also was.
    public static func relations(body: PartyKey, employer: PartyKey, parties: [ProcurementParty]) -> [ProcurementRelation] {
        var relations: [ProcurementRelation] = []
        for (ocid, process) in byProcess(parties) {
            guard let bodyRole = process.first(where: { ProcurementParty.Role.buying.contains($0.role) && body.matches($0.key) != nil })?.role
            else { continue }
            let employerParties = process.filter { ProcurementParty.Role.selling.contains($0.role) }
                .compactMap { party in employer.matches(party.key).map { (party, $0) } }
            guard let (party, matchedBy) = employerParties.first(where: { $0.0.role == .supplier }) ?? employerParties.first else { continue }
            relations.append(ProcurementRelation(ocid: ocid, bodyRole: bodyRole.rawValue, employerRole: party.role.rawValue,
                                                 partyName: party.name, matchedBy: matchedBy))
        }
        return relations
    }

    /// Everyone awarded a contract by the body, except the employer itself, whose direct sales are a relation.
    public static func suppliers(of body: PartyKey, excluding employer: PartyKey, parties: [ProcurementParty]) -> [PartyKey] {
        var suppliers: [PartyKey] = []
        for (_, process) in byProcess(parties)
        where process.contains(where: { ProcurementParty.Role.buying.contains($0.role) && body.matches($0.key) != nil }) {
            for party in process where party.role == .supplier && employer.matches(party.key) == nil && !suppliers.contains(party.key) {
                suppliers.append(party.key)
            }
        }
        return suppliers
    }

    /// Processes in ocid order, so signals come out the same way every time.
    private static func byProcess(_ parties: [ProcurementParty]) -> [(String, [ProcurementParty])] {
        Dictionary(grouping: parties, by: \.ocid).sorted { $0.key < $1.key }
    }
}

/// Ownership and control as an undirected graph: a path through shared owners counts as much as a chain of
/// subsidiaries.
public struct OwnershipGraph: Sendable {
    public static let maximumHops = 3

    private let nodes: [String: OwnershipNode]
    private let neighbours: [String: [(link: String, node: String)]]

    public init(nodes: [OwnershipNode], links: [OwnershipLink]) {
        self.nodes = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { _, latest in latest })
        var neighbours: [String: [(link: String, node: String)]] = [:]
        for link in links where link.subject != link.interestedParty {
            neighbours[link.subject, default: []].append((link.id, link.interestedParty))
            neighbours[link.interestedParty, default: []].append((link.id, link.subject))
        }
        self.neighbours = neighbours.mapValues { $0.sorted { ($0.link, $0.node) < ($1.link, $1.node) } }
    }

    /// The shortest path, of one to `maximumHops` relationships, from the employer to each supplier it reaches.
    public func paths(from employer: PartyKey, to suppliers: [PartyKey], maximumHops: Int = Self.maximumHops) -> [OwnershipPath] {
        let starts = nodes.values.filter { $0.kind == .entity && employer.matches($0.key) != nil }.map(\.id).sorted()
        guard !starts.isEmpty, !suppliers.isEmpty else { return [] }
        var previous: [String: (link: String, node: String)] = [:]
        var visited = Set(starts)
        var frontier = starts
        var paths: [OwnershipPath] = []
        for _ in 0..<maximumHops {
            var next: [String] = []
            for node in frontier {
                for (link, neighbour) in neighbours[node] ?? [] where !visited.contains(neighbour) {
                    visited.insert(neighbour)
                    previous[neighbour] = (link, node)
                    next.append(neighbour)
                    if let target = nodes[neighbour], target.kind == .entity, employer.matches(target.key) == nil,
                       suppliers.contains(where: { $0.matches(target.key) != nil }) {
                        paths.append(path(to: neighbour, previous))
                    }
                }
            }
            frontier = next
        }
        return paths
    }

    private func path(to end: String, _ previous: [String: (link: String, node: String)]) -> OwnershipPath {
        var names = [nodes[end]?.name ?? end]
        var links: [String] = []
        var current = end
        while let step = previous[current] {
            links.append(step.link)
            names.append(nodes[step.node]?.name ?? step.node)
            current = step.node
        }
        return OwnershipPath(names: names.reversed(), statementIDs: links.reversed())
    }
}
