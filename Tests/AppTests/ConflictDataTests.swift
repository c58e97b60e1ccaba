@testable import App
import ExchangeCore
import Fluent
import Foundation
import XCTVapor
import XCTest

/// OCDS and BODS imports through the page and the API, and the signals they raise on a match whose due diligence
/// was already cleared.
final class ConflictDataTests: AppTestCase {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/conflict-data/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    func testImportedDataRaisesSignalsAndReopensClearedDueDiligence() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            XCTAssertEqual(match.dueDiligence, .cleared)
            var analyst = BrowserSession(app: app)
            try await analyst.login(Demo.analyst)
            let opened = try await analyst.get(ConflictDataRoute.show.link()).status
            XCTAssertEqual(opened, .ok)

            let ocds = try await analyst.upload(ConflictDataRoute.show.link(), fields: ["kind": "ocds"], field: "file", filename: "procurement.jsonl",
                                                bytes: Array(try Self.fixture("procurement.jsonl").utf8), contentType: "application/json")
            XCTAssertEqual(ocds.status, .seeOther)
            let page = try await analyst.get(ConflictDataRoute.show.link()).body.string
            XCTAssertContains(page, "Se importaron 3 procesos de contratación")
            XCTAssertContains(page, "diligencia debida reabierta: 1.")
            let reopened = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
            XCTAssertEqual(reopened.dueDiligence, .open)
            let told = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.due_diligence_reopened").count()
            XCTAssertGreaterThan(told, 0)

