import Foundation

/// What identifies an organisation across the platform and imported open data: its identifiers (org-id style
/// `SCHEME-ID`, e.g. `GB-COH-01234567`) and its normalised name.
public struct PartyKey: Sendable, Hashable {
    public let identifiers: Set<String>
    public let name: String

    public init(identifiers: [String], name: String) {
        self.identifiers = Set(identifiers.map(Self.identifier).filter { !$0.isEmpty })
        self.name = OrganisationName.normalised(name)
    }

    /// Case and surrounding space do not count in an identifier.
    public static func identifier(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// `SCHEME-ID` from the scheme and id OCDS and BODS carry separately; empty when either is missing.
    public static func identifier(scheme: String?, id: String?) -> String {
        guard let scheme = scheme?.trimmingCharacters(in: .whitespaces), !scheme.isEmpty,
              let id = id?.trimmingCharacters(in: .whitespaces), !id.isEmpty else { return "" }
        return identifier("\(scheme)-\(id)")
    }

    /// Identifiers decide first. Names decide only when one side has no identifier: two different identifiers
    /// under one name are two organisations.
    public func matches(_ other: PartyKey) -> ProcurementRelation.MatchedBy? {
        if !identifiers.isDisjoint(with: other.identifiers) { return .identifier }
        if !identifiers.isEmpty && !other.identifiers.isEmpty { return nil }
        return !name.isEmpty && name == other.name ? .name : nil
    }
}
