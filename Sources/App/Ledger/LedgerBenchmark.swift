import AuditLog
import Crypto
import Dispatch
import Fluent
import Foundation
import SQLKit
import ProcurementLedger
import Vapor

/// `integrity ledger bench`: appends through the service, many at once as a busy deadline would send them, and a
/// client's verification of a generated log from its entry bundles. Run it on a scratch database.
extension Platform {
    public static func ledgerBenchmark(_ app: Application, appends: Int, verifyEntries: Int) async throws -> String {
        let perSecond = try await appendRate(app, count: appends)
        let (treeSeconds, replaySeconds, signatureMicros) = try verificationTime(entries: verifyEntries)
        return """
            appends: \(appends) signed entries in groups, \(Int(perSecond)) per second (\(app.db.dialectName)), each with its checkpoint and inclusion proof
            verification: \(verifyEntries) entries from entry bundles against the checkpoint in \(String(format: "%.2f", treeSeconds)) s (the tree)
            replay: the gate rules over the same entries in \(String(format: "%.2f", replaySeconds)) s
            signatures: \(String(format: "%.1f", signatureMicros)) µs per entry on one core
            """
    }

    private static func appendRate(_ app: Application, count: Int) async throws -> Double {
        let buyer = try await app.registry.organisations.create(
            .init(kind: "public_body", name: "Benchmark buyer \(UUID().uuidString.prefix(8))", country: "FR", publicBodyType: "anti_corruption_agency",
                  jurisdiction: "national", mandate: "Benchmark", legalBasis: "Benchmark", workingLanguages: ["fr"]), actor: .system("bench"))
        let organisation = try buyer.requireID()
        let key = Curve25519.Signing.PrivateKey()
        _ = try await app.registry.ledgerKeys.register(publicKey: key.publicKey.rawRepresentation.base64EncodedString(), organisation: organisation,
                                                       actor: .system("bench"), userID: nil)
        let bodies = try (0..<count).map { index -> LedgerSubmissionInput in
            let event = #"{"type":"tender","procurement":"bench-\#(organisation.lowercased.prefix(8))-\#(index)","buyer":"\#(organisation.lowercased)","title":"Benchmark","deadline":"2030-01-01T00:00:00Z","incentive":{"kind":"none"}}"#
            return LedgerSubmissionInput(organisation: organisation, keyID: key.publicKey.keyID,
                                         signature: Data(try LedgerEntry.sign(event: Array(event.utf8), with: key)).base64EncodedString(), event: event)
        }
        let started = DispatchTime.now()
        try await withThrowingTaskGroup(of: Void.self) { group in
            let service = app.registry.ledger
            for start in stride(from: 0, to: bodies.count, by: max(1, bodies.count / 64)) {
                let slice = bodies[start..<min(bodies.count, start + max(1, bodies.count / 64))]
                group.addTask { for body in slice { _ = try await service.append(body) } }
            }
            try await group.waitForAll()
        }
        return Double(count) / (Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
    }

    /// A log of `entries` tenders built in memory, then verified as a client would from its bundles.
    private static func verificationTime(entries: Int) throws -> (tree: Double, replay: Double, signatureMicros: Double) {
        let key = Curve25519.Signing.PrivateKey()
        var bundles: [[UInt8]] = []
        var range = CompactRange()
        var pending: [[UInt8]] = []
        for index in 0..<entries {
            let event = Array(#"{"type":"tender","procurement":"bench-\#(index)","buyer":"b","title":"Benchmark","deadline":"2030-01-01T00:00:00Z","incentive":{"kind":"none"}}"#.utf8)
            let entry = LedgerEntry(loggedMs: 1_800_000_000_000 + Int64(index), organisation: "b", keyID: key.publicKey.keyID,
                                    signature: [UInt8](repeating: 0, count: 64), event: event).bytes
            range.append(TreeHash.leaf(entry))
            pending.append(entry)
            if pending.count == 256 { bundles.append(EntryBundle.encode(pending)); pending = [] }
        }
        if !pending.isEmpty { bundles.append(EntryBundle.encode(pending)) }
        let checkpoint = TlogCheckpoint(origin: "bench/ledger", treeSize: range.size, rootHash: range.root)

        func run(replayRules: Bool) -> Double {
            let started = DispatchTime.now()
            var verifier = LedgerVerifier(keys: [:], checkSignatures: false, replayRules: replayRules)
            for bundle in bundles { for entry in EntryBundle.decode(bundle) ?? [] { verifier.add(entry) } }
            let failures = verifier.finish(against: checkpoint)
            precondition(failures.isEmpty, "the generated log must verify: \(failures.prefix(3))")
            return Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        }
        let tree = run(replayRules: false), replay = run(replayRules: true)

        let message = LedgerEntry.signedMessage(event: Array("benchmark".utf8))
        let signature = try key.signature(for: message)
        let checks = 10_000
        let signed = DispatchTime.now()
        for _ in 0..<checks { precondition(key.publicKey.isValidSignature(signature, for: message)) }
        let micros = Double(DispatchTime.now().uptimeNanoseconds - signed.uptimeNanoseconds) / 1e3 / Double(checks)
        return (tree, replay, micros)
    }
}

private extension Database {
    var dialectName: String { (self as? any SQLDatabase)?.dialect.name ?? "database" }
}
