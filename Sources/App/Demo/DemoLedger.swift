import AuditLog
import BeneficialOwnership
import Crypto
import Fluent
import Foundation
import ProcurementLedger
import Vapor

/// The ledger's demo: the demo company discloses its owners, the French agency publishes a gated tender and one
/// that rewards disclosure, the company seals a bid on the gated one, and a demo witness cosigns the checkpoint.
/// Keys follow from fixed seeds, so the demo is the same on every machine; they sign nothing real.
struct DemoLedger {
    let app: Application

    static let gated = "ocds-ix-demo-ledger-1"
    static let rewarded = "ocds-ix-demo-ledger-2"
    static let witnessName = "witness.demo.integrity.invalid/w1"

    static func key(_ seed: String) -> Curve25519.Signing.PrivateKey {
        try! Curve25519.Signing.PrivateKey(rawRepresentation: Array(SHA256.hash(data: Array("integrity-exchange demo key \(seed)".utf8))))
    }

    /// Records made: the disclosure and the ledger; none when the ledger holds entries already.
    func seed() async throws -> Int {
        guard try await LedgerEntryRecord.query(on: app.db).count() == 0,
              let expert = try await User.find(StableID.make("user.expert-en"), on: app.db) else { return 0 }
        let buyer = StableID.make("org.fr-agency"), company = StableID.make("org.gb-analytics")
        for organisation in [buyer, company] {
            _ = try await app.registry.ledgerKeys.register(publicKey: Self.key(organisation.lowercased).publicKey.rawRepresentation.base64EncodedString(),
                                                           organisation: organisation, actor: .system("demo"), userID: nil)
        }
        _ = try await app.registry.disclosures.declare(Self.disclosure, organisation: company, base: 0,
                                                       declaration: app.catalogs.text("disclosure.declaration", .en), by: try expert.requireID())
        let deadline = Instant.format(app.clock.milliseconds() + 30 * 86_400_000)
        let events = [
            (buyer, #"{"type":"tender","procurement":"\#(Self.gated)","buyer":"\#(buyer.lowercased)","title":"Case-management servers for the agency (fictional)","deadline":"\#(deadline)","incentive":{"kind":"gating"},"value":{"amount":"120000.00","currency":"EUR"}}"#),
            (buyer, #"{"type":"tender","procurement":"\#(Self.rewarded)","buyer":"\#(buyer.lowercased)","title":"Open data training for investigators (fictional)","deadline":"\#(deadline)","incentive":{"kind":"outcome","points":5}}"#),
            (company, Self.bid(company)),
        ]
        for (organisation, event) in events {
            let signature = try LedgerEntry.sign(event: Array(event.utf8), with: Self.key(organisation.lowercased))
            _ = try await app.registry.ledger.append(LedgerSubmissionInput(
                organisation: organisation, keyID: Self.key(organisation.lowercased).publicKey.keyID,
                signature: Data(signature).base64EncodedString(), event: event))
        }
        try await cosign()
        return 2
    }

    private static func bid(_ company: UUID) -> String {
        let commitment = BidCommitment.of(procurement: gated, supplier: company.lowercased, offer: Money(amount: "98500.00", currency: "EUR")!,
                                          nonce: String(repeating: "d3", count: 16))
        return #"{"type":"bid","procurement":"\#(gated)","supplier":"\#(company.lowercased)","commitment":"\#(commitment.hex)"}"#
    }

    /// A witness registered and cosigning in-process, as `integrity witness` would from another machine.
    private func cosign() async throws {
        let key = Self.key("witness")
        guard let noteKey = NoteKey(name: Self.witnessName, algorithm: .cosignatureV1, publicKey: key.publicKey),
              var note = try await LedgerTileReader(db: app.db).checkpoint() else { return }
        _ = try await app.registry.ledgerWitnesses.register(verifierKey: noteKey.verifierKey, actor: .system("demo"))
        note.signatures = [try Cosignature.sign(note, timestamp: UInt64(app.clock.milliseconds() / 1000), with: key, name: Self.witnessName)]
        _ = try await app.registry.ledgerWitnesses.add(cosigned: note.serialized)
    }

    static let disclosure = SupplierDisclosureDraft(completeness: "complete", owners: [
        .init(kind: "person", name: "Grace Example (fictional)", country: "GB", shareMinimum: "60", controls: true,
              birthDate: "1975-05-14", address: "1 Example Street, London (fictional)"),
        .init(kind: "entity", name: "Example Ventures LLP (fictional)", country: "GB", shareMinimum: "40"),
    ], declared: true)
}
