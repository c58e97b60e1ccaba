@testable import App
import AuditLog
import Crypto
import Fluent
import Foundation
import ProcurementLedger
import XCTVapor
import XCTest

/// The ledger through its API and its tiled read API: a gated procurement from tender to award, every gate rule's
/// refusal leaving the tree as it was, and a client that trusts nothing but the log's key and the tiles.
final class LedgerTests: AppTestCase {
    static let ocid = "ocds-ie0001-T1"
    static let deadline = "2026-11-02T10:00:00Z"

    struct Parties {
        let buyer: LedgerParty, disclosed: LedgerParty, undisclosed: LedgerParty
    }

    func parties(_ app: Application) async throws -> Parties {
        let parties = Parties(buyer: try await LedgerParty.registered(Demo.frenchAgency, on: app),
                              disclosed: try await LedgerParty.registered(Demo.britishCompany, on: app),
                              undisclosed: try await LedgerParty.company("Undisclosed Holdings Ltd (fictional)", on: app))
        try await storeDisclosure(for: Demo.britishCompany, on: app)
        return parties
    }

    func append(_ body: String, _ app: Application, language: String = "en") async throws -> XCTHTTPResponse {
        try await APIClient.anonymous(app).send(.POST, "/api/v1/ledger/entries", json: body, headers: ["Accept-Language": language])
    }

    func code(_ response: XCTHTTPResponse) throws -> String {
        try response.content.decode(APIClient.ErrorBody.self).error.code
    }

    func testAGatedProcurementRunsFromTenderToAwardAndEachReceiptProvesItsEntry() async throws {
        try await withTestApp { app in
            let p = try await parties(app)
            let steps = [try p.buyer.submission(p.buyer.tender(Self.ocid, deadline: Self.deadline)),
                         try p.disclosed.submission(p.disclosed.bid(Self.ocid))]
            var receipts: [LedgerReceiptDTO] = []
            for body in steps {
                let response = try await append(body, app)
                XCTAssertEqual(response.status, .created, response.body.string)
                receipts.append(try response.content.decode(LedgerReceiptDTO.self))
            }
            let refused = try await append(try p.undisclosed.submission(p.undisclosed.bid(Self.ocid)), app, language: "fr")
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertEqual(try code(refused), "ledger_not_disclosed")
            XCTAssertContains(try refused.content.decode(APIClient.ErrorBody.self).error.message, "bénéficiaires")

            clock.advance(by: 3600)
            for body in [try p.disclosed.submission(p.disclosed.reveal(Self.ocid)), try p.buyer.submission(p.buyer.award(Self.ocid, to: p.disclosed))] {
                let response = try await append(body, app)
                XCTAssertEqual(response.status, .created, response.body.string)
                receipts.append(try response.content.decode(LedgerReceiptDTO.self))
            }
            XCTAssertEqual(receipts.map(\.index), [0, 1, 2, 3])
            for receipt in receipts {
                let note = try SignedNote.parse(receipt.checkpoint)
                XCTAssertNotNil(note.verifiedSignature(by: app.ledgerLog.noteKey))
                let checkpoint = try TlogCheckpoint(text: note.text)
                XCTAssertEqual(checkpoint.origin, "127.0.0.1:8080/ledger")
                XCTAssertTrue(ProofVerifier.verifyInclusion(
                    leaf: try XCTUnwrap(TreeHash(hex: receipt.leafHash)), index: UInt64(receipt.index), treeSize: checkpoint.treeSize,
                    proof: receipt.inclusionProof.compactMap(TreeHash.init(hex:)), root: checkpoint.rootHash))
            }
            let procurement = try await APIClient.anonymous(app).send(.GET, "/api/v1/ledger/procurements/\(Self.ocid)")
            let dto = try procurement.content.decode(LedgerProcurementDTO.self)
            XCTAssertEqual(dto.incentive, "gating")
            XCTAssertEqual(dto.awardedTo, p.disclosed.id)
            XCTAssertEqual(dto.events.map(\.kind), ["tender", "bid", "reveal", "award"])
        }
    }

