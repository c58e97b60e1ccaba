import Crypto
import Foundation

/// Loads the checkpoint signing key, creating it (mode 0600) on first run.
enum SigningKeyStore {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func loadOrCreate(at path: String) throws -> Curve25519.Signing.PrivateKey {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            return try load(at: path)
        }
        let key = Curve25519.Signing.PrivateKey()
        let directory = (path as NSString).deletingLastPathComponent
        try fm.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        let text = key.rawRepresentation.base64EncodedString() + "\n"
        guard fm.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure(description: "cannot write the audit signing key at \(path)")
        }
        return key
    }

    static func load(at path: String) throws -> Curve25519.Signing.PrivateKey {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8),
              let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw Failure(description: "the audit signing key at \(path) is unreadable or not an Ed25519 key") }
        return key
    }
}
