@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// Files sent with a reporter's reply: sealed in chunks with their names sealed apart, downloadable only by a reader
/// of the report, one copy for one form however often it is sent, and gone with the report when it is shredded.
final class ReportFilesTests: AppTestCase {
    private let canary = "canary-file-5d1a"

    private func multipart(_ app: Application, _ path: String, fields: [(String, String)], files: [(name: String, bytes: [UInt8])]) async throws -> XCTHTTPResponse {
        let boundary = "----report-files-boundary"
        var body = ByteBuffer()
        for (name, value) in fields { body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n") }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"\(file.name)\"\r\nContent-Type: image/jpeg\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var captured: XCTHTTPResponse?
        try await app.test(.POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body,
                           afterResponse: { res async in captured = res })
        return try XCTUnwrap(captured)
    }

    private func replyToken(_ html: String) throws -> String {
        let marker = #"name="_token" value=""#
        let start = try XCTUnwrap(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    func testAReporterSendsAFileThatOnlyReadersOpen() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: ["kind": ["theft"], "account": ["x"], "handlers-involved": ["no"]], regions: [])
            var opened: XCTHTTPResponse?
            try await app.test(.POST, "/reporting/follow-up?lang=fr", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                               body: ByteBuffer(string: "receipt=\(receipt.value)"), afterResponse: { res async in opened = res })
            let page = try XCTUnwrap(opened).body.string
            XCTAssertContains(page, #"enctype="multipart/form-data""#)
            let content = Array("ledger page 4: \(canary)".utf8) + (0..<200_000).map { UInt8($0 % 251) }
            let fields = [("receipt", receipt.value), ("_token", try replyToken(page)), ("message", "The ledger, photographed.")]
            let files = [(name: "ledger-\(canary).jpg", bytes: content), (name: "", bytes: [UInt8]())]
            for _ in 0..<2 {
                let sent = try await multipart(app, "/reporting/follow-up/reply?lang=fr", fields: fields, files: files)
                XCTAssertEqual(sent.status, .ok)
                XCTAssertContains(sent.body.string, "ledger-\(canary).jpg")
            }
            let stored = try await ReportFile.query(on: app.db).all()
            XCTAssertEqual(stored.count, 1, "one form sent twice keeps one file, and an empty file input sends none")
            XCTAssertEqual(stored.first?.chunks.count, 4, "200 kB in 64 KiB chunks")
            let hits = try await DatabaseScan(app.db).occurrences(of: canary)
            XCTAssertEqual(hits, [], "neither the file nor its name is stored readable")

            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            _ = try await office.post("/received-reports/unlock", form: ["password": Demo.password])
            let id = try await app.registry.reportIntake.open(receipt: receipt.value).reportID.uuidString.lowercased()
            let report = try await office.get("/received-reports/\(id)")
            let fileID = try XCTUnwrap(stored.first?.id).uuidString.lowercased()
            XCTAssertContains(report.body.string, "/received-reports/\(id)/files/\(fileID)")
            let download = try await office.get("/received-reports/\(id)/files/\(fileID)")
            XCTAssertEqual(download.status, .ok)
            XCTAssertEqual(Array(download.body.readableBytesView), content)
            XCTAssertEqual(download.headers.contentType, .binary, "never shown inline, whatever the file claims")
            XCTAssertContains(download.headers.first(name: .contentDisposition) ?? "", "attachment; filename=\"ledger-\(canary).jpg\"")

            var outsider = BrowserSession(app: app)
            try await outsider.login(Demo.coordinator)
            let locked = try await outsider.get("/received-reports/\(id)/files/\(fileID)")
            XCTAssertEqual(locked.status, .seeOther, "without a key of one's own, one is sent to make it")
            let coordinator = try await user(Demo.coordinator, on: app)
            _ = try await app.registry.recipientKeys.create(for: coordinator, password: Demo.password)
            _ = try await outsider.post("/received-reports/unlock", form: ["password": Demo.password])
            let refused = try await outsider.get("/received-reports/\(id)/files/\(fileID)")
            XCTAssertEqual(refused.status, .notFound)
            let privateKey = try await app.registry.recipientKeys.unlock(for: coordinator, password: Demo.password)
            do {
                _ = try await app.registry.reportIntake.file(try XCTUnwrap(stored.first?.id), of: UUID(uuidString: id)!, as: coordinator, privateKey: privateKey)
                XCTFail("a key of one's own opens no one else's report")
            } catch AppError.notFound {}
        }
    }

    func testTooManyFilesOrOneTooLargeAreRefusedWithTheMessageKept() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: ["kind": ["theft"], "account": ["x"], "handlers-involved": ["no"]], regions: [])
            let six = (0..<6).map { ReportAttachment(name: "f\($0).txt", content: Data("x".utf8)) }
            do {
                try await app.registry.reportIntake.reply(receipt: receipt.value, text: "Six files.", attachments: six)
                XCTFail("at most five files")
            } catch AppError.validation(let errors) { XCTAssertEqual(errors.map(\.code), [.outOfRange]) }
            let large = [ReportAttachment(name: "big.bin", content: Data(count: ReportAttachment.largest + 1))]
            do {
                try await app.registry.reportIntake.reply(receipt: receipt.value, text: "Large.", attachments: large)
                XCTFail("at most 10 MB each")
            } catch AppError.validation(let errors) { XCTAssertEqual(errors.map(\.code), [.fileTooLarge]) }
            let messages = try await ReportMessage.query(on: app.db).count()
            XCTAssertEqual(messages, 0, "nothing is half written")
        }
    }

    func testShreddingDeletesTheFiles() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: ["kind": ["theft"], "account": ["x"], "handlers-involved": ["no"]], regions: [])
            try await app.registry.reportIntake.reply(receipt: receipt.value, text: "Attached.",
                                                      attachments: [ReportAttachment(name: "a.pdf", content: Data(canary.utf8))])
            clock.advance(by: 731 * 86_400)
            let shredded = try await app.registry.reportRetention.shredExpired()
            XCTAssertEqual(shredded, 1)
            let files = try await ReportFile.query(on: app.db).count()
            XCTAssertEqual(files, 0)
        }
    }
}
