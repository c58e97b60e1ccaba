import Foundation

/// What a reader forwards to another organisation: the answers they chose to pass on, the questions they withheld
/// (named, so the new readers know something was kept back), and a note. Never the reporter's demographics, identity,
/// messages or files. It is sealed under a key of its own (`scope`), wrapped only for the new organisation's readers,
/// so they can read the copy and nothing else of the report.
public struct RedactedCopy: Codable, Equatable, Sendable {
    public static let item = "copy"
    public static let longestNote = 2000

    public let answers: [String: Answer]
    /// The withheld questions' field ids, in the questionnaire's order.
    public let withheld: [String]
    public let note: String

    /// The copy of `answers` that keeps only the fields in `kept`; `order` is the questionnaire's field order.
    public init(answers: [String: Answer], keeping kept: Set<String>, order: [String], note: String) {
        self.answers = answers.filter { kept.contains($0.key) }
        withheld = order.filter { answers[$0] != nil && !kept.contains($0) }
        self.note = note
    }

    /// The id the copy's key is bound to, apart from the report's own and from any other copy's.
    public static func scope(reportID: String, forwardID: String) -> String { "\(reportID)/forward/\(forwardID)" }
}

extension ReportQuestionnaire {
    /// The recipient keys the rules exclude on a report's stored answers: whoever was kept from the report at
    /// submission stays kept from every copy of it.
    public func excludedRecipients(of answers: [String: Answer]) -> Set<String> {
        var excluded: Set<String> = []
        for rule in rules where answers[rule.when.field] != nil && holds(rule.when, answers) {
            if case .excludeRecipients(let keys) = rule.effect { excluded.formUnion(keys) }
        }
        return excluded
    }
}
