/// What a person does in the programme. A user has exactly one role.
public enum Role: String, CaseIterable, Codable, Sendable {
    case coordinator
    case publicParticipant = "public_participant"
    case expert
    case evaluator
    case analyst
    case administrator

    /// Roles a person may ask for when registering; the rest are given by invitation only.
    public static let selfRegistrable: [Role] = [.publicParticipant, .expert]

    /// Roles that belong to an organisation of a given kind.
    public var organisationKind: OrganisationKind? {
        switch self {
        case .publicParticipant: .publicBody
        case .expert: .company
        default: nil
        }
    }

    public var managesProgramme: Bool { self == .coordinator || self == .administrator }
}

public enum AccountStatus: String, CaseIterable, Codable, Sendable {
    /// Self-registered, waiting for a coordinator.
    case pending
    case active
    case disabled
}
