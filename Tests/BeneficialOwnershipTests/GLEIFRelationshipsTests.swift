import Testing
@testable import BeneficialOwnership

/// GLEIF relationship records in the golden copy's CSV layout, written here as small fixtures.
struct GLEIFRelationshipsTests {
    static let header = "Relationship.StartNode.NodeID,Relationship.StartNode.NodeIDType,Relationship.EndNode.NodeID,Relationship.EndNode.NodeIDType,"
        + "Relationship.RelationshipType,Relationship.RelationshipStatus,Relationship.Period.1.startDate,Relationship.Period.1.endDate,"
        + "Relationship.Period.1.periodType,Relationship.Quantifiers.1.MeasurementMethod,Relationship.Quantifiers.1.QuantifierAmount,"
        + "Relationship.Quantifiers.1.QuantifierUnits,Registration.RegistrationStatus,Registration.LastUpdateDate"

    /// A valid LEI from an 18-character prefix.
    static func lei(_ prefix: String) -> String { prefix + LegalEntityIdentifier.checkDigits(for: prefix)! }

    static let child = lei("5493000CHILD000001"), parent = lei("5493000PARENT00001"), top = lei("5493000TOP00000001")

    static func row(_ start: String, _ end: String, type: String = "IS_DIRECTLY_CONSOLIDATED_BY", status: String = "ACTIVE", percent: String = "",
                    registration: String = "PUBLISHED") -> String {
        "\(start),LEI,\(end),LEI,\(type),\(status),2020-01-01T00:00:00Z,,RELATIONSHIP_PERIOD,ACCOUNTING_CONSOLIDATION,\(percent),\(percent.isEmpty ? "" : "PERCENTAGE"),\(registration),2025-06-30T10:00:00Z"
    }

    @Test func readsDirectActiveParentsAndSkipsTheRest() {
        let text = [Self.header, Self.row(Self.child, Self.parent, percent: "80"), Self.row(Self.parent, Self.top),
                    Self.row(Self.child, Self.top, type: "IS_ULTIMATELY_CONSOLIDATED_BY"), Self.row(Self.top, Self.child, status: "INACTIVE"),
                    Self.row(Self.child, Self.parent, registration: "RETIRED")].joined(separator: "\n")
        let reading = GLEIFRelationships.read(text)
        #expect(reading.problems.isEmpty)
        #expect(reading.parents.map(\.parent.value) == [Self.parent, Self.top])
        #expect(reading.parents.first?.percent == 80)
        #expect(reading.parents.first?.startDate == "2020-01-01")
        #expect(reading.skipped == 3, "the ultimate parent is reached through the direct chain, so it is not counted twice")
    }

    @Test func namesEachBadRowByLineAndColumn() {
        let text = [Self.header, Self.row(Self.child, String(Self.parent.dropLast()) + "0"), Self.row(Self.child, Self.parent, type: "OWNS"),
                    Self.row(Self.child, Self.parent, percent: "180")].joined(separator: "\n")
        let reading = GLEIFRelationships.read(text)
        #expect(reading.problems.map(\.line) == [2, 3, 4])
        #expect(reading.problems.map(\.rule) == ["lei_check_digits", "enum", "maximum"])
        #expect(reading.problems.first?.pointer == "Relationship.EndNode.NodeID")
        #expect(GLEIFRelationships.read("Relationship.StartNode.NodeID\nx").problems.map(\.rule) == ["missing_column", "missing_column", "missing_column"])
    }

    @Test func becomesBODSThatPassesEveryCheckAndGivesTheParentControl() throws {
        let reading = GLEIFRelationships.read([Self.header, Self.row(Self.child, Self.parent, percent: "80"), Self.row(Self.parent, Self.top)].joined(separator: "\n"))
        let text = GLEIFRelationships.statements(reading.parents, heldRecord: { _ in nil }, heldRelationships: [:], today: "2026-12-07")
        let file = Fixtures.read(text)
        #expect(file.problems.isEmpty, "\(file.problems)")
        #expect(file.statements.count == 5, "three entities and two relationships")
        var graph = OwnershipGraph()
        for located in file.statements {
            switch located.statement.details {
            case .entity: graph.add(located.statement.recordID, kind: .entity(unspecified: nil))
            case .relationship(let details):
                guard case .record(let subject) = details.subject else { continue }
                graph.relate(id: located.statement.statementID, subject: subject, owner: details.interestedParty, interests: details.interests)
            case .person: break
            }
        }
        var owners = UltimateOwners(graph: graph)
        let childNode = try #require(graph.node("gleif-entity-\(Self.child)"))
        let holdings = owners.holdings(of: childNode)
        #expect(holdings.map { graph.ids[$0.party] } == ["gleif-entity-\(Self.top)"], "the chain ends at the top parent")
        #expect(holdings.first?.controls == true)
    }

    @Test func keepsHeldRecordsAndUpdatesAHeldRelationship() {
        let reading = GLEIFRelationships.read([Self.header, Self.row(Self.child, Self.parent)].joined(separator: "\n"))
        let text = GLEIFRelationships.statements(reading.parents, heldRecord: { $0.value == Self.child ? "acme" : nil },
                                                 heldRelationships: ["gleif-rr-\(Self.child)-\(Self.parent)": ["gleif-rr-earlier"]], today: "2026-12-07")
        #expect(!text.contains("gleif-entity-\(Self.child)"))
        #expect(text.contains(#""subject":"acme""#))
        #expect(text.contains(#""recordStatus":"updated""#))
    }
}
