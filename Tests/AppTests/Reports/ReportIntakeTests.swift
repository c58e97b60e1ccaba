@testable import App
import ExchangeCore
import Fluent
import Foundation
import Logging
import SQLKit
import SecureReporting
import XCTVapor

/// Secure reporting through its services: what is stored is sealed, who may read, receipts, versions, concurrency.
final class ReportIntakeTests: AppTestCase {
    static let canary = "canary-3f9c1e"

    private func misconduct(implicatingTheUnit: Bool) -> [String: [String]] {
        ["kind": ["theft"], "account": ["The director keeps the fees. \(Self.canary)"], "who": ["Director \(Self.canary)"],
         "handlers-involved": [implicatingTheUnit ? "yes" : "no"], "amount": ["1200"], "age": ["30-59"]]
    }

    func testASealedReportLeavesNoPlaintextInTheDatabaseOrTheLogs() async throws {
        let captured = LogCapture()
        try await withTestApp(logger: Logger(label: "test") { _ in captured.handler }, adjust: { $0.logLevel = .trace }) { app in
            let (unit, _) = try await reportingRecipients(app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: misconduct(implicatingTheUnit: false), regions: [])
            try await app.registry.reportIntake.reply(receipt: receipt.description, text: "The ledger is in room 4. \(Self.canary)")

            let scan = DatabaseScan(app.db)
            let knownText = try await scan.occurrences(of: SeedQuestionnaire.officialMisconduct.key)
            XCTAssertFalse(knownText.isEmpty, "the scan reads text columns")
            let tag = try await XCTUnwrapAsync(try await Report.query(on: app.db).first()).lookupTag
            let knownBlob = try await scan.occurrences(of: tag.map { String(format: "%02x", $0) }.joined(), asHex: true)
            XCTAssertEqual(knownBlob.count, 1, "the scan reads binary columns")
            let hits = try await scan.occurrences(of: Self.canary)
            XCTAssertEqual(hits, [], "the canary must occur nowhere in the database")
            XCTAssertFalse(captured.text.contains(Self.canary), "nor in the logs")
            let receiptHits = try await DatabaseScan(app.db).occurrences(of: receipt.value)
            XCTAssertEqual(receiptHits, [], "the receipt is stored nowhere")

            let mine = try await app.registry.reportIntake.open(receipt: receipt.description)
            XCTAssertEqual(mine.answers["who"], .text("Director \(Self.canary)"))
            XCTAssertEqual(mine.demographics["age"], .choices(["30-59"]))
            XCTAssertEqual(mine.messages.map(\.text), ["The ledger is in room 4. \(Self.canary)"])
            let key = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            let theirs = try await app.registry.reportIntake.read(mine.reportID, as: unit, privateKey: key)
            XCTAssertEqual(theirs.answers, mine.answers)
            let report = try await XCTUnwrapAsync(try await Report.find(mine.reportID, on: app.db))
            XCTAssertEqual(report.missingEvidence.items, ["when", "where", "witnesses", "documents"])
        }
    }

    func testAnImplicatedUnitGetsNoKeyAndCannotRead() async throws {
        try await withTestApp { app in
            let (unit, ombudsman) = try await reportingRecipients(app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: misconduct(implicatingTheUnit: true), regions: [])
            let report = try await app.registry.reportIntake.open(receipt: receipt.value)
            let readers = try await ReportReaderKey.query(on: app.db).filter(\.$report.$id == report.reportID).all().map(\.readerID)
            XCTAssertEqual(Set(readers), [WrappedKey.whistleblower, RecipientKeyService.readerID(try ombudsman.requireID())])
            let unitKey = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            do {
                _ = try await app.registry.reportIntake.read(report.reportID, as: unit, privateKey: unitKey)
                XCTFail("an excluded recipient reads nothing")
            } catch AppError.notFound {}
            // Even with a copy of another reader's wrapped key, the unit's private key opens nothing.
            let wrapped = try await XCTUnwrapAsync(try await ReportReaderKey.query(on: app.db).filter(\.$readerID != WrappedKey.whistleblower).first())
            XCTAssertThrowsError(try wrapped.wrapped.open(reportID: report.reportID.uuidString.lowercased(), with: unitKey))
            let ombudsmanKey = try await app.registry.recipientKeys.unlock(for: ombudsman, password: Demo.password)
            let read = try await app.registry.reportIntake.read(report.reportID, as: ombudsman, privateKey: ombudsmanKey)
            XCTAssertEqual(read.answers["kind"], .choices(["theft"]))
        }
    }

