@testable import App
import AuditLog
import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import ProcurementLedger
import XCTVapor
import XCTest

/// The ledger under simultaneous requests: one effect for identical ones, one winner for conflicting ones, and a
/// deadline that holds for bids arriving together around it.
final class LedgerConcurrencyTests: AppTestCase {
    static let ocid = "ocds-ie0001-C1"

    static func append(_ body: String, _ app: Application) async throws -> XCTHTTPResponse {
        try await APIClient.anonymous(app).send(.POST, "/api/v1/ledger/entries", json: body)
    }

    func testEightIdenticalBidsLogOneEntry() async throws {
        try await withTestApp { app in
            let buyer = try await LedgerParty.registered(Demo.frenchAgency, on: app)
            let bidder = try await LedgerParty.registered(Demo.britishCompany, on: app)
            let tender = try await Self.append(try buyer.submission(buyer.tender(Self.ocid, deadline: "2026-11-02T10:00:00Z", incentive: #"{"kind":"none"}"#)), app)
            XCTAssertEqual(tender.status, .created)
            let body = try bidder.submission(bidder.bid(Self.ocid))
            XCTAssertOneWinner(try await Concurrently.fire(8) { try await Self.append(body, app) })
            let size = try await ledgerSize(app)
            XCTAssertEqual(size, 2)
        }
    }

    func testTwoAwardsAtOnceLeaveOneAward() async throws {
        try await withTestApp { app in
            let buyer = try await LedgerParty.registered(Demo.frenchAgency, on: app)
            let alpha = try await LedgerParty.registered(Demo.britishCompany, on: app)
            let beta = try await LedgerParty.company("Beta Systems Ltd (fictional)", on: app)
            var steps = [try buyer.submission(buyer.tender(Self.ocid, deadline: "2026-11-02T10:00:00Z", incentive: #"{"kind":"none"}"#)),
                         try alpha.submission(alpha.bid(Self.ocid)), try beta.submission(beta.bid(Self.ocid, amount: "990.00"))]
            for body in steps {
                let response = try await Self.append(body, app)
                XCTAssertEqual(response.status, .created)
            }
            clock.advance(by: 3600)
            steps = [try alpha.submission(alpha.reveal(Self.ocid)), try beta.submission(beta.reveal(Self.ocid, amount: "990.00"))]
            for body in steps {
                let response = try await Self.append(body, app)
                XCTAssertEqual(response.status, .created)
            }
            let toAlpha = try buyer.submission(buyer.award(Self.ocid, to: alpha)), toBeta = try buyer.submission(buyer.award(Self.ocid, to: beta, amount: "990.00"))
            XCTAssertOneWinner(try await Concurrently.fire([{ try await Self.append(toAlpha, app) }, { try await Self.append(toBeta, app) }]))
            let awards = try await LedgerEntryRecord.query(on: app.db).filter(\.$kind == "award").count()
            XCTAssertEqual(awards, 1)
        }
    }

    /// 200 companies bid at once while the log's clock crosses the deadline: whatever was logged is before it, and
    /// everything refused was refused for lateness.
    func testTwoHundredBidsAroundTheDeadline() async throws {
        try await withTestApp { app in
            let buyer = try await LedgerParty.registered(Demo.frenchAgency, on: app)
            var bidders: [LedgerParty] = []
            for index in 0..<200 { bidders.append(try await LedgerParty.company("Bidder \(index) Ltd (fictional)", on: app)) }
            let deadline = "2026-11-02T09:00:00.300Z"
            let tender = try await Self.append(try buyer.submission(buyer.tender(Self.ocid, deadline: deadline, incentive: #"{"kind":"none"}"#)), app)
            XCTAssertEqual(tender.status, .created)
            // From here every reading of the clock is a millisecond later. A request reads it twice (once on the way in,
            // once when the log judges it), so the deadline passes while the 200 bids are being logged.
            let tick = NIOLockedValueBox(Int64(1_793_610_000_000))
            app.clock = WallClock { Date(timeIntervalSince1970: Double(tick.withLockedValue { $0 += 1; return $0 }) / 1000) }
            let bodies = try bidders.map { try $0.submission($0.bid(Self.ocid)) }
            let statuses = try await Concurrently.fire(bodies.map { body in { try await Self.append(body, app) } })
            let accepted = statuses.filter { $0 == .created }.count, late = statuses.filter { $0 == .conflict }.count
            XCTAssertEqual(accepted + late, 200, "\(statuses.map(\.code))")
            XCTAssertGreaterThan(accepted, 0)
            XCTAssertGreaterThan(late, 0)
            let bids = try await LedgerEntryRecord.query(on: app.db).filter(\.$kind == "bid").all()
            XCTAssertEqual(bids.count, accepted)
            let deadlineMs = try XCTUnwrap(Instant.parse(deadline))
            XCTAssertTrue(bids.allSatisfy { $0.loggedMs < deadlineMs }, "an accepted bid was logged at or after the deadline")
            let size = try await ledgerSize(app)
            XCTAssertEqual(size, UInt64(1 + accepted))
        }
    }

    func testKeysWitnessesAndCosignaturesTakeEffectOnce() async throws {
        try await withTestApp { app in
            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let key = Curve25519.Signing.PrivateKey().publicKey
            let own = #"{"organisation":"\#(Demo.britishCompany.uuidString)","publicKey":"\#(key.rawRepresentation.base64EncodedString())"}"#
            let registered = try await eightTimes("ledger.key_register", on: app) { try await expert.send(.POST, "/api/v1/ledger/keys", json: own) }
            XCTAssertEqual(registered, 1)
            let revoke = #"{"organisation":"\#(Demo.britishCompany.uuidString)"}"#
            let keyID = key.keyID
            let revoked = try await eightTimes("ledger.key_revoke", on: app) {
                try await expert.send(.POST, "/api/v1/ledger/keys/\(keyID)/revoke", json: revoke)
            }
            XCTAssertEqual(revoked, 1)

            let admin = try await APIClient.forUser(try await user(Demo.administrator, on: app), app: app)
            let witnessKey = Curve25519.Signing.PrivateKey()
            let noteKey = try XCTUnwrap(NoteKey(name: "witness.example/w1", algorithm: .cosignatureV1, publicKey: witnessKey.publicKey))
            let witness = #"{"verifierKey":"\#(noteKey.verifierKey)"}"#
            let witnesses = try await eightTimes("ledger.witness_register", on: app) {
                try await admin.send(.POST, "/api/v1/ledger/witnesses", json: witness)
            }
            XCTAssertEqual(witnesses, 1)

            let buyer = try await LedgerParty.registered(Demo.frenchAgency, on: app)
            let tender = try await Self.append(try buyer.submission(buyer.tender(Self.ocid, deadline: "2026-11-02T10:00:00Z")), app)
            XCTAssertEqual(tender.status, .created)
            var note = try SignedNote.parse(try await APIClient.anonymous(app).send(.GET, "/ledger/checkpoint").body.string)
            note.signatures = [try Cosignature.sign(note, timestamp: 1_793_610_000, with: witnessKey, name: noteKey.name)]
            let text = note.serialized
            let cosigned = try await eightTimes("ledger.cosign", on: app) {
                try await APIClient.anonymous(app).send(.POST, "/api/v1/ledger/cosignatures", bytes: Array(text.utf8), contentType: "text/plain")
            }
            XCTAssertEqual(cosigned, 1)
        }
    }
}

/// Disclosures: the same declaration sent 8 times at once, through the API or the page, is one version.
final class DisclosureConcurrencyTests: AppTestCase {
    func testEightIdenticalDeclarationsMakeOneVersion() async throws {
        try await withTestApp { app in
            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let body = #"{"base":0,"completeness":"complete","declared":true,"owners":[{"kind":"person","name":"Ana Ejemplo","shareMinimum":30}]}"#
            let made = try await eightTimes("disclosure.declare", on: app) { try await expert.send(.POST, "/api/v1/disclosures", json: body) }
            XCTAssertEqual(made, 1)

            var browser = BrowserSession(app: app)
            try await browser.login(Demo.expert)
            _ = try await browser.get("/disclosure")
            var form = SupplierDisclosureTests.form
            form["base"] = "1"
            let before = try await SupplierDisclosure.query(on: app.db).count()
            let (page, sent) = (browser, form)
            let statuses = try await Concurrently.fire(8) {
                var tab = page
                return try await tab.post("/disclosure", form: sent, once: true)
            }
            XCTAssertFalse(statuses.contains { $0.code >= 500 }, "\(statuses.map(\.code))")
            let after = try await SupplierDisclosure.query(on: app.db).count()
            XCTAssertEqual(after - before, 1)
        }
    }
}
