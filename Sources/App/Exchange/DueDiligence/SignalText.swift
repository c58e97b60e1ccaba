import ExchangeCore
import Vapor

/// A conflict signal and its evidence as a sentence in the reader's language.
enum SignalText {
    static func describe(_ signal: ConflictSignal, _ req: some Translating) -> String {
        let e = signal.evidence + Array(repeating: "", count: max(0, 5 - signal.evidence.count))
        let arguments: [String]
        switch signal.kind {
        case .sameOrganisation, .ownershipPath: arguments = [e[0], e[1]]
        case .previousExchange: arguments = [e[0], req.t("engagement.stage.\(e[1])")]
        case .declared: arguments = [req.t("declaration.party.\(e[0])"), req.t("declaration.short.\(e[1])"), e[2]]
        case .procurementRelation:
            arguments = [e[0], req.t("conflict.role.\(e[1])"), e[3], req.t("conflict.role.\(e[2])"), req.t("conflict.matched_by.\(e[4])")]
        }
        return req.t("conflict.signal.\(signal.kind.rawValue)", arguments)
    }
}