            let bods = try await analyst.upload(ConflictDataRoute.show.link(), fields: ["kind": "bods"], field: "file", filename: "ownership.json",
                                                bytes: Array(try Self.fixture("ownership.json").utf8), contentType: "application/json")
            XCTAssertEqual(bods.status, .seeOther)

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let review = try await coordinator.get(DueDiligenceRoute.review.link(match.id!)).body.string
            XCTAssertContains(review, "Procurement ocds-demo-002")
            XCTAssertContains(review, "DATOS DE MUESTRA SA (ficticia)")
            XCTAssertContains(review, "Datos de Muestra S.A. (ficticia) → Marta Ejemplo → Proveedora Ficticia SL")
            let actions = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "conflict_data.import").count()
            XCTAssertEqual(actions, 2)
        }
    }

    /// A large file is stored in short audited batches, so that no other writer waits behind it, and importing the
    /// file again replaces it all, process by process.
    func testALargeImportIsStoredInShortBatchesThatKeepEachProcessWhole() async throws {
        try await withTestApp { app in
            let lines = (0..<1_500).map { index in
                #"{"ocid":"ocds-batch-\#(index)","parties":[{"id":"B\#(index % 7)","name":"Buyer \#(index % 7)","roles":["buyer"]},"#
                    + (index % 4 == 0 ? #"{"id":"T\#(index)","name":"Tenderer \#(index)","roles":["tenderer"]},"# : "")
                    + #"{"id":"S\#(index)","name":"Supplier \#(index)","roles":["supplier"]}]}"#
            }
            let text = lines.joined(separator: "\n")
            for _ in 0..<2 {
                _ = try await Self.importText(app.registry.conflictData, text)
            }
            let stored = try await ProcurementPartyRecord.query(on: app.db).count()
            XCTAssertEqual(stored, 3_375, "every party once: the second import replaced the first, process by process")
            let imports = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "conflict_data.import").count()
            let batches = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "conflict_data.import_batch").count()
            XCTAssertEqual(imports, 2)
            XCTAssertGreaterThanOrEqual(batches, 4, "3,375 parties in batches of at most 2,000, twice")
            guard case .intact = try await Platform.verifyAuditLog(app) else { return XCTFail("the log must verify") }
        }
    }

    func testABadFileIsRefusedWholeWithItsLineNumbers() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let refused = try await coordinator.upload(ConflictDataRoute.show.link(), fields: ["kind": "ocds"], field: "file", filename: "bad.jsonl",
                                                       bytes: Array(try Self.fixture("bad-procurement.jsonl").utf8), contentType: "application/json")
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, "2 problems in bad.jsonl. Nothing was imported.")
            XCTAssertContains(refused.body.string, "<strong>Line 2</strong>: not valid JSON")
            XCTAssertContains(refused.body.string, "<strong>Line 3</strong>: ocid is missing or empty")
            let kept = try await ProcurementPartyRecord.query(on: app.db).count()
            let imports = try await DataImport.query(on: app.db).count()
            XCTAssertEqual(kept + imports, 0)

            let latin1 = try await coordinator.upload(ConflictDataRoute.show.link(), fields: ["kind": "bods"], field: "file", filename: "x.json",
                                                      bytes: [0x5B, 0xE9, 0x5D], contentType: "application/json")
            XCTAssertEqual(latin1.status, .unprocessableEntity)
            XCTAssertContains(latin1.body.string, "not UTF-8")
            let noKind = try await coordinator.upload(ConflictDataRoute.show.link(), fields: [:], field: "file", filename: "x.json",
                                                      bytes: Array("[]".utf8), contentType: "application/json")
            XCTAssertEqual(noKind.status, .unprocessableEntity)

            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            let refusedPage = try await expert.get(ConflictDataRoute.show.link()).status
            XCTAssertEqual(refusedPage, .forbidden)
        }
    }

    func testTheAPIImportsChecksAndListsData() async throws {
        try await withTestApp { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let text = try Self.fixture("ownership-0.4.jsonl")
            func body(_ kind: String, _ text: String, dryRun: Bool = false) throws -> String {
                let data = try JSONEncoder().encode(["kind": kind, "text": text, "fileName": "ownership-0.4.jsonl"])
                var json = String(decoding: data, as: UTF8.self)
                if dryRun { json = String(json.dropLast()) + ",\"dryRun\":true}" }
                return json
            }
            let checked = try await analyst.send(.POST, "/api/v1/conflict-data/imports", json: try body("bods", text, dryRun: true))
            XCTAssertEqual(checked.status, .ok)
            XCTAssertNil(try checked.content.decode(APIConflictDataController.ImportDTO.self).id)
            let none = try await DataImport.query(on: app.db).count()
            XCTAssertEqual(none, 0, "a dry run writes nothing")

            let created = try await analyst.send(.POST, "/api/v1/conflict-data/imports", json: try body("bods", text))
            XCTAssertEqual(created.status, .created)
            let dto = try created.content.decode(APIConflictDataController.ImportDTO.self)
            XCTAssertEqual([dto.items, dto.rows], [5, 5])
            // The same file again from the same person (a retry) is that import, and doubles nothing.
            let again = try await analyst.send(.POST, "/api/v1/conflict-data/imports", json: try body("bods", text))
            XCTAssertEqual(again.status, .ok)
            XCTAssertEqual(try again.content.decode(APIConflictDataController.ImportDTO.self).id, dto.id)
            let nodes = try await OwnershipNodeRecord.query(on: app.db).count()
            let links = try await OwnershipLinkRecord.query(on: app.db).count()
            XCTAssertEqual([nodes, links], [3, 2])

            let bad = try await analyst.send(.POST, "/api/v1/conflict-data/imports", json: try body("ocds", try Self.fixture("bad-procurement.jsonl")))
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let refusal = try bad.content.decode(APIConflictDataController.RefusalDTO.self)
            XCTAssertEqual(refusal.error.problems.map(\.line), [2, 3])
            XCTAssertEqual(refusal.error.problems.map(\.code), ["invalid_json", "missing_field"])
            let unknownKind = try await analyst.send(.POST, "/api/v1/conflict-data/imports", json: #"{"kind": "xbrl", "text": "{}"}"#)
            XCTAssertEqual(unknownKind.status, .unprocessableEntity)

            let listed = try await analyst.send(.GET, "/api/v1/conflict-data/imports")
            XCTAssertEqual(try listed.content.decode(PageDTO<APIConflictDataController.ImportDTO>.self).total, 1)
            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            let refusedList = try await expert.send(.GET, "/api/v1/conflict-data/imports").status
            XCTAssertEqual(refusedList, .forbidden)
        }
    }

    func testAnOrganisationIdentifierIsCheckedAndMatchedFirst() async throws {
        try await withTestApp { app in
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let path = "/api/v1/organisations/\(Demo.britishCompany.uuidString.lowercased())"
            let bad = try await coordinator.send(.PUT, path, json: #"{"kind": "company", "name": "Example Analytics Ltd (fictional)", "country": "GB", "sector": "technology", "identifier": "01234567"}"#)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertEqual(try bad.content.decode(APIClient.ErrorBody.self).error.fields?.map(\.field), ["identifier"])
            let good = try await coordinator.send(.PUT, path, json: #"{"kind": "company", "name": "Example Analytics Ltd (fictional)", "country": "GB", "sector": "technology", "identifier": " gb-coh-00000001 "}"#)
            XCTAssertEqual(good.status, .ok)
            XCTAssertEqual(try good.content.decode(OrganisationDTO.self).identifier, "GB-COH-00000001")
            var browser = BrowserSession(app: app)
            try await browser.login(Demo.coordinator)
            let shown = try await browser.get(OrganisationRoute.show.link(Demo.britishCompany)).body.string
            XCTAssertContains(shown, "GB-COH-00000001")
        }
    }

    /// A file is read a piece at a time: problems keep the file's line numbers across pieces, and a process whose
    /// releases fall in two pieces keeps the parties of both.
    func testAFileIsReadAPieceAtATimeWithTheFilesLineNumbers() async throws {
        try await withTestApp { app in
            var service = app.registry.conflictData
            service.pieceSize = 4_096
            func release(_ index: Int, ocid: String? = nil) -> String {
                let process = ocid ?? "ocds-piece-\(index)"
                return #"{"ocid":"\#(process)","id":"\#(index)","parties":[{"id":"S\#(index)","name":"Supplier \#(index)","roles":["supplier"]}]}"#
            }
            var lines = (1...400).map { release($0) }
            lines[9] = release(10, ocid: "ocds-split")
            lines[389] = release(390, ocid: "ocds-split")
            var broken = lines
            broken[299] = "{not json"
            do {
                _ = try await Self.importText(service, broken.joined(separator: "\n"))
                XCTFail("a file with a bad line must be refused")
            } catch let refusal as ConflictDataImportService.Refusal {
                XCTAssertEqual(refusal.problems.map(\.line), [300], "numbered as the file's line, several pieces in")
            }
            let refusedImports = try await DataImport.query(on: app.db).count()
            XCTAssertEqual(refusedImports, 0)

            let outcome = try await Self.importText(service, lines.joined(separator: "\n"))
            XCTAssertEqual(outcome.dataImport.items, 400)
            let split = try await ProcurementPartyRecord.query(on: app.db).filter(\.$ocid == "ocds-split").all().map(\.name).sorted()
            XCTAssertEqual(split, ["Supplier 10", "Supplier 390"], "a process across two pieces keeps both halves")
            let stored = try await ProcurementPartyRecord.query(on: app.db).count()
            XCTAssertEqual(stored, 400)
            let batches = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "conflict_data.import_batch").count()
            XCTAssertGreaterThan(batches, 2, "one or more batches per piece")
        }
    }

    /// The file streams to disk on the page and the API, gzip is read, a cut-short gzip or a file over the limit
    /// is refused with nothing kept, and the same file sent eight times at once by one person is one import.
    func testUploadsStreamAcceptGzipAndAreOneImportWhenSentTwice() async throws {
        try await withTestApp(adjust: { $0.conflictDataMaxUpload = 4_096 }) { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let gzip = RedFlagUploadTests.gzippedLines
            let imports = "/api/v1/conflict-data/imports?kind=ocds&fileName=lines.jsonl.gz"
            let cut = try await analyst.send(.POST, imports, bytes: Array(gzip.prefix(120)), contentType: "application/gzip")
            XCTAssertEqual(cut.status, .unprocessableEntity)
            XCTAssertEqual(try cut.content.decode(APIConflictDataController.RefusalDTO.self).error.code, "conflict_data.error.gzip_truncated")
            let big = Array(String(repeating: #"{"ocid":"ocds-x","id":"1"}"# + "\n", count: 200).utf8)
            let tooLarge = try await analyst.send(.POST, imports, bytes: big, contentType: "application/x-ndjson")
            XCTAssertEqual(tooLarge.status, .payloadTooLarge)
            var page = BrowserSession(app: app)
            try await page.login(Demo.coordinator)
            let pageTooLarge = try await page.upload(ConflictDataRoute.show.link(), fields: ["kind": "ocds"], field: "file", filename: "big.jsonl",
                                                     bytes: big, contentType: "application/x-ndjson")
            XCTAssertEqual(pageTooLarge.status, .payloadTooLarge)
            XCTAssertContains(pageTooLarge.body.string, "Nothing was imported.")
            let nothing = try await DataImport.query(on: app.db).count()
            XCTAssertEqual(nothing, 0)

            let before = try await Effects.count(on: app.db)
            let statuses = try await Concurrently.fire(8) {
                try await analyst.send(.POST, imports, bytes: gzip, contentType: "application/gzip")
            }
            XCTAssertEqual(statuses.filter { $0 == .created }.count, 1, "\(statuses)")
            XCTAssertEqual(statuses.filter { $0 == .ok }.count, 7, "the others are told of the one import")
            let tab = page
            let clicks = try await Concurrently.fire(8) {
                var click = tab
                return try await click.upload(ConflictDataRoute.show.link(), fields: ["kind": "ocds"], field: "file", filename: "lines.jsonl.gz",
                                              bytes: gzip, contentType: "application/gzip")
            }
            XCTAssertEqual(clicks, Array(repeating: .seeOther, count: 8))
            let added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual(added.audit["conflict_data.import"], 2, "one import for the analyst's eight requests, one for the coordinator's clicks")
            let stored = try await DataImport.query(on: app.db).all()
            XCTAssertEqual(stored.map(\.items), [2, 2])
            let parties = try await ProcurementPartyRecord.query(on: app.db).count()
            XCTAssertEqual(parties, 2, "the second person's import replaced the first's rows")
        }
    }

    static func importText(_ service: ConflictDataImportService, _ text: String) async throws -> ConflictDataImportService.Outcome {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".jsonl")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await service.importFile(.ocds, file: url, digest: try FileDigest.sha256(of: url), fileName: "pieces.jsonl",
                                            actor: .system("test"), userID: nil)
    }
}
