/// What a closed exchange may make public, item by item. An item is published only when both sides consented to
/// it, and only in the wording a coordinator redacted and previewed.
public enum PublicationItem: String, CaseIterable, Codable, Sendable {
    /// The need and who worked on it.
    case summary
    /// What was achieved against the statement of success.
    case outcome
    case deliverables
    case lessons
    case recommendations
}

/// Each side's consent, item by item.
public struct PublicationConsents: Sendable, Equatable {
    public var given: [PublicationItem: Set<DeclaringParty>]

    public init(_ given: [PublicationItem: Set<DeclaringParty>] = [:]) {
        self.given = given
    }

    public func consented(_ item: PublicationItem) -> Bool {
        given[item, default: []] == Set(DeclaringParty.allCases)
    }

    /// The items both sides agreed to, in the order a page shows them.
    public var publishable: [PublicationItem] { PublicationItem.allCases.filter(consented) }
}

/// The texts a coordinator publishes, after redaction. Only consented items may carry text.
public struct PublicationDraft: Sendable, Equatable, Codable {
    public var texts: [PublicationItem: String]
    /// A short text for a website or social post.
    public var post: String

    public init(texts: [PublicationItem: String], post: String) {
        (self.texts, self.post) = (texts, post)
    }

    /// Trimmed texts of consented items, or the first rule broken: nothing without consent, nothing empty.
    public func checked(against consents: PublicationConsents) -> (PublicationDraft?, [FieldError]) {
        var v = Validator()
        var kept: [PublicationItem: String] = [:]
        for item in PublicationItem.allCases {
            let text = (texts[item] ?? "").trimmingWhitespace()
            if text.isEmpty { continue }
            if !consents.consented(item) { v.add("text_\(item.rawValue)", .withoutConsent); continue }
            if text.count > 4000 { v.add("text_\(item.rawValue)", .tooLong); continue }
            kept[item] = text
        }
        if kept.isEmpty { v.add("texts", .required) }
        let post = v.text("post", post, required: false, maxLength: 500)
        guard v.isValid else { return (nil, v.errors) }
        return (PublicationDraft(texts: kept, post: post), [])
    }
}
