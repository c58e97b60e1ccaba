import Foundation

/// A party (a person, an office, a company) a reader has declared a conflict of interest with. A report whose
/// answers name that party is never wrapped for them, so they cannot read it and the platform cannot give it to them.
public struct DeclaredConflict: Equatable, Sendable {
    /// Shorter names would match too much ("Li" is in many words' company).
    public static let shortest = 3
    public static let longest = 200

    /// The party in its matching form (`normalise`).
    public let party: String

    /// nil when the name is too short or too long to match on.
    public init?(party raw: String) {
        let party = Self.normalise(raw)
        guard (Self.shortest...Self.longest).contains(party.count) else { return nil }
        self.party = party
    }

    /// Lowercased, accents folded, anything but letters and digits turned to spaces, spaces collapsed: "Ñúñez-Díaz S.A."
    /// and "nunez diaz s a" match.
    public static func normalise(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en"))
        let words = folded.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.joined(separator: " ")
    }

    /// Whether a text answer names the party: its words appear whole and in order.
    public func isNamed(in answers: [String: Answer]) -> Bool {
        answers.values.contains { answer in
            guard case .text(let text) = answer else { return false }
            return " \(Self.normalise(text)) ".contains(" \(party) ")
        }
    }

    /// The readers (of any id) whom a declared conflict keeps from a report with these answers.
    public static func conflicted<Reader: Hashable>(_ declared: [Reader: [DeclaredConflict]], answers: [String: Answer]) -> Set<Reader> {
        Set(declared.filter { $0.value.contains { $0.isNamed(in: answers) } }.keys)
    }
}
