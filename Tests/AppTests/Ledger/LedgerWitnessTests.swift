@testable import App
import AuditLog
import Crypto
import Fluent
import Foundation
import ProcurementLedger
import XCTVapor
import XCTest

/// The witness and the verifying client, run against the app as if it were a remote server: they cosign and accept
/// an honest log, and catch one whose stored history was changed.
final class LedgerWitnessTests: AppTestCase {
    static let url = "http://ledger.test"

    func appendTender(_ buyer: LedgerParty, _ id: String, _ app: Application) async throws {
        let response = try await APIClient.anonymous(app).send(.POST, "/api/v1/ledger/entries",
                                                              json: try buyer.submission(buyer.tender(id, deadline: "2026-11-03T10:00:00Z")))
        XCTAssertEqual(response.status, .created)
    }

    func witness(_ app: Application, key: Curve25519.Signing.PrivateKey) -> LedgerWitness {
        LedgerWitness(log: TiledLogClient(client: InProcessClient(app: app), prefix: Self.url + "/ledger"), logKey: app.ledgerLog.noteKey,
                      name: "witness.example/w1", key: AuditSigningKey(key: key), now: { 1_793_610_000 })
    }

    func registerWitness(_ key: Curve25519.Signing.PrivateKey, _ app: Application) async throws -> NoteKey {
        let noteKey = try XCTUnwrap(NoteKey(name: "witness.example/w1", algorithm: .cosignatureV1, publicKey: key.publicKey))
        _ = try await app.registry.ledgerWitnesses.register(verifierKey: noteKey.verifierKey, actor: .system("test"))
        return noteKey
    }

    func testAWitnessCosignsEachConsistentCheckpointAndRefusesARewrittenHistory() async throws {
        try await withTestApp { app in
            let buyer = try await LedgerParty.registered(Demo.frenchAgency, on: app)
            let key = Curve25519.Signing.PrivateKey()
            _ = try await registerWitness(key, app)
            try await appendTender(buyer, "ocds-ie0001-W1", app)
            let (first, outcome) = try await witness(app, key: key).run(from: nil, submitTo: Self.url + "/api/v1/ledger/cosignatures")
            XCTAssertEqual(outcome, .cosigned(size: 1, added: 1))
            for index in 2...5 { try await appendTender(buyer, "ocds-ie0001-W\(index)", app) }
            let (second, again) = try await witness(app, key: key).run(from: first, submitTo: Self.url + "/api/v1/ledger/cosignatures")
            XCTAssertEqual(again, .cosigned(size: 5, added: 1))

            let stored = try await LedgerEntryRecord.find(0, on: app.db)
            stored?.leafHash = TreeHash.leaf([0]).hex
            try await stored?.save(on: app.db)
            try await appendTender(buyer, "ocds-ie0001-W6", app)
            do {
                _ = try await witness(app, key: key).run(from: second, submitTo: nil)
                XCTFail("a witness must not cosign a log whose history changed")
            } catch let refusal as LedgerWitness.Refusal {
                XCTAssertContains(refusal.description, "not consistent")
            }
        }
    }

    func testAClientVerifiesTheLedgerAndItsQuorumAndNamesAnAlteredEntry() async throws {
        try await withTestApp { app in
            let buyer = try await LedgerParty.registered(Demo.frenchAgency, on: app)
            let key = Curve25519.Signing.PrivateKey()
            let noteKey = try await registerWitness(key, app)
            for index in 1...3 { try await appendTender(buyer, "ocds-ie0001-V\(index)", app) }
            _ = try await witness(app, key: key).run(from: nil, submitTo: Self.url + "/api/v1/ledger/cosignatures")
            let client = InProcessClient(app: app)
            let intact = try await Platform.verifyLedger(client: client, url: Self.url, logKey: app.ledgerLog.noteKey, witnessKeys: [noteKey],
                                                         quorum: 1, signatures: true)
            XCTAssertEqual(intact.failures, [])
            XCTAssertEqual(intact.entries, 3)
            XCTAssertEqual(intact.cosignatures, ["witness.example/w1"])

            let stranger = try XCTUnwrap(NoteKey(name: "witness.example/w2", algorithm: .cosignatureV1, publicKey: Curve25519.Signing.PrivateKey().publicKey))
            do {
                _ = try await Platform.verifyLedger(client: client, url: Self.url, logKey: app.ledgerLog.noteKey, witnessKeys: [noteKey, stranger],
                                                    quorum: 2, signatures: true)
                XCTFail("one cosignature is not a quorum of two")
            } catch let error as Platform.CommandError {
                XCTAssertContains(error.description, "1 of the 2")
            }

            let found = try await LedgerEntryRecord.find(1, on: app.db)
            let stored = try XCTUnwrap(found)
            var body = Array(stored.body)
            body[body.count - 5] ^= 0x01
            stored.body = Data(body)
            try await stored.save(on: app.db)
            let altered = try await Platform.verifyLedger(client: client, url: Self.url, logKey: app.ledgerLog.noteKey, witnessKeys: [],
                                                          quorum: 0, signatures: true)
            XCTAssertTrue(altered.failures.contains { $0.contains("entry #1") }, "\(altered.failures)")
            XCTAssertTrue(altered.failures.contains { $0.contains("the log was altered") }, "\(altered.failures)")
        }
    }
}
