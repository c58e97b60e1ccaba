import AuditLog
import Crypto
import Foundation

/// One leaf of the ledger: header lines the log adds (its own clock, the signer and the signature), a blank line,
/// then the event's bytes exactly as they were signed. A client re-checks every signature from the leaf alone.
public struct LedgerEntry: Sendable, Equatable {
    static let header = "integrity-exchange/ledger/entry/v1"
    static let signingContext = Array("integrity-exchange/ledger/event/v1\n".utf8)

    /// The log's clock when it appended the entry: the time the deadline is judged by.
    public let loggedMs: Int64
    public let organisation: String
    /// `keyID` of the signing key: the first 8 bytes of SHA-256 of its raw form, in hex.
    public let keyID: String
    public let signature: [UInt8]
    public let event: [UInt8]

    public init(loggedMs: Int64, organisation: String, keyID: String, signature: [UInt8], event: [UInt8]) {
        self.loggedMs = loggedMs
        self.organisation = organisation
        self.keyID = keyID
        self.signature = signature
        self.event = event
    }

    /// What a signer signs: a fixed context line, then the event's bytes.
    public static func signedMessage(event: [UInt8]) -> [UInt8] { signingContext + event }

    public static func sign(event: [UInt8], with key: Curve25519.Signing.PrivateKey) throws -> [UInt8] {
        Array(try key.signature(for: signedMessage(event: event)))
    }

    public func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        key.keyID == keyID && key.isValidSignature(signature, for: Self.signedMessage(event: event))
    }

    public var bytes: [UInt8] {
        let head = "\(Self.header)\nlogged \(Instant.format(loggedMs))\nsigner \(organisation) \(keyID)\n"
            + "signature \(Data(signature).base64EncodedString())\n\n"
        return Array(head.utf8) + event
    }

    public init?(bytes: [UInt8]) {
        guard let split = bytes.firstRange(of: [0x0A, 0x0A]) else { return nil }
        let lines = String(decoding: bytes[..<split.lowerBound], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 4, lines[0] == Self.header,
              lines[1].hasPrefix("logged "), let logged = Instant.parse(String(lines[1].dropFirst(7))),
              case let signer = lines[2].split(separator: " "), signer.count == 3, signer[0] == "signer",
              lines[3].hasPrefix("signature "), let signature = Data(base64Encoded: String(lines[3].dropFirst(10)))
        else { return nil }
        self.init(loggedMs: logged, organisation: String(signer[1]), keyID: String(signer[2]), signature: Array(signature),
                  event: Array(bytes[split.upperBound...]))
    }
}
