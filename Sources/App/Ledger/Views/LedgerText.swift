import AuditLog
import Foundation
import ProcurementLedger

/// The words the ledger's pages share: event kinds, incentives, a procurement's stage and times from the log.
struct LedgerText {
    let text: any Translating

    func kind(_ kind: LedgerEvent.Kind) -> String { text.t("ledger.kind.\(kind.rawValue)") }

    func incentive(_ incentive: DisclosureIncentive) -> String {
        switch incentive {
        case .none: text.t("ledger.incentive.none")
        case .gating: text.t("ledger.incentive.gating")
        case .outcome(let points): text.t("ledger.incentive.outcome", text.number(points))
        case .compensation(let bonus): text.t("ledger.incentive.compensation", money(bonus))
        }
    }

    func money(_ money: Money) -> String {
        money.value.formatted(.currency(code: money.currency).locale(text.locale))
    }

    func stage(_ timeline: ProcurementTimeline) -> String {
        if timeline.contract != nil { return text.t("ledger.stage.contract") }
        if timeline.award != nil { return text.t("ledger.stage.awarded") }
        if !timeline.offers.isEmpty { return text.t("ledger.stage.opened", text.number(timeline.offers.count)) }
        return text.t("ledger.stage.sealed", text.number(timeline.commitments.count))
    }

    func time(_ ms: Int64) -> String { text.dateTime(Date(timeIntervalSince1970: Double(ms) / 1000)) }

    /// A tile's address on this server (the route's `**` filled with the tile's path below `tile/`).
    static func tileHref(_ address: TileAddress) -> String {
        LedgerRoute.tile.link().replacingOccurrences(of: "**", with: String(address.path.dropFirst("tile/".count)))
    }
}