    func testAWrongOrMalformedReceiptOpensNothing() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: misconduct(implicatingTheUnit: false), regions: [])
            var wrong = Array(receipt.value)
            wrong[15] = wrong[15] == "0" ? "1" : "0"
            for typed in [String(wrong), "12345", "abcd efgh ijkl mnop"] {
                do {
                    _ = try await app.registry.reportIntake.open(receipt: typed)
                    XCTFail("\(typed) opened a report")
                } catch AppError.notFound {}
            }
            let opened = try await app.registry.reportIntake.open(receipt: receipt.value.replacingOccurrences(of: "", with: ""))
            XCTAssertEqual(opened.contextKey, SeedQuestionnaire.officialMisconduct.key)
        }
    }

    func testBadAnswersBlocksAndMissingRecipientsAreRefusedAndNothingIsKept() async throws {
        try await withTestApp { app in
            try await app.registry.reportContexts.seed()
            let intake = app.registry.reportIntake
            do {
                _ = try await intake.submit(to: SeedQuestionnaire.bribery.key, answers: ["danger": ["no"], "service": ["health"], "account": ["x"]], regions: [])
                XCTFail("nobody holds a key yet")
            } catch AppError.conflict(let code) { XCTAssertEqual(code, "report_no_recipients") }
            _ = try await reportingRecipients(app)
            do {
                _ = try await intake.submit(to: SeedQuestionnaire.bribery.key, answers: ["danger": ["yes"], "service": ["health"], "account": ["x"]], regions: [])
                XCTFail("someone in danger is sent elsewhere first")
            } catch let blocked as ReportBlocked { XCTAssertTrue(blocked.reasons[0].en.contains("112")) }
            do {
                _ = try await intake.submit(to: SeedQuestionnaire.bribery.key, answers: ["danger": ["no"], "service": ["lottery"]], regions: [])
                XCTFail("an unknown service is refused")
            } catch AppError.validation(let errors) {
                XCTAssertEqual(errors, [FieldError("service", .invalidChoice), FieldError("account", .required)])
            }
            do {
                _ = try await intake.submit(to: "no-such-context", answers: [:], regions: [])
                XCTFail("an unknown context does not exist")
            } catch AppError.notFound {}
            let stored = try await Report.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testAPublishedQuestionnaireIsFrozenAndReportsKeepTheirVersion() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let coordinator = try await user(Demo.coordinator, on: app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: misconduct(implicatingTheUnit: false), regions: [])
            let context = try await XCTUnwrapAsync(try await ReportContext.query(on: app.db).filter(\.$key == SeedQuestionnaire.officialMisconduct.key).first())
            var edited = SeedQuestionnaire.officialMisconduct.questionnaire
            edited.steps[0].fields[2].help.en = "A name, or what they do."
            let second = try await app.registry.reportContexts.publish(edited, to: context, by: coordinator)
            XCTAssertEqual(second?.number, 2)
            let again = try await app.registry.reportContexts.publish(edited, to: context, by: coordinator)
            XCTAssertNil(again, "the same questionnaire again changes nothing")
            edited.steps[0].fields[2].help.fr = ""
            do {
                _ = try await app.registry.reportContexts.publish(edited, to: context, by: coordinator)
                XCTFail("help in every language")
            } catch AppError.validation(let errors) { XCTAssertEqual(errors, [FieldError("steps[0].fields[2].help.fr", .required)]) }
            let first = try await app.registry.reportIntake.open(receipt: receipt.value)
            XCTAssertEqual(first.versionNumber, 1)
            let later = try await app.registry.reportIntake.submit(to: context.key, answers: misconduct(implicatingTheUnit: false), regions: [])
            let laterVersion = try await app.registry.reportIntake.open(receipt: later.value).versionNumber
            XCTAssertEqual(laterVersion, 2)
            let v1 = try await QuestionnaireVersion.query(on: app.db).filter(\.$context.$id == context.requireID()).filter(\.$number == 1).first()
            XCTAssertEqual(v1?.questionnaire, SeedQuestionnaire.officialMisconduct.questionnaire, "version 1 is kept as it was")
        }
    }

    func testSimultaneousSubmissionsRepliesAndKeyRequestsEachKeepTheirPlace() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let answers = misconduct(implicatingTheUnit: false)
            let receipts = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: answers, regions: []).value }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            XCTAssertEqual(Set(receipts).count, 8, "eight reports, eight receipts")
            let reports = try await Report.query(on: app.db).count()
            XCTAssertEqual(reports, 8)
            let submitted = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.submit").count()
            XCTAssertEqual(submitted, 8)

            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<8 { group.addTask { try await app.registry.reportIntake.reply(receipt: receipts[0], text: "answer \(i)") } }
                try await group.waitForAll()
            }
            let thread = try await app.registry.reportIntake.open(receipt: receipts[0])
            XCTAssertEqual(thread.messages.map(\.number), Array(1...8))
            XCTAssertEqual(Set(thread.messages.map(\.text)), Set((0..<8).map { "answer \($0)" }))

            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do { _ = try await app.registry.recipientKeys.create(for: unit, password: Demo.password); return true } catch AppError.conflict { return false }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            XCTAssertEqual(outcomes.filter { $0 }.count, 0, "the unit already had its key pair")
            let keys = try await RecipientKey.query(on: app.db).filter(\.$user.$id == unit.requireID()).count()
            XCTAssertEqual(keys, 1)
        }
    }

    func testAKeyPairIsMadeOnceAndOnlyWithThePassword() async throws {
        try await withTestApp { app in
            try await app.registry.reportContexts.seed()
            let person = try await user(Demo.publicES, on: app)
            do {
                _ = try await app.registry.recipientKeys.create(for: person, password: "not the password")
                XCTFail("the sign-in password seals the key")
            } catch AppError.validation(let errors) { XCTAssertEqual(errors, [FieldError("password", .invalidChoice)]) }
            let tries = try await withThrowingTaskGroup(of: RecoveryKey?.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do { return try await app.registry.recipientKeys.create(for: person, password: Demo.password) } catch AppError.conflict(let code) {
                            XCTAssertEqual(code, "recipient_key_exists")
                            return nil
                        }
                    }
                }
                return try await group.reduce(into: [RecoveryKey?]()) { $0.append($1) }
            }
            XCTAssertEqual(tries.compactMap { $0 }.count, 1, "eight requests at once make one key pair")
            let recovery = try XCTUnwrap(tries.compactMap { $0 }.first)
            let stored = try await XCTUnwrapAsync(try await RecipientKey.query(on: app.db).first())
            XCTAssertEqual(try stored.keyring.unlock(recovery: recovery).publicKey.rawRepresentation, stored.keyring.publicKey)
            let created = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "recipient_key.create").count()
            XCTAssertEqual(created, 1)
        }
    }

    func testReadersAreMailedThatSomethingWaitsAndNeverWhat() async throws {
        try await withTestApp { app in
            let (_, ombudsman) = try await reportingRecipients(app)
            try await MailMessage.query(on: app.db).delete()
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: misconduct(implicatingTheUnit: true), regions: [])
            let first = try await MailMessage.query(on: app.db).all()
            XCTAssertEqual(first.map(\.recipient), [ombudsman.email], "only readers who got a key are told: the implicated unit is not")
            let reportID = try await XCTUnwrapAsync(try await Report.query(on: app.db).first()).requireID()
            XCTAssertTrue(first[0].body.contains("/received-reports/\(reportID.uuidString.lowercased())"))

            try await app.registry.reportIntake.reply(receipt: receipt.description, text: "Room 4. \(Self.canary)")
            let key = try await app.registry.recipientKeys.unlock(for: ombudsman, password: Demo.password)
            try await app.registry.reportIntake.ask(reportID, as: ombudsman, privateKey: key, text: "Which room?")
            let all = try await MailMessage.query(on: app.db).all()
            XCTAssertEqual(all.count, 2, "one when it arrived and one for the reporter's reply; a reader's own question mails nobody")
            let said = all.map { $0.subject + $0.body }.joined()
            for secret in [Self.canary, "Director", SeedQuestionnaire.officialMisconduct.key, "Manquement", "Misconduct"] {
                XCTAssertFalse(said.contains(secret), "the mail says nothing of the report: \(secret)")
            }
        }
    }
}

