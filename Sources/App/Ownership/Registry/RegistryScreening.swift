import BeneficialOwnership
import ExchangeCore

/// The registry as the exchange's conflict screening reads it: the current records and relationships, so that an
/// expert's employer linked by ownership to a supplier of the public body is a signal wherever the data came from.
extension OwnershipRegistryService {
    func screeningGraph() async throws -> (nodes: [ExchangeCore.OwnershipNode], links: [ExchangeCore.OwnershipLink]) {
        let current = try await current()
        let nodes = current.statements.values.compactMap { statement -> ExchangeCore.OwnershipNode? in
            switch statement.details {
            case .entity(let entity):
                return .init(id: statement.recordID, kind: .entity, name: entity.name ?? "", identifiers: entity.identifiers.compactMap(\.key))
            case .person(let person):
                return .init(id: statement.recordID, kind: .person, name: person.name ?? "", identifiers: [])
            case .relationship:
                return nil
            }
        }
        let links = current.graph.edges.map {
            ExchangeCore.OwnershipLink(id: $0.id, subject: current.graph.ids[$0.subject], interestedParty: current.graph.ids[$0.owner])
        }
        return (nodes, links)
    }
}
