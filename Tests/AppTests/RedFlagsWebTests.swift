@testable import App
import ExchangeCore
import Fluent
import Foundation
import XCTVapor
import XCTest

/// Red flags as an analyst meets them: upload, a background run, results, a process, exports, methodology, and
/// refusals for bad input and for roles that may not look.
final class RedFlagsWebTests: AppTestCase {
    /// A release package: process A gets a single bid in an open tender (R018); B has three tenderers.
    static let package = """
    {"releases":[
     {"ocid":"ocds-x-A","id":"1","date":"2024-01-01T00:00:00Z","tag":["tender"],"buyer":{"id":"BUY-1","name":"Ministry"},
      "tender":{"id":"A","procurementMethod":"open","numberOfTenderers":3}},
     {"ocid":"ocds-x-A","id":"2","date":"2024-02-01T00:00:00Z","tag":["award"],"tender":{"numberOfTenderers":1},
      "awards":[{"id":"1","status":"active","suppliers":[{"id":"SUP-1","name":"Supplier"}]}]},
     {"ocid":"ocds-x-B","id":"3","date":"2024-01-05T00:00:00Z","tag":["tender"],"buyer":{"id":"BUY-2"},
      "tender":{"id":"B","procurementMethod":"open","numberOfTenderers":3}}
    ]}
    """

    func upload(_ session: inout BrowserSession, _ text: String, settings: String = "[R018]\n") async throws -> XCTHTTPResponse {
        try await session.upload(RedFlagsRoute.index.link(), fields: ["settings": settings], field: "file", filename: "package.json",
                                 bytes: Array(text.utf8), contentType: "application/json")
    }

    func testAnAnalystUploadsAPackageAndReadsItsFlags() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let started = try await upload(&coordinator, Self.package)
            XCTAssertEqual(started.status, .seeOther)
            let location = try XCTUnwrap(started.headers.first(name: .location))
            try await app.jobWorker.drain()

            let run = try await XCTUnwrapAsync(try await RedFlagRun.query(on: app.db).first())
            XCTAssertEqual(run.status, .completed)
            XCTAssertEqual(run.processes, 2)
            let page = try await coordinator.get(location).body.string
            XCTAssertContains(page, "A red flag is a reason to look, not evidence of corruption.")
            XCTAssertContains(page, "Single bid received")
            XCTAssertContains(page, "<svg class=\"chart\" role=\"img\"")
            XCTAssertContains(page, "ocds-x-A")
            XCTAssertContains(page, "Ministry (BUY-1)") // named where the data names them

            let process = try await coordinator.get(location + "/process?ocid=ocds-x-A")
            XCTAssertEqual(process.status, .ok)
            XCTAssertContains(process.body.string, "procurement_methods = open|selective (default)")
            XCTAssertContains(process.body.string, "Supplier (SUP-1)")
            let missing = try await coordinator.get(location + "/process?ocid=nope").status
            XCTAssertEqual(missing, .notFound)

            let csv = try await coordinator.get(location + "/flags.csv").body.string
            XCTAssertEqual(csv, "# A red flag is a reason to look, not evidence of corruption.\r\ngroup,id,indicator,value\r\nOCID,ocds-x-A,R018,1\r\n")
            let json = try await coordinator.get(location + "/results.json").body.string
            XCTAssertContains(json, #""results":{"OCID":{"ocds-x-A":{"R018":1.0}}"#)

            // The merged parties are shared with conflict screening, and the run is audited with its settings.
            let parties = try await ProcurementPartyRecord.query(on: app.db).filter(\.$ocid == "ocds-x-A").count()
            XCTAssertGreaterThan(parties, 0)
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action ~~ ["red_flags.run_start", "red_flags.run_complete"]).count()
            XCTAssertEqual(audited, 2)

