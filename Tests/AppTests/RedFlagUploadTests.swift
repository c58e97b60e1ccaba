@testable import App
import Fluent
import Foundation
import XCTVapor
import XCTest

/// Red-flag uploads are streamed to disk, may be gzipped, have a size limit, and are refused whole when bad: nothing
/// of a refused upload stays in the database or on disk.
final class RedFlagUploadTests: AppTestCase {
    /// Two compiled releases, one per line, gzipped: process A has a single tenderer in an open tender (R018).
    static let gzippedLines = Array(Data(base64Encoded: """
        H4sIAAAAAAACA5VPwQqCQBC99xlzTlCri7e8S0F6qOiwuhMt5CrrbiXivze7JUkIETuwb2ffm3mvg6oQHCK6eOM9vDXMwb0DApxpJBj64dLzA6rU9yNXB/rNTYsKou7Fj7O9ZzWSlVaTCCkarVro56BR8hHTrqhVVRiFJUqdoL5UzkGN0g4wZY5qc06dClUDUUBD2J0pTvjYffw1mmlDPWCFFje0HVPXV+FEA3GXbcfGdm8G9Cc6s+4rfzzkX0zkX/3IH06kjf9Ou+j72RPedO8ilwEAAA==
        """, options: .ignoreUnknownCharacters)!)
    static let runs = "/api/v1/red-flags/runs?fileName=lines.jsonl.gz&settings=%5BR018%5D"

