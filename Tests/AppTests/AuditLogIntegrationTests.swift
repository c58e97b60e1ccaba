@testable import App
import AuditLog
import Crypto
import ExchangeCore
import Fluent
import SQLKit
import XCTVapor
import XCTest

final class AuditLogIntegrationTests: AppTestCase {
    var sql: (Application) -> SQLDatabase { { $0.db as! SQLDatabase } }

    func testAnUntouchedLogVerifies() async throws {
        try await withTestApp { app in
            guard case .intact(let entries, let checkpoints, _) = try await Platform.verifyAuditLog(app) else {
                return XCTFail("a fresh log must verify")
            }
            XCTAssertEqual(entries, 16)
            XCTAssertEqual(checkpoints, 16)
        }
    }

    func testEditingOneRowBehindTheAppIsDetectedAndNamed() async throws {
        try await withTestApp { app in
            try await sql(app).raw("UPDATE audit_entries SET action = 'organisation.delete' WHERE sequence = 5").run()
            guard case .broken(let reason) = try await Platform.verifyAuditLog(app) else { return XCTFail("tampering must be detected") }
            XCTAssertContains(reason, "entry #5")
        }
    }

    func testDeletingARowOrACheckpointIsDetected() async throws {
        try await withTestApp { app in
            try await sql(app).raw("DELETE FROM audit_entries WHERE sequence = 7").run()
            guard case .broken(let reason) = try await Platform.verifyAuditLog(app) else { return XCTFail("deletion must be detected") }
            XCTAssertContains(reason, "entry #7 is missing")
        }
        try await withTestApp { app in
            try await sql(app).raw("DELETE FROM audit_checkpoints WHERE tree_size = 3").run()
            guard case .broken(let reason) = try await Platform.verifyAuditLog(app) else { return XCTFail("deletion must be detected") }
            XCTAssertContains(reason, "tree size 3")
        }
        try await withTestApp { app in
            // The default reads only the newest checkpoint, which already proves every entry; an older checkpoint's
            // row is read when every checkpoint is checked.
            try await sql(app).raw("UPDATE audit_checkpoints SET root_hash = 'zz' WHERE tree_size = 4").run()
            guard case .intact = try await Platform.verifyAuditLog(app) else { return XCTFail("the entries are intact") }
            guard case .broken(let reason) = try await Platform.verifyAuditLog(app, everyCheckpoint: true) else {
                return XCTFail("an unreadable checkpoint must be reported")
            }
            XCTAssertContains(reason, "tree size 4")
        }
    }

    /// Verification checks every root but, by default, only the newest signature; a forged one is still named.
    func testAForgedSignatureOnTheNewestCheckpointIsNamed() async throws {
        try await withTestApp { app in
            try await sql(app).raw("""
                UPDATE audit_checkpoints SET signature = (SELECT signature FROM audit_checkpoints WHERE tree_size = 1)
                WHERE tree_size = (SELECT max(tree_size) FROM audit_checkpoints)
                """).run()
            guard case .broken(let reason) = try await Platform.verifyAuditLog(app) else { return XCTFail("a forged signature must be caught") }
            XCTAssertContains(reason, "tree size 16 has an invalid signature")
        }
    }

    func testAFailedActionLeavesNoAuditEntryAndAnUnauditedOneIsRolledBack() async throws {
        try await withTestApp { app in
            let before = try await AuditEntryRecord.query(on: app.db).count()
            do {
                try await app.auditLog.transaction(on: app.db, actor: .system("test")) { scope in
                    try await scope.record(.organisationCreate, .organisation(UUID()))
                    throw Abort(.conflict)
                }
            } catch {}
            do {
                _ = try await app.auditLog.transaction(on: app.db, actor: .system("test")) { scope in
                    try await Organisation.query(on: scope.db).set(\.$name, to: "silently renamed").update()
                }
                XCTFail("an unaudited change must not commit")
            } catch is AuditLogService.UnauditedChange {}
            let after = try await AuditEntryRecord.query(on: app.db).count()
            XCTAssertEqual(after, before)
            let renamed = try await Organisation.query(on: app.db).filter(\.$name == "silently renamed").count()
            XCTAssertEqual(renamed, 0)
            guard case .intact = try await Platform.verifyAuditLog(app) else { return XCTFail("rolled-back appends must leave the log consistent") }
        }
    }

