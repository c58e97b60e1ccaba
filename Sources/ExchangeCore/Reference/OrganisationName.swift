import Foundation

/// Organisation names reduced to what identifies them, so "Datos, S.A." and "DATOS SA" compare equal: case, accents,
/// punctuation and legal-form words do not count.
public enum OrganisationName {
    /// Legal forms across the programme's languages and common registries; dropped wherever they appear as words.
    static let legalForms: Set<String> = [
        "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "plc", "lp",
        "sa", "sas", "sarl", "sl", "sau", "srl", "spa", "sca", "sc", "cv", "de", "rl", "ltda", "eirl", "sac", "saa",
        "gmbh", "ag", "kg", "bv", "nv", "oy", "ab", "as", "aps", "pty", "pte", "bhd", "sdn", "kk", "the",
    ]

    public static func normalised(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        // "S.A." and "s. a." become "sa" before splitting into words.
        let joinedInitials = folded.replacingOccurrences(of: #"\b(\w)\.\s?(?=\w\.)"#, with: "$1", options: .regularExpression)
        let words = joinedInitials.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "." })
            .map { $0.replacingOccurrences(of: ".", with: "") }
            .filter { !$0.isEmpty }
        let kept = words.filter { !legalForms.contains($0) }
        return (kept.isEmpty ? words : kept).joined(separator: " ")
    }
}
