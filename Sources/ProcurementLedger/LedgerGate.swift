/// The rules an event must pass before it is appended, judged on the procurement's timeline as the log holds it and
/// on the log's own clock. The caller reads both inside the transaction that appends.
public enum LedgerGate {
    /// - Parameters:
    ///   - signer: the organisation whose registered, unrevoked key signed the event.
    ///   - disclosed: whether a company has disclosed its beneficial owners; asked only for a gated tender's bids.
    public static func admit(
        _ event: LedgerEvent, signer: String, nowMs: Int64, timeline: ProcurementTimeline,
        disclosed: (String) throws -> Bool
    ) throws(LedgerRefusal) {
        if case .tender(let tender) = event.body {
            guard timeline.tender == nil else { throw .procurementExists }
            guard tender.buyer == signer else { throw .notBuyer }
            return
        }
        guard let tender = timeline.tender else { throw .procurementUnknown }
        switch event.body {
        case .tender:
            return
        case .bid(let supplier, _):
            guard supplier == signer else { throw .notSupplier }
            guard nowMs < tender.deadlineMs else { throw .afterDeadline }
            guard timeline.commitments[supplier] == nil else { throw .duplicateBid }
            if tender.incentive == .gating {
                let isDisclosed: Bool
                do { isDisclosed = try disclosed(supplier) } catch { isDisclosed = false }
                guard isDisclosed else { throw .notDisclosed }
            }
        case .reveal(let supplier, let offer, let nonce):
            guard supplier == signer else { throw .notSupplier }
            guard nowMs >= tender.deadlineMs else { throw .beforeDeadline }
            guard let commitment = timeline.commitments[supplier] else { throw .noCommitment }
            guard timeline.offers[supplier] == nil else { throw .duplicateReveal }
            guard BidCommitment.of(procurement: event.procurement, supplier: supplier, offer: offer, nonce: nonce) == commitment
            else { throw .revealMismatch }
        case .award(let supplier, _):
            guard tender.buyer == signer else { throw .notBuyer }
            guard timeline.award == nil else { throw .alreadyAwarded }
            guard timeline.offers[supplier] != nil else { throw .notRevealed }
        case .contract(let supplier, _):
            guard tender.buyer == signer else { throw .notBuyer }
            guard timeline.award?.supplier == supplier, timeline.contract == nil else { throw .notAwarded }
        case .amendment:
            guard tender.buyer == signer else { throw .notBuyer }
            guard timeline.contract != nil else { throw .noContract }
        }
    }
}