    /// A third party checks the API's answers with nothing but the public key and RFC 9162 arithmetic.
    func testProofsFromTheAPIVerifyWithOnlyThePublicKey() async throws {
        try await withTestApp { app in
            let visitor = APIClient.anonymous(app)
            let keyDTO = try await visitor.send(.GET, "/api/v1/audit/public-key").content.decode(APIAuditController.PublicKeyDTO.self)
            let key = try XCTUnwrap(Platform.publicKey(base64: keyDTO.publicKey))

            func checkpoint(_ size: Int) async throws -> Checkpoint {
                let dto = try await visitor.send(.GET, "/api/v1/audit/checkpoint?treeSize=\(size)").content.decode(APIAuditController.CheckpointDTO.self)
                let json = #"{"treeSize":\#(dto.treeSize),"rootHash":"\#(dto.rootHash)","timestampMs":\#(dto.timestampMs),"signature":"\#(dto.signature)"}"#
                let checkpoint = try JSONDecoder().decode(Checkpoint.self, from: Data(json.utf8))
                XCTAssertTrue(checkpoint.isSigned(by: key))
                return checkpoint
            }
            let early = try await checkpoint(6)
            let late = try await checkpoint(16)

            let inclusion = try await visitor.send(.GET, "/api/v1/audit/proofs/inclusion?leafIndex=4&treeSize=16")
                .content.decode(APIAuditController.InclusionDTO.self)
            let leaf = try XCTUnwrap(Data(base64Encoded: inclusion.leafHash).flatMap { TreeHash(bytes: Array($0)) })
            let path = inclusion.path.compactMap { Data(base64Encoded: $0).flatMap { TreeHash(bytes: Array($0)) } }
            XCTAssertTrue(ProofVerifier.verifyInclusion(leaf: leaf, index: 4, treeSize: 16, proof: path, root: late.rootHash))

            let consistency = try await visitor.send(.GET, "/api/v1/audit/proofs/consistency?first=6&second=16")
                .content.decode(APIAuditController.ConsistencyDTO.self)
            let proof = consistency.proof.compactMap { Data(base64Encoded: $0).flatMap { TreeHash(bytes: Array($0)) } }
            XCTAssertTrue(ProofVerifier.verifyConsistency(firstSize: 6, secondSize: 16, firstRoot: early.rootHash, secondRoot: late.rootHash, proof: proof))

            let staff = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let entries = try await staff.send(.GET, "/api/v1/audit/entries?start=4&end=5").content.decode(PageDTO<APIAuditController.EntryDTO>.self)
            XCTAssertEqual(entries.items.first?.leafHash, inclusion.leafHash, "an entry's published leaf hash is the one proven")
        }
    }

    func testBadProofRequestsAreRefusedWithTheFieldNamed() async throws {
        try await withTestApp { app in
            let visitor = APIClient.anonymous(app)
            for (query, field) in [("first=0&second=5", "first"), ("first=3&second=999", "second"), ("leafIndex=9&treeSize=4", "leafIndex"), ("treeSize=2", "leafIndex")] {
                let path = query.hasPrefix("first") ? "/api/v1/audit/proofs/consistency?\(query)" : "/api/v1/audit/proofs/inclusion?\(query)"
                let response = try await visitor.send(.GET, path)
                XCTAssertEqual(response.status, .unprocessableEntity, query)
                let body = try response.content.decode(APIClient.ErrorBody.self)
                XCTAssertEqual(body.error.fields?.first?.field, field, query)
            }
        }
    }

    func testAuditPageFiltersBySubjectAndLinksFromObjects() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let organisation = try await coordinator.get("/organisations/\(Demo.spanishCourt.uuidString.lowercased())")
            let history = "/audit?subjectType=organisation&amp;subjectID=\(Demo.spanishCourt.uuidString.lowercased())"
            XCTAssertContains(organisation.body.string, history)
            let page = try await coordinator.get(history.replacingOccurrences(of: "&amp;", with: "&"))
            XCTAssertContains(page.body.string, "1 entries match.")
            XCTAssertContains(page.body.string, "organisation.create")
            let byAction = try await coordinator.get("/audit?action=user.register")
            XCTAssertContains(byAction.body.string, "1 entries match.")
        }
    }
}
