@testable import App
import BeneficialOwnership
import Fluent
import Foundation
import XCTVapor
import XCTest

/// The registry through the API, the pages and the service: imports are all or nothing and never rewrite a
/// statement, owners are computed from the chain, and the public never sees a person's protected details.
final class OwnershipRegistryTests: AppTestCase {
    static let imports = "/api/v1/registry/imports?fileName=demo.jsonl"

    func testAnImportIsCheckedWholeThenStoredOnceAndAudited() async throws {
        try await withTestApp { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let file = Array(DemoOwnership.file.utf8)
            let checked = try await analyst.send(.POST, Self.imports + "&dryRun=true", bytes: file, contentType: "application/x-ndjson")
            XCTAssertEqual(checked.status, .ok)
            XCTAssertEqual(try checked.content.decode(RegistryImportDTO.self).read, 17)
            let none = try await OwnershipStatement.query(on: app.db).count()
            XCTAssertEqual(none, 0, "a dry run writes nothing")

            let created = try await analyst.send(.POST, Self.imports, bytes: file, contentType: "application/x-ndjson")
            XCTAssertEqual(created.status, .created)
            XCTAssertEqual(try created.content.decode(RegistryImportDTO.self).added, 17)
            let again = try await analyst.send(.POST, Self.imports, bytes: file, contentType: "application/x-ndjson")
            XCTAssertEqual(again.status, .ok)
            XCTAssertEqual(try again.content.decode(RegistryImportDTO.self).added, 0)
            let stored = try await OwnershipStatement.query(on: app.db).count()
            XCTAssertEqual(stored, 17)
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "ownership.import").count()
            XCTAssertEqual(audited, 1)
        }
    }

    func testABadFileNamesEachStatementsLineAndRuleAndWritesNothing() async throws {
        try await withTestApp { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            var lines = DemoOwnership.file.split(separator: "\n").map(String.init)
            lines[1] = lines[1].replacingOccurrences(of: #""recordStatus":"new""#, with: #""recordStatus":"gone""#)
            lines[0] = lines[0].replacingOccurrences(of: #""id":"5493001KJTIIGC8Y1R"#, with: #""id":"5493001KJTIIGC8Y1S"#)
            lines.append("{oops")
            let refused = try await analyst.send(.POST, Self.imports, bytes: Array(lines.joined(separator: "\n").utf8), contentType: "application/x-ndjson",
                                                 headers: ["Accept-Language": "fr"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let body = try refused.content.decode(RegistryRefusalDTO.self).error
            XCTAssertEqual(body.problems.map(\.line), [1, 2, 18])
            XCTAssertEqual(body.problems.map(\.rule), ["lei_check_digits", "enum", "invalid_json"])
            XCTAssertEqual(body.problems[1].pointer, "/recordStatus")
            XCTAssertContains(body.problems[0].message, "dígitos de control")
            let stored = try await OwnershipStatement.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testAStatementIsNeverRewritten() async throws {
        try await withTestApp { app in
            _ = try await Self.importDemo(app)
            let changed = DemoOwnership.file.replacingOccurrences(of: "Proveedora Ficticia SL", with: "Proveedora Cambiada SL")
            do {
                _ = try await app.registry.ownershipImports.importStatements(Array(changed.utf8), fileName: "changed.jsonl", digest: "x",
                                                                          actor: .system("test"), userID: nil)
                XCTFail("a changed statement must refuse the file")
            } catch let refusal as OwnershipImportService.Refusal {
                XCTAssertEqual(refusal.problems.map(\.rule), ["statement_rewritten"])
            }
            let names = try await OwnershipStatement.query(on: app.db).filter(\.$recordID == DemoOwnership.supplier).all().map(\.name)
            XCTAssertEqual(names, ["Proveedora Ficticia SL"])
        }
    }

    func testOwnersAreComputedThroughChainsRangesControlAndCycles() async throws {
        try await withTestApp { app in
            _ = try await Self.importDemo(app)
            let api = APIClient.anonymous(app)
            let supplier = try await api.send(.GET, "/api/v1/registry/records/\(DemoOwnership.supplier)")
            XCTAssertEqual(supplier.status, .ok)
            let record = try supplier.content.decode(RegistryRecordDTO.self)
            let owners = Dictionary(uniqueKeysWithValues: record.owners.map { ($0.party.recordId, $0) })
            XCTAssertEqual(owners[DemoOwnership.marta]?.shareMinimum, 30)
            XCTAssertEqual(owners[DemoOwnership.marta]?.shareMaximum, 45)
            XCTAssertEqual(owners[DemoOwnership.marta]?.standing, .owner)
            XCTAssertEqual(owners[DemoOwnership.marta]?.party.politicalExposure, .isPep)
            XCTAssertEqual(owners[DemoOwnership.jorge]?.shareMinimum, 40)
            XCTAssertEqual(owners[DemoOwnership.lucia]?.standing, .controller)
            XCTAssertEqual(record.party.lei, "5493001KJTIIGC8Y1R" + LegalEntityIdentifier.checkDigits(for: "5493001KJTIIGC8Y1R")!)
            XCTAssertEqual(record.chain.count, 4)

            let cycle = try await api.send(.GET, "/api/v1/registry/records/\(DemoOwnership.cycleA)").content.decode(RegistryRecordDTO.self)
            let cycleOwners = Dictionary(uniqueKeysWithValues: cycle.owners.map { ($0.party.recordId, $0) })
            XCTAssertEqual(cycleOwners[DemoOwnership.jorge]?.shareMinimum, 50)
            XCTAssertEqual(cycleOwners[DemoOwnership.marta]?.shareMinimum, 25, "through the other company's half, once")
            XCTAssertEqual(Set(cycle.chain.map(\.statementId)).count, 4, "both cross-holdings are in the chain")

            let hidden = try await api.send(.GET, "/api/v1/registry/records/\(DemoOwnership.undisclosed)").content.decode(RegistryRecordDTO.self)
            XCTAssertEqual(hidden.owners.first?.party.unspecifiedReason, "interestedPartyExemptFromDisclosure")
            XCTAssertEqual(hidden.owners.first?.shareMinimum, 100)

            let missing = try await api.send(.GET, "/api/v1/registry/records/ix-demo-nobody")
            XCTAssertEqual(missing.status, .notFound)
            let found = try await api.send(.GET, "/api/v1/registry/records?q=circular").content.decode([RegistryPartyDTO].self)
            XCTAssertEqual(found.map(\.recordId).sorted(), [DemoOwnership.cycleB, DemoOwnership.cycleA].sorted())
            let byLEI = try await api.send(.GET, "/api/v1/registry/records?q=5493001kjtiigc8y1r").content.decode([RegistryPartyDTO].self)
            XCTAssertEqual(byLEI.map(\.recordId), [DemoOwnership.supplier])
        }
    }

    func testTheOpenDataLeavesOutPeoplesProtectedDetails() async throws {
        try await withTestApp { app in
            _ = try await Self.importDemo(app)
            let api = APIClient.anonymous(app)
            let export = try await api.send(.GET, "/api/v1/registry/statements")
            XCTAssertEqual(export.status, .ok)
            XCTAssertFalse(export.body.string.contains("1975-04-12"))
            XCTAssertFalse(export.body.string.contains("Calle Ficticia"))
            XCTAssertContains(export.body.string, "Marta Ejemplo")
            let stored = try await OwnershipStatement.query(on: app.db).filter(\.$recordID == DemoOwnership.marta).first()
            XCTAssertTrue(stored?.body.contains("1975-04-12") == true, "stored, never published")
            var visitor = BrowserSession(app: app)
            let csv = try await visitor.get(RegistryRoute.ownersCSV.link())
            XCTAssertEqual(csv.status, .ok)
            XCTAssertContains(csv.body.string, "\(DemoOwnership.supplier),Proveedora Ficticia SL,\(DemoOwnership.marta),Marta Ejemplo,person,,30.0000,45.0000,owner")
            let page = try await visitor.get(RegistryRoute.record.link(DemoOwnership.marta)).body.string
            XCTAssertFalse(page.contains("1975"))
            XCTAssertContains(page, "Proveedora Ficticia SL")
        }
    }

    func testPagesSearchShowTheChainAndImportForStaffOnly() async throws {
        try await withTestApp { app in
            _ = try await Self.importDemo(app)
            var visitor = BrowserSession(app: app)
            let search = try await visitor.get(RegistryRoute.search.link(query: [.init(name: "q", value: "ficticia")]), accept: "es")
            XCTAssertContains(search.body.string, "Proveedora Ficticia SL")
            XCTAssertContains(search.body.string, "fichas encontradas")
            let record = try await visitor.get(RegistryRoute.record.link(DemoOwnership.supplier)).body.string
            XCTAssertContains(record, "<svg")
            XCTAssertContains(record, "Marta Ejemplo")
            XCTAssertContains(record, "30% to 45%")
            let refused = try await visitor.get(RegistryRoute.importForm.link())
            XCTAssertNotEqual(refused.status, .ok)

            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            let forbidden = try await expert.get(RegistryRoute.importForm.link()).status
            XCTAssertEqual(forbidden, .forbidden)
            let expertAPI = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let apiForbidden = try await expertAPI.send(.POST, Self.imports, bytes: Array(DemoOwnership.file.utf8), contentType: "application/x-ndjson")
            XCTAssertEqual(apiForbidden.status, .forbidden)
            let anonymous = try await APIClient.anonymous(app).send(.POST, Self.imports, bytes: Array(DemoOwnership.file.utf8), contentType: "application/x-ndjson")
            XCTAssertEqual(anonymous.status, .unauthorized)

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let bad = try await coordinator.upload(RegistryRoute.importForm.link(), field: "file", filename: "bad.json", bytes: Array("[{}]".utf8),
                                                   contentType: "application/json")
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertContains(bad.body.string, "statementId is missing.")
        }
    }

    /// Eight identical uploads are one import; two files that state one statement differently end as one of them.
    func testConcurrentImportsMakeOneEffect() async throws {
        try await withTestApp { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let file = Array(DemoOwnership.file.utf8)
            let statuses = try await Concurrently.fire(8) {
                try await analyst.send(.POST, Self.imports, bytes: file, contentType: "application/x-ndjson")
            }
            XCTAssertEqual(statuses.filter { $0 == .created }.count, 1, "\(statuses)")
            XCTAssertEqual(statuses.filter { $0 == .ok }.count, 7)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let tab = coordinator
            let clicks = try await Concurrently.fire(8) {
                var click = tab
                return try await click.upload(RegistryRoute.importForm.link(), field: "file", filename: "demo.jsonl", bytes: file, contentType: "application/json")
            }
            XCTAssertEqual(clicks, Array(repeating: .seeOther, count: 8))
            let imports = try await OwnershipImport.query(on: app.db).count()
            XCTAssertEqual(imports, 1)

            let first = Fixture.entity("ix-pair", name: "First Name Ltd"), second = Fixture.entity("ix-pair", name: "Second Name Ltd")
            let pair = try await Concurrently.fire([
                { try await analyst.send(.POST, Self.imports, bytes: Array(first.utf8), contentType: "application/json") },
                { try await analyst.send(.POST, Self.imports, bytes: Array(second.utf8), contentType: "application/json") },
            ])
            XCTAssertEqual(pair.sorted { $0.code < $1.code }, [.created, .unprocessableEntity])
            let names = try await OwnershipStatement.query(on: app.db).filter(\.$recordID == "ix-pair").all().map(\.name)
            XCTAssertEqual(names.count, 1)
            XCTAssertEqual(pair[0] == .created ? "First Name Ltd" : "Second Name Ltd", names.first)

            // Two files that each open the same record's series: the rules run again inside the transaction, so the
            // second cannot add a second `new` statement beside the first.
            let (raceA, raceB) = ["a", "b"].map {
                Array(Fixture.entity("ix-race", name: "Race Ltd")
                    .replacingOccurrences(of: "ix-pair-statement-00000000000000000000", with: "ix-race-statement-\($0)-0000000000000000000")
                    .replacingOccurrences(of: #""recordType":"entity","#, with: #""recordType":"entity","recordStatus":"new","#).utf8)
            }.pair
            let race = try await Concurrently.fire([
                { try await analyst.send(.POST, Self.imports, bytes: raceA, contentType: "application/json") },
                { try await analyst.send(.POST, Self.imports, bytes: raceB, contentType: "application/json") },
            ])
            XCTAssertEqual(race.sorted { $0.code < $1.code }, [.created, .unprocessableEntity])
            let opened = try await OwnershipStatement.query(on: app.db).filter(\.$recordID == "ix-race").count()
            XCTAssertEqual(opened, 1)
        }
    }

    /// GLEIF relationship records through the API: the demo supplier's LEI keeps its record and gains a parent.
    func testGLEIFParentsJoinTheRegistryThroughTheSameImport() async throws {
        try await withTestApp { app in
            _ = try await Self.importDemo(app)
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let supplierLEI = "5493001KJTIIGC8Y1R" + LegalEntityIdentifier.checkDigits(for: "5493001KJTIIGC8Y1R")!
            let parentLEI = "5493000PARENT00001" + LegalEntityIdentifier.checkDigits(for: "5493000PARENT00001")!
            let csv = "Relationship.StartNode.NodeID,Relationship.EndNode.NodeID,Relationship.RelationshipType,Relationship.RelationshipStatus,"
                + "Registration.LastUpdateDate\n\(supplierLEI),\(parentLEI),IS_DIRECTLY_CONSOLIDATED_BY,ACTIVE,2026-03-01T00:00:00Z\n"
            let path = Self.imports + "&format=gleif-rr"
            let created = try await analyst.send(.POST, path, bytes: Array(csv.utf8), contentType: "text/csv")
            XCTAssertEqual(created.status, .created)
            XCTAssertEqual(try created.content.decode(RegistryImportDTO.self).added, 2, "the parent's entity and the relationship")
            let again = try await analyst.send(.POST, path, bytes: Array(csv.utf8), contentType: "text/csv")
            XCTAssertEqual(again.status, .ok)
            let record = try await APIClient.anonymous(app).send(.GET, "/api/v1/registry/records/\(DemoOwnership.supplier)").content.decode(RegistryRecordDTO.self)
            let parent = record.owners.first { $0.party.lei == parentLEI }
            XCTAssertEqual(parent?.standing, .controller, "consolidation is control")
            let bad = try await analyst.send(.POST, path, bytes: Array(csv.replacingOccurrences(of: parentLEI, with: "5493000PARENT0000199").utf8),
                                             contentType: "text/csv")
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertEqual(try bad.content.decode(RegistryRefusalDTO.self).error.problems.map(\.pointer), ["Relationship.EndNode.NodeID"])
            let unknown = try await analyst.send(.POST, Self.imports + "&format=xbrl", bytes: Array(csv.utf8), contentType: "text/csv")
            XCTAssertEqual(unknown.status, .unprocessableEntity)
        }
    }

    /// The registry feeds the exchange's due diligence: the expert's employer and a supplier of the public body
    /// share an owner in the registry alone (no BODS among the conflict data), and the review names the path.
    func testTheRegistryFeedsConflictScreening() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let header = { (record: String, type: String, subject: String) in
                #""statementId":"\#(record)-screening-statement-0000000000000","statementDate":"2026-01-15","recordId":"\#(record)","recordType":"\#(type)","recordStatus":"new","declarationSubject":"\#(subject)""#
            }
            let file = [
                #"{\#(header("r-datos", "entity", "r-datos")),"recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"Datos de Muestra S.A. (ficticia)"}}"#,
                #"{\#(header("r-marta", "person", "r-marta")),"recordDetails":{"isComponent":false,"personType":"knownPerson","names":[{"type":"legal","fullName":"Marta Ejemplo"}]}}"#,
                #"{\#(header("r-prov", "entity", "r-prov")),"recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"Proveedora Ficticia SL","identifiers":[{"scheme":"XI-DEMO","id":"PROV"}]}}"#,
                #"{\#(header("r-rel-1", "relationship", "r-datos")),"recordDetails":{"isComponent":false,"subject":"r-datos","interestedParty":"r-marta","interests":[{"type":"shareholding","share":{"exact":30}}]}}"#,
                #"{\#(header("r-rel-2", "relationship", "r-prov")),"recordDetails":{"isComponent":false,"subject":"r-prov","interestedParty":"r-marta","interests":[{"type":"shareholding","share":{"exact":70}}]}}"#,
            ].joined(separator: "\n")
            let imported = try await app.registry.ownershipImports.importStatements(Array(file.utf8), fileName: "screening.jsonl", digest: "s",
                                                                                    actor: .system("test"), userID: nil)
            XCTAssertEqual(imported.added, 5)
            _ = try await ConflictDataTests.importText(app.registry.conflictData, try ConflictDataTests.fixture("procurement.jsonl"))
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let review = try await coordinator.get(DueDiligenceRoute.review.link(match.id!)).body.string
            XCTAssertContains(review, "Datos de Muestra S.A. (ficticia) → Marta Ejemplo → Proveedora Ficticia SL")
        }
    }

    static func importDemo(_ app: Application) async throws -> OwnershipImportService.Outcome {
        try await app.registry.ownershipImports.importStatements(Array(DemoOwnership.file.utf8), fileName: "demo.jsonl", digest: "demo",
                                                                 actor: .system("test"), userID: nil)
    }

    enum Fixture {
        static func entity(_ record: String, name: String) -> String {
            #"{"statementId":"ix-pair-statement-00000000000000000000","statementDate":"2026-01-01","recordId":"\#(record)","recordType":"entity","declarationSubject":"\#(record)","recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"\#(name)"}}"#
        }
    }
}

private extension Array {
    /// The first two elements.
    var pair: (Element, Element) { (self[0], self[1]) }
}