/// Every value stored in every table, searched for a string as text, as hex (bytea's text form) and as base64.
struct DatabaseScan {
    let db: Database

    init(_ db: Database) { self.db = db }

    /// "table: count" for each table where the needle occurs.
    func occurrences(of needle: String, asHex: Bool = false) async throws -> [String] {
        let forms = asHex ? [needle] : [needle, Data(needle.utf8).map { String(format: "%02x", $0) }.joined(), Data(needle.utf8).base64EncodedString()]
        var hits: [String] = []
        for table in try await tables() {
            let rows = try await texts(of: table)
            let count = rows.filter { row in forms.contains { row.localizedCaseInsensitiveContains($0) } }.count
            if count > 0 { hits.append("\(table): \(count)") }
        }
        return hits
    }

    private var sql: SQLDatabase { db as! SQLDatabase }

    private func tables() async throws -> [String] {
        if sql.dialect.name == "postgresql" {
            return try await sql.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")
                .all().map { try $0.decode(column: "name", as: String.self) }
        }
        return try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Each row as one text: PostgreSQL's row literal, or SQLite's columns, blobs as hex.
    private func texts(of table: String) async throws -> [String] {
        if sql.dialect.name == "postgresql" {
            return try await sql.raw("SELECT t::text AS row FROM \(ident: table) t").all().map { try $0.decode(column: "row", as: String.self) }
        }
        return try await sql.raw("SELECT * FROM \(ident: table)").all().map { row in
            row.allColumns.map { column in
                if let data = try? row.decode(column: column, as: Data.self) {
                    return String(decoding: data, as: UTF8.self) + " " + data.map { String(format: "%02x", $0) }.joined()
                }
                return (try? row.decode(column: column, as: String.self)) ?? ""
            }.joined(separator: " ")
        }
    }
}

/// Wrong receipts count toward a lockout of the whole installation's follow-up, never of a person or an address.
final class ReceiptLockoutTests: AppTestCase {
    func testPastTheLimitEvenTheRightReceiptWaitsForTheWindowToEnd() async throws {
        try await withTestApp(adjust: { $0.reportReceiptFailures = 3 }) { app in
            _ = try await reportingRecipients(app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.bribery.key, answers: briberyComplaint(region: "039"),
                                                                     regions: Set(WorldRegion.all.map(\.code)))
            _ = try await app.registry.reportIntake.open(receipt: receipt.value)
            var visitor = BrowserSession(app: app)
            for wrong in ["1111 2222 3333 4444", "not a receipt", "5555 6666 7777 8888"] {
                let answer = try await visitor.post("/reporting/follow-up?lang=es", form: ["receipt": wrong])
                XCTAssertEqual(answer.status, .notFound)
            }
            let locked = try await visitor.post("/reporting/follow-up?lang=es", form: ["receipt": receipt.value])
            XCTAssertEqual(locked.status, .tooManyRequests, "the right receipt waits too, so the lock says nothing about receipts")
            XCTAssertTrue(locked.body.string.contains("lang=\"es\""), "the refusal is in the reporter's language")
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.receipt_lockout").count()
            XCTAssertEqual(audited, 1)
            let counted = try await DatabaseScan(app.db).occurrences(of: "1111 2222")
            XCTAssertEqual(counted, [], "wrong receipts are counted, not kept")

            clock.advance(by: WindowCounter.window)
            let opened = try await visitor.post("/reporting/follow-up?lang=es", form: ["receipt": receipt.value])
            XCTAssertEqual(opened.status, .ok, "the next window opens again")
        }
    }

    func testSimultaneousWrongReceiptsAllCountAndLockOnce() async throws {
        try await withTestApp(adjust: { $0.reportReceiptFailures = 4 }) { app in
            _ = try await reportingRecipients(app)
            let intake = app.registry.reportIntake
            let outcomes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do { _ = try await intake.open(receipt: "1234 5678 9012 3456"); return 200 } catch AppError.notFound { return 404 } catch AppError.tooManyAttempts { return 429 }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(outcomes.filter { $0 == 200 }, [])
            XCTAssertGreaterThanOrEqual(outcomes.filter { $0 == 404 }.count, 4)
            let failures = try await WindowCounter(db: app.db, prefix: "report-receipts").current(now: app.clock.now())
            XCTAssertEqual(failures, outcomes.filter { $0 == 404 }.count, "every wrong receipt that was stretched counts")
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.receipt_lockout").count()
            XCTAssertEqual(audited, 1)
        }
    }
}
