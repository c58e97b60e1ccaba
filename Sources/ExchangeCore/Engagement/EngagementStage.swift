/// Where an engagement stands. A confirmed match proposal starts as `proposed`; the safeguards between the stages
/// are the engagement workflow's to enforce.
public enum EngagementStage: String, Codable, Sendable, CaseIterable {
    case proposed
    case dueDiligence = "due_diligence"
    case torDrafting = "tor_drafting"
    case torSigned = "tor_signed"
    case active, closing, closed, cancelled

    /// Still holds one of the expert's concurrent places.
    public var occupiesExpert: Bool { self != .closed && self != .cancelled }

    /// The stages in the order the workflow moves through them; cancelled stands outside it.
    public static let workflow: [EngagementStage] = [.proposed, .dueDiligence, .torDrafting, .torSigned, .active, .closing, .closed]

    /// Terms of Reference are drafted from here on.
    public var hasTerms: Bool { [.torDrafting, .torSigned, .active, .closing, .closed].contains(self) }

    /// The stages that hold one of the expert's places.
    public static let occupying = allCases.filter(\.occupiesExpert)
}
