/// What a settings file may hold. As in cardinal, an unknown section or key, or a value of the wrong kind, is an
/// error naming its path, rather than a setting silently ignored.
public enum SettingKind: Sendable {
    case text, list, integer, decimal, boolean
    /// A decimal number that is not negative.
    case weight

    func accepts(_ value: String) -> Bool {
        switch self {
        case .text, .list: true
        case .integer: Int(value).map { $0 >= 0 } ?? false
        case .decimal: Double(value).map(\.isFinite) ?? false
        case .weight: Double(value).map { $0.isFinite && $0 >= 0 } ?? false
        case .boolean: value == "true" || value == "false"
        }
    }

    /// What a value of this kind looks like, in English.
    var expected: String {
        switch self {
        case .text, .list: "text"
        case .integer: "a whole number"
        case .decimal: "a decimal number"
        case .boolean: "true or false"
        case .weight: "a decimal number, 0 or more"
        }
    }
}

enum SettingsSchema {
    static let global: [String: SettingKind] = [
        "currency": .text, "no_price_comparison_procurement_methods": .list, "price_comparison_procurement_methods": .list,
    ]

    /// Sections with fixed keys; indicators add their own.
    static let fixed: [String: [String: SettingKind]] = [
        "defaults": ["currency": .text, "item_classification_scheme": .text, "bid_status": .text, "award_status": .text, "party_roles": .boolean],
        "redactions": ["amount": .list, "organization_id": .list],
        "corrections": ["award_status_by_contract_status": .boolean],
        "modifications": ["move_auctions": .boolean, "prefix_buyer_or_procuring_entity_id": .text,
                          "prefix_tenderer_or_supplier_id": .text, "split_procurement_method_details": .text],
        "exclusions": ["procurement_method_details": .list],
    ]

    /// Sections whose keys are data (codes to map, method details), with the kind of every value.
    static let open: [String: SettingKind] = [
        "codelists.bid_status": .text, "codelists.award_status": .text, "R003.procurement_method_details": .integer,
    ]

    static func keys(of section: String) -> [String: SettingKind]? {
        if let keys = fixed[section] { return keys }
        // Risk-score weights, one per indicator code.
        if section == RiskWeights.section { return Dictionary(uniqueKeysWithValues: IndicatorRun.all.map { ($0.code, .weight) }) }
        return IndicatorRun.all.first { $0.code == section }?.settingKeys
    }

    static func validate(_ settings: Settings) throws(Settings.Problem) {
        for (key, value) in settings.global.sorted(by: { $0.key < $1.key }) {
            try check(key, value, global[key], path: key)
        }
        for (section, members) in settings.sections.sorted(by: { $0.key < $1.key }) {
            if let kind = open[section] {
                for (key, value) in members.sorted(by: { $0.key < $1.key }) { try check(key, value, kind, path: "\(section).\(key)") }
                continue
            }
            guard let keys = keys(of: section) else { throw Settings.Problem(path: section, reason: .unknownSection) }
            for (key, value) in members.sorted(by: { $0.key < $1.key }) { try check(key, value, keys[key], path: "\(section).\(key)") }
        }
    }

    private static func check(_ key: String, _ value: String, _ kind: SettingKind?, path: String) throws(Settings.Problem) {
        guard let kind else { throw Settings.Problem(path: path, reason: .unknownSetting) }
        guard kind.accepts(value) else { throw Settings.Problem(path: path, reason: .wrongKind(kind, got: value)) }
    }
}
