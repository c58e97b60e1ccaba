/// Where a complaint stands, as the complainant and the public statistics see it. Every change carries a public
/// explanation.
public enum ComplaintStatus: String, Codable, Sendable, CaseIterable {
    case received
    case underReview
    case investigationOpened
    case referred
    case closedWithAction
    case closedWithoutAction

    public var isClosed: Bool { self == .closedWithAction || self == .closedWithoutAction }

    /// The statuses a complaint may move to from this one. A referred complaint is reviewed again by the authority
    /// it was referred to; a closed one stays closed.
    public var next: [ComplaintStatus] {
        switch self {
        case .received: [.underReview, .referred, .closedWithoutAction]
        case .underReview: [.investigationOpened, .referred, .closedWithAction, .closedWithoutAction]
        case .investigationOpened: [.referred, .closedWithAction, .closedWithoutAction]
        case .referred: [.underReview, .closedWithAction, .closedWithoutAction]
        case .closedWithAction, .closedWithoutAction: []
        }
    }

    public func canMove(to status: ComplaintStatus) -> Bool { next.contains(status) }
}
