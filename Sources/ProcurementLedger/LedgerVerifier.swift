import AuditLog
import Crypto

/// Checks a ledger from its entries alone, as a client that trusts nothing but the log's key: the entries hash to
/// the checkpoint's root, each is signed by a key registered to the organisation it names (before any revocation),
/// and replaying the gate rules in order on the log's own times refuses none of them. Whether a company had
/// disclosed is not public, so a gated tender's bids are taken as disclosed.
public struct LedgerVerifier {
    public struct Key: Sendable {
        public let organisation: String
        public let publicKey: [UInt8]
        /// Entries logged at or after this time must not use the key.
        public let revokedMs: Int64?

        public init(organisation: String, publicKey: [UInt8], revokedMs: Int64?) {
            self.organisation = organisation
            self.publicKey = publicKey
            self.revokedMs = revokedMs
        }
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case unreadableEntry(index: UInt64)
        case rootMismatch(entries: UInt64)
        case badSignature(index: UInt64)
        case refused(index: UInt64, code: String)

        public var description: String {
            switch self {
            case .unreadableEntry(let i): "entry #\(i) is not a ledger entry"
            case .rootMismatch(let n): "the \(n) entries do not hash to the checkpoint's root: the log was altered"
            case .badSignature(let i): "entry #\(i) is not signed by a registered, unrevoked key of the organisation it names"
            case .refused(let i, let code): "entry #\(i) breaks the gate rule \(code): the log should have refused it"
            }
        }
    }

    public let keys: [String: Key]
    public let checkSignatures: Bool
    /// Off, only the tree is checked: that the entries hash to the checkpoint's root.
    public let replayRules: Bool
    private var range = CompactRange()
    private var timelines: [String: ProcurementTimeline] = [:]
    private var failures: [Failure] = []

    public init(keys: [String: Key], checkSignatures: Bool = true, replayRules: Bool = true) {
        self.keys = keys
        self.checkSignatures = checkSignatures
        self.replayRules = replayRules
    }

    public var size: UInt64 { range.size }

    /// Takes the next entry of the log, in order.
    public mutating func add(_ bytes: [UInt8]) {
        let index = range.size
        range.append(TreeHash.leaf(bytes))
        guard replayRules || checkSignatures else { return }
        guard let entry = LedgerEntry(bytes: bytes), let event = try? LedgerEventSchema.parse(entry.event) else {
            failures.append(.unreadableEntry(index: index))
            return
        }
        if checkSignatures, !isSigned(entry) { failures.append(.badSignature(index: index)) }
        var timeline = timelines[event.procurement] ?? ProcurementTimeline()
        do {
            try LedgerGate.admit(event, signer: entry.organisation, nowMs: entry.loggedMs, timeline: timeline) { _ in true }
            timeline.apply(event)
            timelines[event.procurement] = timeline
        } catch {
            failures.append(.refused(index: index, code: error.code))
        }
    }

    private func isSigned(_ entry: LedgerEntry) -> Bool {
        guard let key = keys[entry.keyID], key.organisation == entry.organisation,
              key.revokedMs.map({ entry.loggedMs < $0 }) ?? true,
              let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key.publicKey) else { return false }
        return entry.isSigned(by: publicKey)
    }

    /// Every problem found, the root check against `checkpoint` last.
    public func finish(against checkpoint: TlogCheckpoint) -> [Failure] {
        failures + (range.size == checkpoint.treeSize && range.root == checkpoint.rootHash ? [] : [.rootMismatch(entries: range.size)])
    }
}