            let methodology = try await coordinator.get(RedFlagsRoute.indicator.link("IX07")).body.string
            XCTAssertContains(methodology, "Benford")
            let unknown = try await coordinator.get(RedFlagsRoute.indicator.link("R999")).status
            XCTAssertEqual(unknown, .notFound)
        }
    }

    func testBadInputIsRefusedWithReasonsAndNothingIsStored() async throws {
        try await withTestApp { app in
            var analyst = BrowserSession(app: app)
            try await analyst.login(Demo.analyst)
            let badSettings = try await upload(&analyst, Self.package, settings: "[R038]\ntreshold = 1\n")
            XCTAssertEqual(badSettings.status, .unprocessableEntity)
            // The analyst reads Spanish: the engine's reasons are told in it too.
            XCTAssertContains(badSettings.body.string, "R038.treshold: parámetro desconocido")
            let nothing = try await upload(&analyst, "{\"hello\":1}\nnot json\n", settings: "")
            XCTAssertEqual(nothing.status, .unprocessableEntity)
            XCTAssertContains(nothing.body.string, "Línea 1: no es una entrega (sin ocid)")
            XCTAssertContains(nothing.body.string, "Línea 2: JSON no válido en el byte 1: literal no válido")
            let runs = try await RedFlagRun.query(on: app.db).count()
            let imports = try await DataImport.query(on: app.db).count()
            XCTAssertEqual(runs + imports, 0)
        }
    }

    func testOnlyAnalystsAndProgrammeStaffSeeRedFlags() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let started = try await upload(&coordinator, Self.package)
            let location = try XCTUnwrap(started.headers.first(name: .location))
            try await app.jobWorker.drain()
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            for path in [RedFlagsRoute.index.link(), location, location + "/flags.csv", location + "/results.json", RedFlagsRoute.methodology.link()] {
                let status = try await expert.get(path).status
                XCTAssertEqual(status, .forbidden, path)
            }
            var visitor = BrowserSession(app: app)
            let anonymous = try await visitor.get(location).status
            XCTAssertEqual(anonymous, .seeOther, "anonymous visitors are sent to sign in")
        }
    }

    func testTheAPIStartsAndReportsARun() async throws {
        try await withTestApp { app in
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let body = String(decoding: try JSONEncoder().encode(["text": Self.package, "fileName": "package.json", "settings": "[R018]"]), as: UTF8.self)
            let created = try await analyst.send(.POST, "/api/v1/red-flags/runs", json: body)
            XCTAssertEqual(created.status, .accepted)
            let location = try XCTUnwrap(created.headers.first(name: .location))
            // The upload is kept with its job until the run completes, so a worker that dies leaves it to another.
            let queue = JobQueue(db: app.db)
            let abandoned = try await XCTUnwrapAsync(try await queue.claim(owner: "worker-that-dies", now: app.clock.now()))
            XCTAssertEqual(abandoned.kind, .redFlags)
            let queued = try await analyst.send(.GET, location).content.decode(APIRedFlagsController.RunDTO.self)
            XCTAssertEqual(queued.status, "running", "followed from the job, whichever instance answers")
            clock.advance(by: JobQueue.lease + 1)
            try await app.jobWorker.drain()
            let runID = try XCTUnwrap(UUID(uuidString: String(location.split(separator: "/").last!)))
            XCTAssertFalse(FileManager.default.fileExists(atPath: RedFlagRunService.inputURL(app, run: runID).path),
                           "the stored input is removed once the run is complete")
            let shown = try await analyst.send(.GET, location)
            let dto = try shown.content.decode(APIRedFlagsController.RunDTO.self)
            XCTAssertEqual(dto.status, "completed")
            XCTAssertEqual(dto.flagsByIndicator, ["R018": 1])
            XCTAssertEqual(dto.topProcesses?.first?.ocid, "ocds-x-A")
            XCTAssertEqual(dto.topProcesses?.first?.score, 1)
            let bad = try await analyst.send(.POST, "/api/v1/red-flags/runs", json: #"{"text": "[1]"}"#)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let refusal = try bad.content.decode(APIRedFlagsController.RefusalDTO.self).error
            XCTAssertEqual(refusal.code, "redflags.error.no_releases")
            XCTAssertEqual(refusal.problems, ["Línea 1: no es una entrega (sin ocid), ni un paquete de entregas, ni un paquete de registros"])
            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let refused = try await expert.send(.GET, "/api/v1/red-flags/runs").status
            XCTAssertEqual(refused, .forbidden)
        }
    }
}
