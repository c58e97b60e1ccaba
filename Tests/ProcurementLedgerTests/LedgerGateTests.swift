import AuditLog
import Crypto
import Testing
@testable import ProcurementLedger

/// Each gate rule refuses what it should, and the ordinary run of a procurement passes.
struct LedgerGateTests {
    static let deadline = Instant.parse("2026-12-10T12:00:00Z")!
    let buyer = "buyer-1", alice = "supplier-a", bob = "supplier-b"
    let ocid = "ocds-ie0001-T1"
    let offer = Money(amount: "1250.00", currency: "EUR")!
    let nonce = String(repeating: "ab", count: 16)

    func tender(_ incentive: DisclosureIncentive = .gating) -> LedgerEvent {
        LedgerEvent(procurement: ocid, body: .tender(Tender(buyer: buyer, title: "Servers", deadlineMs: Self.deadline,
                                                            incentive: incentive, value: nil)))
    }

    func bid(_ supplier: String) -> LedgerEvent {
        LedgerEvent(procurement: ocid, body: .bid(supplier: supplier, commitment: .of(procurement: ocid, supplier: supplier, offer: offer, nonce: nonce)))
    }

    func reveal(_ supplier: String, amount: String = "1250.00") -> LedgerEvent {
        LedgerEvent(procurement: ocid, body: .reveal(supplier: supplier, offer: Money(amount: amount, currency: "EUR")!, nonce: nonce))
    }

    func admit(_ event: LedgerEvent, by signer: String, at ms: Int64 = deadline - 1, on timeline: ProcurementTimeline,
               disclosed: Set<String> = ["supplier-a"]) throws(LedgerRefusal) {
        try LedgerGate.admit(event, signer: signer, nowMs: ms, timeline: timeline) { disclosed.contains($0) }
    }

    func refusal(_ event: LedgerEvent, by signer: String, at ms: Int64 = deadline - 1, on timeline: ProcurementTimeline,
                 disclosed: Set<String> = ["supplier-a"]) -> LedgerRefusal? {
        do { try admit(event, by: signer, at: ms, on: timeline, disclosed: disclosed); return nil } catch { return error }
    }

    @Test func aProcurementRunsFromTenderToAmendment() throws {
        var timeline = ProcurementTimeline()
        let award = LedgerEvent(procurement: ocid, body: .award(supplier: alice, value: offer))
        let contract = LedgerEvent(procurement: ocid, body: .contract(supplier: alice, value: offer))
        let amendment = LedgerEvent(procurement: ocid, body: .amendment(description: "Two more months", value: nil))
        for (event, signer, at) in [(tender(), buyer, Self.deadline - 10), (bid(alice), alice, Self.deadline - 1),
                                    (reveal(alice), alice, Self.deadline), (award, buyer, Self.deadline + 1),
                                    (contract, buyer, Self.deadline + 2), (amendment, buyer, Self.deadline + 3)] {
            try admit(event, by: signer, at: at, on: timeline)
            timeline.apply(event)
        }
        #expect(timeline.contract?.supplier == alice)
        #expect(timeline.amendments == 1)
    }

    @Test func aBidAtOrAfterTheDeadlineIsRefused() {
        let open = ProcurementTimeline([tender()])
        #expect(refusal(bid(alice), by: alice, at: Self.deadline - 1, on: open) == nil)
        #expect(refusal(bid(alice), by: alice, at: Self.deadline, on: open) == .afterDeadline)
        #expect(refusal(bid(alice), by: alice, at: Self.deadline + 60_000, on: open) == .afterDeadline)
    }

    @Test func aGatedTenderRefusesACompanyWithoutDisclosure() {
        #expect(refusal(bid(bob), by: bob, on: ProcurementTimeline([tender()])) == .notDisclosed)
        #expect(refusal(bid(bob), by: bob, on: ProcurementTimeline([tender(.outcome(points: 5))])) == nil)
        #expect(refusal(bid(bob), by: bob, on: ProcurementTimeline([tender(.none)])) == nil)
    }

    @Test func aRevealMustMatchItsCommitmentAndComeAfterTheDeadline() {
        let sealed = ProcurementTimeline([tender(), bid(alice)])
        #expect(refusal(reveal(alice), by: alice, at: Self.deadline - 1, on: sealed) == .beforeDeadline)
        #expect(refusal(reveal(alice, amount: "1249.99"), by: alice, at: Self.deadline, on: sealed) == .revealMismatch)
        #expect(refusal(reveal(alice), by: alice, at: Self.deadline, on: sealed) == nil)
        #expect(refusal(reveal(bob), by: bob, at: Self.deadline, on: sealed) == .noCommitment)
        #expect(refusal(reveal(alice), by: alice, at: Self.deadline, on: ProcurementTimeline([tender(), bid(alice), reveal(alice)])) == .duplicateReveal)
    }

