@testable import App
import ExchangeCore
import Fluent
import Foundation
import XCTVapor
import XCTest

/// A finished run checked against known outcomes: labels sent as a file on the run's page or as text through the API,
/// the result kept with the run, bad labels refused line by line in the reader's language, and only analysts and
/// programme staff allowed.
final class RedFlagValidationTests: AppTestCase {
    /// Process A is flagged by R018 and labelled corrupt; B is clean and labelled so.
    static let labels = "ocid,label\nocds-x-A,1\nocds-x-B,0\n"

    func finishedRun(_ app: Application, as email: String = Demo.analyst) async throws -> (BrowserSession, UUID) {
        var session = BrowserSession(app: app)
        try await session.login(email)
        let started = try await session.upload(RedFlagsRoute.index.link(), fields: ["settings": "[R018]\n"], field: "file",
                                               filename: "package.json", bytes: Array(RedFlagsWebTests.package.utf8), contentType: "application/json")
        XCTAssertEqual(started.status, .seeOther)
        try await app.jobWorker.drain()
        let run = try await XCTUnwrapAsync(try await RedFlagRun.query(on: app.db).first())
        XCTAssertEqual(run.status, .completed)
        return (session, run.id!)
    }

    func send(_ session: inout BrowserSession, _ run: UUID, _ text: String) async throws -> XCTHTTPResponse {
        try await session.upload(RedFlagsRoute.validate.link(run), field: "labels", filename: "labels.csv", bytes: Array(text.utf8),
                                 contentType: "text/csv")
    }

    func testAnAnalystChecksARunAgainstLabelsOnItsPage() async throws {
        try await withTestApp { app in
            var (analyst, run) = try await finishedRun(app, as: Demo.coordinator)
            let before = try await analyst.get(RedFlagsRoute.run.link(run)).body.string
            XCTAssertContains(before, "This run has not been checked against known outcomes yet.")

            let checked = try await send(&analyst, run, Self.labels)
            XCTAssertEqual(checked.status, .seeOther)
            let page = try await analyst.get(RedFlagsRoute.run.link(run)).body.string
            XCTAssertContains(page, "Checked against labels.csv: 1 processes known to be corrupt and 1 others; 0 labelled processes are not in this run.")
            XCTAssertContains(page, "<td>1 (100%)</td><td>0 (0%)</td>")
            let kept = try await XCTUnwrapAsync(try await RedFlagValidation.query(on: app.db).first())
            XCTAssertEqual(kept.rows.map(\.code), ["R018"])
            XCTAssertEqual(kept.rows.first?.flaggedTreatment, 1)

            _ = try await send(&analyst, run, Self.labels)
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "red_flags.validate").count()
            XCTAssertEqual(audited, 1, "the same labels again change nothing")
            _ = try await send(&analyst, run, Self.labels + "ocds-x-unknown,0\n")
            let all = try await RedFlagValidation.query(on: app.db).all()
            XCTAssertEqual(all.map(\.missing), [1], "new labels replace the check: one per run")
        }
    }

    func testBadLabelsAreRefusedLineByLineInTheReadersLanguage() async throws {
        try await withTestApp { app in
            var (analyst, run) = try await finishedRun(app)
            try await analyst.post("/language", form: ["lang": "fr", "returnTo": RedFlagsRoute.run.link(run)])
            let bad = try await send(&analyst, run, "ocid,label\nocds-x-A,oui\nocds-x-B\n")
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertContains(bad.body.string, "Le fichier d&#39;étiquettes a 2 lignes à corriger")
            XCTAssertContains(bad.body.string, "l&#39;étiquette doit être 1 ou 0, et non « oui »")
            let oneGroup = try await send(&analyst, run, "ocds-x-A,1\n")
            XCTAssertEqual(oneGroup.status, .unprocessableEntity)
            XCTAssertContains(oneGroup.body.string, "1 reconnues corrompues et 0 autres")
            let empty = try await send(&analyst, run, "")
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let stored = try await RedFlagValidation.query(on: app.db).count()
            XCTAssertEqual(stored, 0, "nothing is kept from labels that cannot be used")
        }
    }

    func testTheAPIChecksARunAndReadsTheCheckBack() async throws {
        try await withTestApp { app in
            let (_, run) = try await finishedRun(app)
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let path = APIRedFlagsRoute.validation.link(run)
            let none = try await analyst.send(.GET, path)
            XCTAssertEqual(none.status, .notFound)
            let refused = try await analyst.send(.PUT, path, json: #"{"labels": "ocds-x-A,2"}"#)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, "redflags.validation.error.problems")
            let checked = try await analyst.send(.PUT, path, json: json(["labels": Self.labels, "fileName": "known.csv"]))
            XCTAssertEqual(checked.status, .ok)
            let dto = try checked.content.decode(APIRedFlagsController.ValidationDTO.self)
            XCTAssertEqual(dto.rows.map(\.indicator), ["R018"])
            XCTAssertEqual([dto.treatment, dto.control, dto.missing], [1, 1, 0])
            let read = try await analyst.send(.GET, path)
            XCTAssertEqual(try read.content.decode(APIRedFlagsController.ValidationDTO.self).fileName, "known.csv")
        }
    }

    func testOnlyAnalystsAndProgrammeStaffCheckRuns() async throws {
        try await withTestApp { app in
            let (_, run) = try await finishedRun(app)
            for email in [Demo.expert, Demo.publicES, Demo.evaluator] {
                var outsider = BrowserSession(app: app)
                try await outsider.login(email)
                let page = try await send(&outsider, run, Self.labels)
                XCTAssertEqual(page.status, .forbidden, email)
                let client = try await APIClient.forUser(try await user(email, on: app), app: app)
                let put = try await client.send(.PUT, APIRedFlagsRoute.validate.link(run), json: json(["labels": Self.labels]))
                XCTAssertEqual(put.status, .forbidden, email)
                let get = try await client.send(.GET, APIRedFlagsRoute.validation.link(run))
                XCTAssertEqual(get.status, .forbidden, email)
            }
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let unknown = try await coordinator.send(.PUT, APIRedFlagsRoute.validate.link(UUID()), json: json(["labels": Self.labels]))
            XCTAssertEqual(unknown.status, .notFound)
            let stored = try await RedFlagValidation.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testTheSameLabelsSentEightTimesAtOnceAreCheckedOnce() async throws {
        try await withTestApp { app in
            let (analyst, run) = try await finishedRun(app)
            let page = analyst
            let labels = Array(Self.labels.utf8)
            let onPage = try await eightTimes("red_flags.validate", on: app) {
                var tab = page
                return try await tab.upload(RedFlagsRoute.validate.link(run), fields: ["_once": page.once ?? ""], field: "labels",
                                            filename: "labels.csv", bytes: labels, contentType: "text/csv")
            }
            XCTAssertEqual(onPage, 1)
            let client = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let body = json(["labels": Self.labels + "ocds-x-C,0\n"])
            let throughAPI = try await eightTimes("red_flags.validate", on: app) { try await client.send(.PUT, APIRedFlagsRoute.validate.link(run), json: body) }
            XCTAssertEqual(throughAPI, 1)
            let kept = try await RedFlagValidation.query(on: app.db).all()
            XCTAssertEqual(kept.map(\.missing), [1])
        }
    }
}
