import BeneficialOwnership
import Foundation

/// How every registry page names a party, a share and a standing, in the reader's language.
struct RegistryPartyText {
    let text: any Translating

    func name(_ party: RegistryParty?) -> String {
        guard let party else { return text.t("registry.party.unknown") }
        if let name = party.name, !name.isEmpty { return name }
        return text.t(party.kind == .person ? "registry.party.unnamed_person" : "registry.party.unnamed_entity")
    }

    /// "Anonymous: exempt from disclosure (listed company)", or nil for a named party.
    func unspecified(_ party: RegistryParty?) -> String? {
        guard let why = party?.unspecified else { return nil }
        let reason = Unspecified.reasons.contains(why.reason) ? text.t("registry.reason.\(why.reason)") : why.reason
        return why.description.map { text.t("registry.unspecified_with", reason, $0) } ?? text.t("registry.unspecified", reason)
    }

    func kind(_ party: RegistryParty?) -> String {
        text.t(party?.kind == .person ? "registry.kind.person" : "registry.kind.entity")
    }

    /// "25%", or "12.5%–37.5%" for a range.
    func share(_ share: ShareRange?) -> String {
        guard let share else { return text.t("registry.share.none") }
        let low = percent(share.minimum)
        return share.isExact ? low : text.t("registry.share.range", low, percent(share.maximum))
    }

    func percent(_ value: Double) -> String {
        value.formatted(FloatingPointFormatStyle<Double>.Percent(locale: text.locale).precision(.fractionLength(0...2)))
    }

    func standing(_ standing: Holding.Standing) -> String { text.t("registry.standing.\(standing.rawValue)") }

    func politicalExposure(_ party: RegistryParty?) -> String? {
        party?.politicalExposure == .isPep ? text.t("registry.pep") : nil
    }
}
