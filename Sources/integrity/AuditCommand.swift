import App
import ArgumentParser
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the tamper-evident audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the Merkle tree from the database and check it against every signed checkpoint.")

        @Option(name: .customLong("public-key"), help: "Verify against this Ed25519 public key (base64) instead of the configured key.")
        var publicKey: String?

        @Flag(name: .customLong("every-checkpoint"),
              help: "Check every checkpoint's root and signature, not only the newest (which commits to every entry); one Ed25519 verification per entry.")
        var everyCheckpoint = false

        func run() async throws {
            let key = try publicKey.map { text in
                guard let key = Platform.publicKey(base64: text) else { throw ValidationError("--public-key is not a base64 Ed25519 public key") }
                return key
            }
            let outcome = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                try await Platform.verifyAuditLog(app, publicKey: key, everyCheckpoint: everyCheckpoint)
            }
            switch outcome {
            case .intact(let entries, let checkpoints, let root):
                print("Audit log intact: \(entries) entries, \(checkpoints) signed checkpoints, root \(root).")
            case .broken(let reason):
                FileHandle.standardError.write(Data("Audit log verification FAILED: \(reason)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}