    @Test func onlyTheRightOrganisationSigns() {
        let open = ProcurementTimeline([tender()])
        #expect(refusal(tender(), by: alice, on: ProcurementTimeline()) == .notBuyer)
        #expect(refusal(bid(alice), by: bob, on: open) == .notSupplier)
        let revealed = ProcurementTimeline([tender(), bid(alice), reveal(alice)])
        #expect(refusal(LedgerEvent(procurement: ocid, body: .award(supplier: alice, value: offer)), by: alice,
                        at: Self.deadline, on: revealed) == .notBuyer)
    }

    @Test func eventsFollowTheProcurementsOrder() {
        let open = ProcurementTimeline([tender()])
        #expect(refusal(bid(alice), by: alice, on: ProcurementTimeline()) == .procurementUnknown)
        #expect(refusal(tender(), by: buyer, on: open) == .procurementExists)
        #expect(refusal(bid(alice), by: alice, on: ProcurementTimeline([tender(), bid(alice)])) == .duplicateBid)
        #expect(refusal(LedgerEvent(procurement: ocid, body: .award(supplier: alice, value: offer)), by: buyer,
                        at: Self.deadline, on: ProcurementTimeline([tender(), bid(alice)])) == .notRevealed)
        #expect(refusal(LedgerEvent(procurement: ocid, body: .contract(supplier: alice, value: offer)), by: buyer,
                        at: Self.deadline, on: open) == .notAwarded)
        #expect(refusal(LedgerEvent(procurement: ocid, body: .amendment(description: "x", value: nil)), by: buyer,
                        at: Self.deadline, on: open) == .noContract)
    }
}

struct LedgerEventSchemaTests {
    func parse(_ json: String) -> Result<LedgerEvent, LedgerRefusal> {
        Result { () throws(LedgerRefusal) in try LedgerEventSchema.parse(Array(json.utf8)) }
    }

    func pointer(_ json: String) -> String? {
        if case .failure(.schema(let pointer, _)) = parse(json) { return pointer }
        return nil
    }

    @Test func aTenderParses() throws {
        let event = try parse(#"{"type":"tender","procurement":"ocds-ie0001-T1","buyer":"b","title":"Servers","deadline":"2026-12-10T12:00:00Z","incentive":{"kind":"outcome","points":5},"value":{"amount":"100000","currency":"EUR"}}"#).get()
        guard case .tender(let tender) = event.body else { Issue.record("not a tender"); return }
        #expect(tender.incentive == .outcome(points: 5))
        #expect(Instant.format(tender.deadlineMs) == "2026-12-10T12:00:00.000Z")
    }

    @Test func eachSchemaProblemNamesItsPointer() {
        #expect(pointer("[]") == "")
        #expect(pointer("{") == "")
        #expect(pointer(#"{"type":"gift","procurement":"x"}"#) == "/type")
        #expect(pointer(#"{"type":"bid","procurement":"x y","supplier":"s","commitment":"00"}"#) == "/procurement")
        #expect(pointer(#"{"type":"bid","procurement":"x","supplier":"s","commitment":"00"}"#) == "/commitment")
        #expect(pointer(#"{"type":"bid","procurement":"x","supplier":"s","commitment":"\#(String(repeating: "0", count: 64))","extra":1}"#) == "/extra")
        #expect(pointer(#"{"type":"award","procurement":"x","supplier":"s","value":{"amount":"-1","currency":"EUR"}}"#) == "/value")
        #expect(pointer(#"{"type":"award","procurement":"x","supplier":"s","value":{"amount":"1","currency":"EUR","tax":1}}"#) == "/value/tax")
        #expect(pointer(#"{"type":"tender","procurement":"x","buyer":"b","title":"t","deadline":"10/12/2026","incentive":{"kind":"none"}}"#) == "/deadline")
        #expect(pointer(#"{"type":"tender","procurement":"x","buyer":"b","title":"t","deadline":"2026-12-10T12:00:00Z","incentive":{"kind":"outcome","points":0.5}}"#) == "/incentive/points")
        #expect(pointer(#"{"type":"reveal","procurement":"x","supplier":"s","offer":{"amount":"1","currency":"EUR"},"nonce":"zz"}"#) == "/nonce")
    }

    @Test func anOversizedEventIsRefusedBeforeParsing() {
        guard case .failure(let refusal) = parse(String(repeating: " ", count: LedgerEventSchema.maximumBytes + 1)) else {
            Issue.record("an oversized event parsed")
            return
        }
        #expect(refusal == .tooLarge)
    }
}

struct LedgerEntryTests {
    @Test func anEntryRoundTripsAndItsSignatureCoversTheEventBytes() throws {
        let key = Curve25519.Signing.PrivateKey()
        let event = Array(#"{"type":"amendment","procurement":"x","description":"y"}"#.utf8)
        let entry = LedgerEntry(loggedMs: 1_765_000_000_123, organisation: "org-1", keyID: key.publicKey.keyID,
                                signature: try LedgerEntry.sign(event: event, with: key), event: event)
        let parsed = try #require(LedgerEntry(bytes: entry.bytes))
        #expect(parsed == entry)
        #expect(parsed.isSigned(by: key.publicKey))
        var edited = entry.bytes
        edited[edited.count - 3] ^= 1
        #expect(LedgerEntry(bytes: edited)?.isSigned(by: key.publicKey) == false)
        #expect(!parsed.isSigned(by: Curve25519.Signing.PrivateKey().publicKey))
    }

    @Test func instantsRoundTripAndRefuseOtherForms() {
        #expect(Instant.parse("1970-01-01T00:00:00Z") == 0)
        #expect(Instant.parse("2026-12-10T12:00:00.250Z").map(Instant.format) == "2026-12-10T12:00:00.250Z")
        for bad in ["2026-12-10 12:00:00Z", "2026-12-10T24:00:00Z", "2026-02-30T00:00:00Z", "2026-12-10T12:00:00+01:00"] {
            #expect(Instant.parse(bad) == nil, "\(bad)")
        }
    }
}
