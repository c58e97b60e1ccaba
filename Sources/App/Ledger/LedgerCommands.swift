import AuditLog
import Crypto
import Foundation
import ProcurementLedger
import Vapor

/// What `integrity ledger …` and `integrity witness` do: keys for signers and witnesses, signing an event,
/// verifying a ledger from outside, and witnessing it.
extension Platform {
    /// A new Ed25519 key written to `path` (mode 0600); returns its public key in base64 and its key id.
    public static func ledgerKeygen(path: String) throws -> (publicKey: String, keyID: String) {
        guard !FileManager.default.fileExists(atPath: path) else { throw CommandError(description: "\(path) exists; choose another file") }
        let key = try SigningKeyStore.loadOrCreate(at: path)
        return (key.publicKey.rawRepresentation.base64EncodedString(), key.publicKey.keyID)
    }

    /// The API body that appends `event` (JSON text, signed as it stands).
    public static func ledgerSign(event: String, organisation: UUID, keyPath: String) throws -> String {
        let key = try SigningKeyStore.load(at: keyPath)
        let input = LedgerSubmissionInput(organisation: organisation, keyID: key.publicKey.keyID,
                                          signature: Data(try LedgerEntry.sign(event: Array(event.utf8), with: key)).base64EncodedString(),
                                          event: event)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(input), as: UTF8.self)
    }

    /// Registers an organisation's public key from the command line.
    public static func ledgerRegisterKey(_ app: Application, organisation: UUID, publicKey: String) async throws -> String {
        do {
            return try await app.registry.ledgerKeys.register(publicKey: publicKey, organisation: organisation, actor: .system("cli"), userID: nil).keyID
        } catch let error as AppError {
            throw CommandError(description: app.catalogs.text("error.\(error.code == "validation_failed" ? "invalidIdentifier" : error.code)", .en))
        }
    }

    /// The log's verifier key (C2SP), which clients and witnesses are configured with.
    public static func ledgerVerifierKey(_ app: Application) -> String { app.ledgerLog.noteKey.verifierKey }

    /// A witness's verifier key, from its private key file.
    public static func witnessVerifierKey(name: String, keyPath: String) throws -> String {
        let key = try SigningKeyStore.loadOrCreate(at: keyPath)
        guard let noteKey = NoteKey(name: name, algorithm: .cosignatureV1, publicKey: key.publicKey) else {
            throw CommandError(description: "a witness name has no spaces or plus signs: \(name)")
        }
        return noteKey.verifierKey
    }

    public struct LedgerVerification: Sendable {
        public let entries: UInt64
        public let root: String
        public let cosignatures: [String]
        public let failures: [String]
    }

    /// Verifies a ledger served at `url` from its checkpoint, entry bundles and the public keys alone.
    public static func verifyLedger(url: String, logKey: String, witnesses: [String], quorum: Int, signatures: Bool) async throws -> LedgerVerification {
        guard let logKey = NoteKey(verifierKey: logKey) else { throw CommandError(description: "--log-key is not a verifier key") }
        let witnessKeys = try witnesses.map { text -> NoteKey in
            guard let key = NoteKey(verifierKey: text) else { throw CommandError(description: "not a witness verifier key: \(text)") }
            return key
        }
        return try await withHTTPClient { client in
            try await verifyLedger(client: client, url: url, logKey: logKey, witnessKeys: witnessKeys, quorum: quorum, signatures: signatures)
        }
    }

    static func verifyLedger(client: any Client, url: String, logKey: NoteKey, witnessKeys: [NoteKey], quorum: Int,
                             signatures: Bool) async throws -> LedgerVerification {
        do {
            let log = TiledLogClient(client: client, prefix: url.hasSuffix("/") ? url + "ledger" : url + "/ledger")
            let note = try await log.checkpoint()
            guard note.verifiedSignature(by: logKey) != nil else { throw CommandError(description: "the checkpoint is not signed by the log's key") }
            let checkpoint = try TlogCheckpoint(text: note.text)
            let cosigners = witnessKeys.filter { note.verifiedSignature(by: $0) != nil }.map(\.name)
            guard cosigners.count >= quorum else {
                throw CommandError(description: "\(cosigners.count) of the \(quorum) cosignatures required verify")
            }
            var verifier = LedgerVerifier(keys: signatures ? try await publishedKeys(log, url: url) : [:], checkSignatures: signatures)
            for address in TileAddress.tiles(level: 0, treeSize: checkpoint.treeSize) {
                for entry in try await log.entries(TileAddress(level: nil, index: address.index, count: address.count)) { verifier.add(entry) }
            }
            return LedgerVerification(entries: verifier.size, root: checkpoint.rootHash.hex, cosignatures: cosigners,
                                      failures: verifier.finish(against: checkpoint).map(\.description))
        } catch let failure as TiledLogClient.Failure {
            throw CommandError(description: failure.description)
        }
    }

    private static func publishedKeys(_ log: TiledLogClient, url: String) async throws -> [String: LedgerVerifier.Key] {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        let keys = try await log.getJSON(base + "/api/v1/ledger/keys", as: [LedgerKeyDTO].self)
        return Dictionary(keys.compactMap { key in
            Data(base64Encoded: key.publicKey).map {
                (key.keyID, LedgerVerifier.Key(organisation: key.organisation, publicKey: Array($0),
                                               revokedMs: key.revokedAt.map { Int64($0.timeIntervalSince1970 * 1000) }))
            }
        }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs the witness once against the ledger at `url`, keeping its state in `statePath`.
    public static func witness(url: String, logKey: String, name: String, keyPath: String, statePath: String, submit: Bool) async throws -> String {
        guard let logKey = NoteKey(verifierKey: logKey) else { throw CommandError(description: "--log-key is not a verifier key") }
        let key = AuditSigningKey(key: try SigningKeyStore.loadOrCreate(at: keyPath))
        let state = FileManager.default.contents(atPath: statePath).flatMap { try? JSONDecoder().decode(LedgerWitness.State.self, from: $0) }
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        return try await withHTTPClient { client in
            let witness = LedgerWitness(log: TiledLogClient(client: client, prefix: base + "/ledger"), logKey: logKey, name: name, key: key,
                                        now: { UInt64(Date().timeIntervalSince1970) })
            let (kept, outcome) = try await witness.run(from: state, submitTo: submit ? base + "/api/v1/ledger/cosignatures" : nil)
            try JSONEncoder().encode(kept).write(to: URL(fileURLWithPath: statePath))
            switch outcome {
            case .cosigned(let size, let added): return "Cosigned the checkpoint at \(size) entries" + (submit ? " (\(added) new)." : ".")
            case .unchanged(let size): return "The log is still at \(size) entries."
            }
        }
    }

    /// An HTTP client without the platform's database, for commands that talk to a server.
    static func withHTTPClient<T>(_ body: (any Client) async throws -> T) async throws -> T {
        let app = try await Application.make(.production)
        do {
            let value = try await body(app.client)
            try await app.asyncShutdown()
            return value
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
