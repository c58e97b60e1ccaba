import Foundation
import ProcurementLedger

/// One procurement as the ledger tells it: the published tender with its disclosure incentive, and every entry in
/// order, each linked to its entry and inclusion proof.
struct LedgerProcurementPage: PageModel {
    static let template = "ledger_procurement"
    let titleKey = "ledger.procurement_title"

    struct Row: Encodable, Sendable, Equatable {
        let index: String
        let kind: String
        let organisation: String
        let detail: String?
        let logged: String
        let leafHash: String
        let entryHref: String
    }

    let title: String
    let procurement: String
    let buyer: String
    let deadline: String
    let incentive: String
    let value: String?
    let stage: String
    let rows: [Row]
    let indexHref: String

    init(_ procurement: LedgerProcurement, names: [UUID: String], text: some Translating) {
        let words = LedgerText(text: text)
        func name(_ id: String) -> String { UUID(uuidString: id).flatMap { names[$0] } ?? id }
        title = procurement.tender.title
        self.procurement = procurement.id
        buyer = name(procurement.tender.buyer)
        deadline = words.time(procurement.tender.deadlineMs)
        incentive = words.incentive(procurement.tender.incentive)
        value = procurement.tender.value.map(words.money)
        stage = words.stage(procurement.timeline)
        rows = procurement.events.map { item in
            let index = item.record.id ?? 0
            return Row(index: text.number(Int(index)), kind: words.kind(item.event.kind), organisation: name(item.record.$organisation.id.lowercased),
                       detail: Self.detail(item.event, words: words), logged: words.time(item.record.loggedMs),
                       leafHash: String(item.record.leafHash.prefix(16)), entryHref: APILedgerRoute.entry.link(Int(index)))
        }
        indexHref = LedgerRoute.index.link()
    }

    /// What the entry says beyond its kind: an opened or awarded amount, or an amendment's words. Sealed bids show
    /// nothing until they are opened.
    private static func detail(_ event: LedgerEvent, words: LedgerText) -> String? {
        switch event.body {
        case .reveal(_, let offer, _): words.money(offer)
        case .award(_, let value), .contract(_, let value): words.money(value)
        case .amendment(let description, let value): [description, value.map(words.money)].compactMap { $0 }.joined(separator: " · ")
        case .tender, .bid: nil
        }
    }
}
