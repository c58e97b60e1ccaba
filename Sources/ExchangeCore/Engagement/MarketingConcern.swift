/// The programme forbids promoting or selling products, services or tools inside an exchange. A party who sees it
/// reports a concern; only programme staff see the report and who made it.
public enum MarketingConcernStatus: String, CaseIterable, Codable, Sendable {
    case open
    case dismissed
    /// The other party is warned; the exchange goes on.
    case warning
    /// The match is cancelled, optionally with an alternate expert proposed.
    case cancelled

    public var isDecided: Bool { self != .open }
}

/// What a party reports: what happened, with links to the evidence.
public struct MarketingConcernReport: Sendable, Equatable {
    public let description: String
    public let links: [String]

    public static func parse(description: String?, links: String?) -> (MarketingConcernReport, [FieldError]) {
        var v = Validator()
        let text = v.text("description", description, maxLength: 4000)
        let parsed = EvidenceLinks.parse(links)
        if parsed == nil { v.add("links", .invalidURL) }
        return (MarketingConcernReport(description: text, links: parsed ?? []), v.errors)
    }
}

/// A coordinator's outcome on an open concern, with the text the parties receive.
public struct MarketingConcernDecision: Sendable, Equatable {
    public let outcome: MarketingConcernStatus
    public let text: String

    public static func parse(outcome raw: String?, text: String?) -> (MarketingConcernDecision?, [FieldError]) {
        var v = Validator()
        var outcome = v.choice("outcome", raw, as: MarketingConcernStatus.self)
        if outcome == .open {
            v.add("outcome", .invalidChoice)
            outcome = nil
        }
        let text = v.text("text", text, maxLength: 4000)
        guard v.isValid, let outcome else { return (nil, v.errors) }
        return (MarketingConcernDecision(outcome: outcome, text: text), [])
    }
}