    func testEveryGateRuleRefusesWithItsReasonAndTheTreeDoesNotGrow() async throws {
        try await withTestApp { app in
            let p = try await parties(app)
            let r1 = try await append(try p.buyer.submission(p.buyer.tender(Self.ocid, deadline: Self.deadline)), app)
            XCTAssertEqual(r1.status, .created)
            let r2 = try await append(try p.disclosed.submission(p.disclosed.bid(Self.ocid)), app)
            XCTAssertEqual(r2.status, .created)
            let stranger = LedgerParty(organisation: Demo.britishCompany, keyData: Curve25519.Signing.PrivateKey().rawRepresentation)
            let revoked = try await LedgerParty.company("Revoked Keys Ltd (fictional)", on: app)
            _ = try await app.registry.ledgerKeys.revoke(keyID: revoked.key.publicKey.keyID, organisation: revoked.organisation, actor: .system("test"))
            let otherSignature = try LedgerEntry.sign(event: Array("{}".utf8), with: p.undisclosed.key).base64
            let cases: [(String, HTTPStatus, String)] = [
                (try p.undisclosed.submission(p.undisclosed.bid(Self.ocid), signature: ""), .forbidden, "ledger_unsigned"),
                (try p.undisclosed.submission(p.undisclosed.bid(Self.ocid), signature: otherSignature), .forbidden, "ledger_bad_signature"),
                (try stranger.submission(stranger.bid(Self.ocid)), .forbidden, "ledger_key_unknown"),
                (try revoked.submission(revoked.bid(Self.ocid)), .forbidden, "ledger_key_revoked"),
                (try p.undisclosed.submission(#"{"type":"bid","procurement":"\#(Self.ocid)"}"#), .unprocessableEntity, "ledger_schema"),
                (try p.undisclosed.submission(p.undisclosed.bid(Self.ocid)), .forbidden, "ledger_not_disclosed"),
                (try p.disclosed.submission(p.disclosed.bid(Self.ocid)), .conflict, "ledger_duplicate_bid"),
                (try p.disclosed.submission(p.disclosed.reveal(Self.ocid)), .conflict, "ledger_before_deadline"),
                (try p.undisclosed.submission(p.undisclosed.bid("ocds-ie0001-none")), .notFound, "ledger_procurement_unknown"),
            ]
            let size = try await ledgerSize(app)
            for (body, status, expected) in cases {
                let response = try await append(body, app)
                XCTAssertEqual(response.status, status, expected)
                XCTAssertEqual(try code(response), expected)
            }
            clock.advance(by: 3600)
            let late = try await append(try p.disclosed.submission(p.disclosed.bid(Self.ocid, nonce: String(repeating: "11", count: 16))), app)
            XCTAssertEqual(try code(late), "ledger_after_deadline", "the log's clock is judged first")
            let lateNew = try await LedgerParty.company("Late Bidder Ltd (fictional)", on: app)
            try await storeDisclosure(for: lateNew.organisation, on: app)
            let r3 = try await append(try lateNew.submission(lateNew.bid(Self.ocid)), app)
            XCTAssertEqual(try code(r3), "ledger_after_deadline")
            let wrongReveal = try await append(try p.disclosed.submission(p.disclosed.reveal(Self.ocid, amount: "999.00")), app)
            XCTAssertEqual(wrongReveal.status, .unprocessableEntity)
            XCTAssertEqual(try code(wrongReveal), "ledger_reveal_mismatch")
            let sizeAfter = try await ledgerSize(app)
            XCTAssertEqual(sizeAfter, size, "no refused entry is logged")
            let schema = try await append(try p.undisclosed.submission(#"{"type":"bid","procurement":"x y"}"#), app)
            XCTAssertEqual(try schema.content.decode(APIClient.ErrorBody.self).error.fields?.first?.field, "/procurement")
        }
    }

    func testAClientVerifiesTheLogFromTilesAndBundlesAlone() async throws {
        try await withTestApp { app in
            let buyer = try await LedgerParty.registered(Demo.frenchAgency, on: app)
            for index in 0..<300 {
                let body = try buyer.submission(buyer.tender("ocds-ie0001-T\(index)", deadline: Self.deadline, incentive: #"{"kind":"none"}"#))
                let r4 = try await append(body, app)
                XCTAssertEqual(r4.status, .created)
            }
            let api = APIClient.anonymous(app)
            let checkpointResponse = try await api.send(.GET, "/ledger/checkpoint")
            XCTAssertEqual(checkpointResponse.headers.contentType?.description, "text/plain; charset=utf-8")
            let note = try SignedNote.parse(checkpointResponse.body.string)
            XCTAssertNotNil(note.verifiedSignature(by: app.ledgerLog.noteKey))
            let checkpoint = try TlogCheckpoint(text: note.text)
            XCTAssertEqual(checkpoint.treeSize, 300)

            var fetched: [String: [UInt8]] = [:]
            for address in TileAddress.tiles(level: 0, treeSize: 300) + TileAddress.tiles(level: 1, treeSize: 300)
                + [TileAddress(level: nil, index: 0, count: 256), TileAddress(level: nil, index: 1, count: 44)] {
                let response = try await api.send(.GET, "/ledger/" + address.path)
                XCTAssertEqual(response.status, .ok, address.path)
                fetched[address.path] = Array(response.body.readableBytesView)
            }
            var tree = TiledTree(size: 300) { address in
                let bytes = fetched[address.path] ?? []
                return stride(from: 0, to: bytes.count, by: 32).compactMap { TreeHash(bytes: Array(bytes[$0..<$0 + 32])) }
            }
            XCTAssertEqual(try tree.root(), checkpoint.rootHash)
            // Every entry in the bundles hashes to its leaf in the level-0 tiles, and names its signer's key.
            var leaves: [TreeHash] = []
            for path in ["tile/entries/000", "tile/entries/001.p/44"] {
                var bytes = fetched[path]![...]
                while bytes.count >= 2 {
                    let length = Int(bytes[bytes.startIndex]) << 8 | Int(bytes[bytes.startIndex + 1])
                    let entry = Array(bytes.dropFirst(2).prefix(length))
                    bytes = bytes.dropFirst(2 + length)
                    XCTAssertTrue(try XCTUnwrap(LedgerEntry(bytes: entry)).isSigned(by: buyer.key.publicKey))
                    leaves.append(TreeHash.leaf(entry))
                }
            }
            XCTAssertEqual(MerkleTree.root(leaves), checkpoint.rootHash)
            let r5 = try await api.send(.GET, "/ledger/tile/0/001.p/45")
            XCTAssertEqual(r5.status, .notFound, "a tile beyond the log")
            let r6 = try await api.send(.GET, "/ledger/tile/0/1")
            XCTAssertEqual(r6.status, .notFound, "not a tile path")
        }
    }

    func testWitnessCosignaturesArePublishedWithTheCheckpoint() async throws {
        try await withTestApp { app in
            let buyer = try await LedgerParty.registered(Demo.frenchAgency, on: app)
            let r7 = try await append(try buyer.submission(buyer.tender(Self.ocid, deadline: Self.deadline)), app)
            XCTAssertEqual(r7.status, .created)
            let witnessKey = Curve25519.Signing.PrivateKey()
            let noteKey = try XCTUnwrap(NoteKey(name: "witness.example/w1", algorithm: .cosignatureV1, publicKey: witnessKey.publicKey))
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let admin = try await APIClient.forUser(try await user(Demo.administrator, on: app), app: app)
            let registration = #"{"verifierKey":"\#(noteKey.verifierKey)"}"#
            let r8 = try await coordinator.send(.POST, "/api/v1/ledger/witnesses", json: registration)
            XCTAssertEqual(r8.status, .forbidden)
            let r9 = try await admin.send(.POST, "/api/v1/ledger/witnesses", json: registration)
            XCTAssertEqual(r9.status, .created)

            let api = APIClient.anonymous(app)
            var note = try SignedNote.parse(try await api.send(.GET, "/ledger/checkpoint").body.string)
            note.signatures = [try Cosignature.sign(note, timestamp: 1_793_610_000, with: witnessKey, name: noteKey.name)]
            let sent = try await api.send(.POST, "/api/v1/ledger/cosignatures", bytes: Array(note.serialized.utf8), contentType: "text/plain")
            XCTAssertEqual(try sent.content.decode(LedgerCosignatureResultDTO.self).added, 1)
            let again = try await api.send(.POST, "/api/v1/ledger/cosignatures", bytes: Array(note.serialized.utf8), contentType: "text/plain")
            XCTAssertEqual(try again.content.decode(LedgerCosignatureResultDTO.self).added, 0)

            let published = try SignedNote.parse(try await api.send(.GET, "/ledger/checkpoint").body.string)
            XCTAssertNotNil(published.verifiedSignature(by: app.ledgerLog.noteKey))
            XCTAssertNotNil(published.verifiedSignature(by: noteKey))

            var forged = SignedNote(text: TlogCheckpoint(origin: app.ledgerLog.origin, treeSize: 1, rootHash: .leaf([9])).text)
            forged.signatures = [try Cosignature.sign(forged, timestamp: 1_793_610_000, with: witnessKey, name: noteKey.name)]
            let refused = try await api.send(.POST, "/api/v1/ledger/cosignatures", bytes: Array(forged.serialized.utf8), contentType: "text/plain")
            XCTAssertEqual(refused.status, .conflict, "a checkpoint the log never signed")
            let stranger = Curve25519.Signing.PrivateKey()
            note.signatures = [try Cosignature.sign(note, timestamp: 1_793_610_000, with: stranger, name: noteKey.name)]
            let unknown = try await api.send(.POST, "/api/v1/ledger/cosignatures", bytes: Array(note.serialized.utf8), contentType: "text/plain")
            XCTAssertEqual(unknown.status, .forbidden, "not a registered witness's key")
        }
    }

    func testOnlyAnOrganisationsOwnPeopleOrStaffManageItsKeys() async throws {
        try await withTestApp { app in
            let key = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()
            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let forAgency = #"{"organisation":"\#(Demo.frenchAgency.uuidString)","publicKey":"\#(key)"}"#
            let r10 = try await expert.send(.POST, "/api/v1/ledger/keys", json: forAgency)
            XCTAssertEqual(r10.status, .forbidden)
            let r11 = try await analyst.send(.POST, "/api/v1/ledger/keys", json: forAgency)
            XCTAssertEqual(r11.status, .forbidden)
            let r12 = try await APIClient.anonymous(app).send(.POST, "/api/v1/ledger/keys", json: forAgency)
            XCTAssertEqual(r12.status, .unauthorized)
            let own = #"{"organisation":"\#(Demo.britishCompany.uuidString)","publicKey":"\#(key)"}"#
            let created = try await expert.send(.POST, "/api/v1/ledger/keys", json: own)
            XCTAssertEqual(created.status, .created)
            let keyID = try created.content.decode(LedgerKeyDTO.self).keyID
            let r13 = try await expert.send(.POST, "/api/v1/ledger/keys", json: own)
            XCTAssertEqual(r13.status, .conflict)
            let bad = #"{"organisation":"\#(Demo.britishCompany.uuidString)","publicKey":"not a key"}"#
            let r14 = try await expert.send(.POST, "/api/v1/ledger/keys", json: bad)
            XCTAssertEqual(r14.status, .unprocessableEntity)

            let participant = try await APIClient.forUser(try await user(Demo.publicFR, on: app), app: app)
            let revokeOther = #"{"organisation":"\#(Demo.britishCompany.uuidString)"}"#
            let r15 = try await participant.send(.POST, "/api/v1/ledger/keys/\(keyID)/revoke", json: revokeOther)
            XCTAssertEqual(r15.status, .forbidden)
            let r16 = try await expert.send(.POST, "/api/v1/ledger/keys/\(keyID)/revoke", json: revokeOther)
            XCTAssertEqual(r16.status, .ok)
            let r17 = try await expert.send(.POST, "/api/v1/ledger/keys/\(keyID)/revoke", json: revokeOther)
            XCTAssertEqual(r17.status, .conflict)
            let listed = try await APIClient.anonymous(app).send(.GET, "/api/v1/ledger/keys?organisation=\(Demo.britishCompany.uuidString)")
            XCTAssertNotNil(try listed.content.decode([LedgerKeyDTO].self).first?.revokedAt)
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action ~~ ["ledger.key_register", "ledger.key_revoke"]).count()
            XCTAssertEqual(audited, 2)
        }
    }
}
