import Foundation

/// The checks every proposed match goes through before it is confirmed.
public enum DueDiligenceItem: String, CaseIterable, Codable, Sendable {
    case publicInformation = "public_information"
    case references
    case sectors
    case contractualRestrictions = "contractual_restrictions"
    case valuesAlignment = "values_alignment"
}

public enum ChecklistStatus: String, CaseIterable, Codable, Sendable {
    case pending, done
    case notApplicable = "not_applicable"
    case concern
}

/// One checklist item as a reviewer records it: its status with the notes and links that support it.
public struct ChecklistEntry: Sendable, Equatable {
    public var status: ChecklistStatus
    public var notes: String
    public var links: [String]

    public static let maximumLinks = EvidenceLinks.maximum

    public init(status: ChecklistStatus = .pending, notes: String = "", links: [String] = []) {
        self.status = status
        self.notes = notes
        self.links = links
    }

    /// The entry trimmed, with its links one per line or comma-separated, and the rules it breaks.
    public static func parse(status raw: String?, notes: String?, links: String?) -> (ChecklistEntry, [FieldError]) {
        var v = Validator()
        let status = v.choice("status", raw, as: ChecklistStatus.self) ?? .pending
        let notes = v.text("notes", notes, required: false, maxLength: 4000)
        let parsed = EvidenceLinks.parse(links)
        if parsed == nil { v.add("links", .invalidURL) }
        let links = parsed ?? []
        // Evidence: a concern or a not-applicable says why; done shows what was checked.
        if status != .pending && notes.isEmpty && (status != .done || links.isEmpty) { v.add("notes", .required) }
        return (ChecklistEntry(status: status, notes: notes, links: links), v.errors)
    }
}

/// The whole checklist of one engagement; items not yet touched are pending.
public struct DueDiligenceChecklist: Sendable, Equatable {
    public var entries: [DueDiligenceItem: ChecklistEntry]

    public init(_ entries: [DueDiligenceItem: ChecklistEntry] = [:]) {
        self.entries = entries
    }

    public subscript(item: DueDiligenceItem) -> ChecklistEntry { entries[item] ?? ChecklistEntry() }

    public var isComplete: Bool { DueDiligenceItem.allCases.allSatisfy { self[$0].status != .pending } }
    public var concerns: [DueDiligenceItem] { DueDiligenceItem.allCases.filter { self[$0].status == .concern } }
}
