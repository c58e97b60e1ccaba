import Foundation
import Testing
@testable import ExchangeCore

/// Conflict signals from small OCDS and BODS files (Tests/Fixtures/conflict-data).
struct ConflictDataTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/conflict-data/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static let agence = PartyKey(identifiers: ["xi-demo-afpc"], name: "Agence fictive de prévention de la corruption")
    static let tribunal = PartyKey(identifiers: [], name: "Tribunal Ficticio de Cuentas")
    static let bureau = PartyKey(identifiers: [], name: "Fictional Public Audit Bureau")
    static let exampleAnalytics = PartyKey(identifiers: ["GB-COH-00000001"], name: "Example Analytics Ltd (fictional)")
    static let datos = PartyKey(identifiers: [], name: "Datos de Muestra S.A. (ficticia)")

    @Test func identifiersDecideBeforeNames() {
        let registered = PartyKey(identifiers: ["GB-COH-1"], name: "Acme Ltd")
        #expect(registered.matches(PartyKey(identifiers: [" gb-coh-1 "], name: "Another name")) == .identifier)
        #expect(registered.matches(PartyKey(identifiers: [], name: "ACME LIMITED")) == .name)
        // Same name, different registrations: two companies.
        #expect(registered.matches(PartyKey(identifiers: ["GB-COH-2"], name: "Acme Ltd")) == nil)
        #expect(PartyKey(identifiers: [], name: "").matches(PartyKey(identifiers: [], name: "")) == nil)
    }

    @Test func readsPartiesFromCompiledReleases() throws {
        let result = OCDSParties.read(try Self.fixture("procurement.jsonl"))
        #expect(result.problems.isEmpty)
        #expect(result.processes == 3)
        let first = result.parties.filter { $0.ocid == "ocds-demo-001" }
        #expect(Set(first.map(\.role)) == [.buyer, .procuringEntity, .tenderer, .supplier])
        #expect(first.first { $0.role == .supplier }?.identifiers == ["GB-COH-00000001"])
        // References without a parties list still count.
        #expect(result.parties.contains(ProcurementParty(ocid: "ocds-demo-003", role: .supplier, name: "Far Away Holdings", identifiers: [])))
    }

    @Test func readsPackagesAndReportsBadLinesByNumber() throws {
        let package = #"{"uri":"x","releases":[{"ocid":"ocds-a","buyer":{"name":"B"}},{"id":"no-ocid"}]}"#
        #expect(OCDSParties.read(package).problems == [DataFileProblem(line: 1, item: 2, kind: .missingField("ocid"))])
        let records = #"{"records":[{"ocid":"ocds-a","compiledRelease":{"ocid":"ocds-a","buyer":{"name":"B"}}}]}"#
        #expect(OCDSParties.read(records).parties == [ProcurementParty(ocid: "ocds-a", role: .buyer, name: "B", identifiers: [])])
        let bad = OCDSParties.read(try Self.fixture("bad-procurement.jsonl"))
        #expect(bad.problems == [DataFileProblem(line: 2, kind: .invalidJSON), DataFileProblem(line: 3, kind: .missingField("ocid"))])
        #expect(OCDSParties.read("\n  \n").problems == [DataFileProblem(line: 0, kind: .empty)])
        #expect(OCDSParties.read("[1]").problems == [DataFileProblem(line: 1, item: 1, kind: .notAnObject)])
    }

    @Test func aPrettyPrintedPackageIsOneDocument() {
        let text = "{\n  \"releases\": [\n    {\"ocid\": \"ocds-a\", \"buyer\": {\"name\": \"B\"}}\n  ]\n}\n"
        let result = OCDSParties.read(text)
        #expect(result.problems.isEmpty && result.processes == 1)
    }

    @Test func theEmployerSellingToTheBodyIsARelation() throws {
        let parties = OCDSParties.read(try Self.fixture("procurement.jsonl")).parties
        let supplied = ProcurementScreening.relations(body: Self.agence, employer: Self.exampleAnalytics, parties: parties)
        #expect(supplied == [ProcurementRelation(ocid: "ocds-demo-001", bodyRole: "buyer", employerRole: "supplier",
                                                 partyName: "Example Analytics Limited", matchedBy: .identifier)])
        let bid = ProcurementScreening.relations(body: Self.tribunal, employer: Self.datos, parties: parties)
        #expect(bid.map(\.employerRole) == ["tenderer"] && bid.map(\.matchedBy) == [.name])
        #expect(ProcurementScreening.relations(body: Self.bureau, employer: Self.exampleAnalytics, parties: parties).isEmpty)
        #expect(ProcurementScreening.suppliers(of: Self.tribunal, excluding: Self.datos, parties: parties)
                == [PartyKey(identifiers: ["XI-DEMO-PROV"], name: "Proveedora Ficticia S.L.")])
    }

    @Test func ownershipThroughASharedOwnerIsAPath() throws {
        let parties = OCDSParties.read(try Self.fixture("procurement.jsonl")).parties
        let suppliers = ProcurementScreening.suppliers(of: Self.tribunal, excluding: Self.datos, parties: parties)
        for file in ["ownership.json", "ownership-0.4.jsonl"] {
            let bods = BODSStatements.read(try Self.fixture(file))
            #expect(bods.problems.isEmpty)
            let paths = OwnershipGraph(nodes: bods.nodes, links: bods.links).paths(from: Self.datos, to: suppliers)
            #expect(paths.map(\.names) == [["Datos de Muestra S.A. (ficticia)", "Marta Ejemplo", "Proveedora Ficticia SL"]], "\(file)")
            #expect(paths.first?.hops == 2)
        }
        let bods = BODSStatements.read(try Self.fixture("ownership.json"))
        #expect(bods.statements == 15 && bods.links.count == 6)
        #expect(OwnershipGraph(nodes: bods.nodes, links: bods.links).paths(from: Self.datos, to: suppliers).first?.statementIDs
                == ["bods-ooc-1", "bods-ooc-2"])
    }

    @Test func pathsStopAtThreeHops() throws {
        let bods = BODSStatements.read(try Self.fixture("ownership.json"))
        let graph = OwnershipGraph(nodes: bods.nodes, links: bods.links)
        let far = PartyKey(identifiers: [], name: "Far Away Holdings")
        let linkThree = PartyKey(identifiers: [], name: "Link Three Ltd")
        // Example Analytics → Link One → Link Two → Link Three → Far Away Holdings: four hops.
        #expect(graph.paths(from: Self.exampleAnalytics, to: [far]).isEmpty)
        #expect(graph.paths(from: Self.exampleAnalytics, to: [linkThree]).map(\.hops) == [3])
        #expect(graph.paths(from: Self.exampleAnalytics, to: [far], maximumHops: 4).map(\.hops) == [4])
    }

    @Test func badStatementsAreReportedWithTheirPlace() {
        let text = """
        {"statementID":"a","statementType":"entityStatement","name":"A"}
        {"statementType":"personStatement"}
        {"statementID":"c","statementType":"annotation"}
        {"statementId":"d","recordId":"r","recordType":"relationship","recordDetails":{}}
        """
        #expect(BODSStatements.read(text).problems == [
            DataFileProblem(line: 2, kind: .missingField("statementID")),
            DataFileProblem(line: 3, kind: .unknownStatementType("annotation")),
            DataFileProblem(line: 4, kind: .missingField("recordDetails.subject")),
        ])
    }
}
