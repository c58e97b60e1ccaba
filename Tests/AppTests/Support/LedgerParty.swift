@testable import App
import AuditLog
import Crypto
import ExchangeCore
import Foundation
import ProcurementLedger
import XCTVapor

/// An organisation with a registered ledger key, writing signed submissions as a buyer's or bidder's client would.
struct LedgerParty: Sendable {
    let organisation: UUID
    let keyData: Data

    var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: keyData) }
    var id: String { organisation.uuidString.lowercased() }

    /// Registers a fresh key for `organisation` straight through the service.
    static func registered(_ organisation: UUID, on app: Application) async throws -> LedgerParty {
        let key = Curve25519.Signing.PrivateKey()
        _ = try await app.registry.ledgerKeys.register(publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
                                                       organisation: organisation, actor: .system("test"), userID: nil)
        return LedgerParty(organisation: organisation, keyData: key.rawRepresentation)
    }

    /// A new company with a registered key.
    static func company(_ name: String, on app: Application) async throws -> LedgerParty {
        let organisation = try await app.registry.organisations.create(
            OrganisationDraft(kind: "company", name: name, country: "GB", workingLanguages: ["en"], sector: "technology"), actor: .system("test"))
        return try await registered(try organisation.requireID(), on: app)
    }

    /// The API body that appends `event`, signed by this party unless `signature` says otherwise.
    func submission(_ event: String, signature: String? = nil) throws -> String {
        let signed = try signature ?? LedgerEntry.sign(event: Array(event.utf8), with: key).base64
        let input = LedgerSubmissionInput(organisation: organisation, keyID: key.publicKey.keyID, signature: signed, event: event)
        return String(decoding: try JSONEncoder().encode(input), as: UTF8.self)
    }

    func tender(_ ocid: String, deadline: String, incentive: String = #"{"kind":"gating"}"#) -> String {
        #"{"type":"tender","procurement":"\#(ocid)","buyer":"\#(id)","title":"Case-management servers","deadline":"\#(deadline)","incentive":\#(incentive)}"#
    }

    func bid(_ ocid: String, amount: String = "1250.00", nonce: String = LedgerParty.nonce) -> String {
        let offer = Money(amount: amount, currency: "EUR")!
        let commitment = BidCommitment.of(procurement: ocid, supplier: id, offer: offer, nonce: nonce)
        return #"{"type":"bid","procurement":"\#(ocid)","supplier":"\#(id)","commitment":"\#(commitment.hex)"}"#
    }

    func reveal(_ ocid: String, amount: String = "1250.00", nonce: String = LedgerParty.nonce) -> String {
        #"{"type":"reveal","procurement":"\#(ocid)","supplier":"\#(id)","offer":{"amount":"\#(amount)","currency":"EUR"},"nonce":"\#(nonce)"}"#
    }

    func award(_ ocid: String, to supplier: LedgerParty, amount: String = "1250.00") -> String {
        #"{"type":"award","procurement":"\#(ocid)","supplier":"\#(supplier.id)","value":{"amount":"\#(amount)","currency":"EUR"}}"#
    }

    static let nonce = String(repeating: "5a", count: 16)
}

extension Array where Element == UInt8 {
    var base64: String { Data(self).base64EncodedString() }
}

extension AppTestCase {
    /// A declared disclosure, as the disclosure form leaves it, so that a gated tender lets the company bid.
    func storeDisclosure(for organisation: UUID, on app: Application) async throws {
        let disclosure = SupplierDisclosure()
        disclosure.id = UUID()
        disclosure.$organisation.id = organisation
        disclosure.version = 1
        disclosure.complete = true
        disclosure.owners = "[]"
        disclosure.declaration = "I declare this is true."
        disclosure.$declaredBy.id = try await user(Demo.expert, on: app).requireID()
        disclosure.declaredAt = app.clock.now()
        try await disclosure.create(on: app.db)
    }

    func ledgerSize(_ app: Application) async throws -> UInt64 {
        try await LedgerTileReader(db: app.db).size()
    }
}