    func testAGzippedFileSentAsTheBodyIsReadAsItArrives() async throws {
        try await withTestApp { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let created = try await analyst.send(.POST, Self.runs, bytes: Self.gzippedLines, contentType: "application/gzip")
            XCTAssertEqual(created.status, .accepted, created.body.string)
            let run = try await XCTUnwrapAsync(try await RedFlagRun.query(on: app.db).first())
            XCTAssertEqual(run.fileName, "lines.jsonl.gz")
            XCTAssertEqual(run.processes, 2)
            XCTAssertEqual(run.inputBytes, 407, "stored as plain compiled releases, one per line")
            try await app.jobWorker.drain()
            let dto = try await analyst.send(.GET, try XCTUnwrap(created.headers.first(name: .location))).content
                .decode(APIRedFlagsController.RunDTO.self)
            XCTAssertEqual(dto.status, "completed")
            XCTAssertEqual(dto.flagsByIndicator, ["R018": 1])
            // The parties went to conflict screening in batches, each audited.
            let parties = try await ProcurementPartyRecord.query(on: app.db).count()
            XCTAssertEqual(parties, 2, "the named buyer and supplier of A; B's buyer has no name")
            let imported = try await DataImport.query(on: app.db).first()
            XCTAssertEqual(imported?.rows, 2)
            let batches = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "conflict_data.import_batch").count()
            XCTAssertEqual(batches, 1)
            try await assertNoUploadsLeft(app)
        }
    }

    func testACutShortGzipIsRefusedAndNothingIsStored() async throws {
        try await withTestApp { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let cut = try await analyst.send(.POST, Self.runs, bytes: Array(Self.gzippedLines.prefix(120)), contentType: "application/gzip")
            XCTAssertEqual(cut.status, .unprocessableEntity)
            let refusal = try cut.content.decode(APIRedFlagsController.RefusalDTO.self).error
            XCTAssertEqual(refusal.code, "redflags.error.gzip_truncated")
            XCTAssertEqual(refusal.message, "El archivo gzip termina antes de tiempo: se cortó al comprimirlo o al subirlo. No se guardó nada.")
            var damaged = Self.gzippedLines
            damaged[40] ^= 0xFF
            let broken = try await analyst.send(.POST, Self.runs, bytes: damaged, contentType: "application/gzip")
            XCTAssertEqual(try broken.content.decode(APIRedFlagsController.RefusalDTO.self).error.code, "redflags.error.gzip_damaged")
            try await assertNothingStored(app)
        }
    }

    func testAFileOverTheLimitIsRefusedOnTheAPIAndThePage() async throws {
        try await withTestApp(adjust: { $0.redFlagsMaxUpload = 200 }) { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let plain = Array(String(repeating: #"{"ocid":"ocds-x-A","id":"1","date":"2024-01-01T00:00:00Z"}"# + "\n", count: 5).utf8)
            let api = try await analyst.send(.POST, Self.runs, bytes: plain, contentType: "application/x-ndjson")
            XCTAssertEqual(api.status, .payloadTooLarge)
            XCTAssertEqual(try api.content.decode(APIRedFlagsController.RefusalDTO.self).error.code, "redflags.error.too_large")

            var page = BrowserSession(app: app)
            try await page.login(Demo.coordinator)
            let form = try await page.upload(RedFlagsRoute.index.link(), fields: ["settings": ""], field: "file", filename: "big.jsonl",
                                             bytes: plain, contentType: "application/x-ndjson")
            XCTAssertEqual(form.status, .payloadTooLarge)
            XCTAssertContains(form.body.string, "The file is larger than the 0 MB this platform accepts.")
            try await assertNothingStored(app)

            let small = try await analyst.send(.POST, Self.runs, bytes: Array(plain.prefix(plain.count / 5)), contentType: "application/x-ndjson")
            XCTAssertEqual(small.status, .accepted, "a file within the limit is taken")
        }
    }

    func testAFormWithoutTheSessionsTokenWritesNothing() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            coordinator.csrf = "forged-elsewhere"
            let forged = try await coordinator.upload(RedFlagsRoute.index.link(), fields: [:], field: "file", filename: "lines.jsonl.gz",
                                                      bytes: Self.gzippedLines, contentType: "application/gzip")
            XCTAssertEqual(forged.status, .forbidden)
            try await assertNothingStored(app)
        }
    }

    func testTheSameFileSentAgainWhileItsRunGoesOnIsOneRun() async throws {
        try await withTestApp { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let before = try await Effects.count(on: app.db)
            let statuses = try await Concurrently.fire(8) {
                try await analyst.send(.POST, Self.runs, bytes: Self.gzippedLines, contentType: "application/gzip")
            }
            XCTAssertEqual(statuses, Array(repeating: .accepted, count: 8), "every sender is told of the one run")
            let runs = try await RedFlagRun.query(on: app.db).count()
            XCTAssertEqual(runs, 1)
            let added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual(added.audit, ["red_flags.run_start": 1])
            let other = try await analyst.send(.POST, "/api/v1/red-flags/runs?settings=%5BR018%5D%0A%5BR038%5D",
                                               bytes: Self.gzippedLines, contentType: "application/gzip")
            XCTAssertEqual(other.status, .accepted)
            let withOtherSettings = try await RedFlagRun.query(on: app.db).count()
            XCTAssertEqual(withOtherSettings, 2, "other settings are another run")

            // A double click on the page's form, eight times over.
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let page = coordinator
            let clicks = try await Concurrently.fire(8) {
                var tab = page
                return try await tab.upload(RedFlagsRoute.index.link(), fields: ["settings": "[R018]"], field: "file", filename: "lines.jsonl.gz",
                                            bytes: Self.gzippedLines, contentType: "application/gzip")
            }
            XCTAssertEqual(clicks, Array(repeating: .seeOther, count: 8))
            let afterClicks = try await RedFlagRun.query(on: app.db).count()
            XCTAssertEqual(afterClicks, 3, "one run for the coordinator's eight clicks")
            try await app.jobWorker.drain()
            try await assertNoUploadsLeft(app)
        }
    }

    private func assertNothingStored(_ app: Application, file: StaticString = #filePath, line: UInt = #line) async throws {
        let runs = try await RedFlagRun.query(on: app.db).count()
        let imports = try await DataImport.query(on: app.db).count()
        XCTAssertEqual(runs + imports, 0, file: file, line: line)
        try await assertNoUploadsLeft(app, file: file, line: line)
    }

    /// Uploads go once read: nothing of this test's is left in the uploads directory.
    private func assertNoUploadsLeft(_ app: Application, file: StaticString = #filePath, line: UInt = #line) async throws {
        let directory = app.configuration.uploadsDirectory
        let ours = try await RedFlagRun.query(on: app.db).all().map { $0.id!.uuidString.lowercased() }
        let left = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { name in name.hasSuffix(".part") && recent(directory + "/" + name) || ours.contains { name.contains($0) } }
        XCTAssertEqual(left, [], file: file, line: line)
    }

    /// Parts written during this test; other test processes may share the directory.
    private func recent(_ path: String) -> Bool {
        guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return false }
        return Date().timeIntervalSince(modified) < 60
    }
}
