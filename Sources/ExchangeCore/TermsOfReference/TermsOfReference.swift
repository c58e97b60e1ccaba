import Foundation

/// Who signs the Terms of Reference, and the sides every role belongs to.
public enum TermsSide: String, CaseIterable, Codable, Sendable {
    case publicBody = "public_body"
    case expert
    case programmeOffice = "programme_office"
}

/// What a match commits to, once all three sides sign it: who does what, how it is governed, what it delivers and
/// when, how success is known, what is published, and how data is handled.
public struct TermsOfReference: Codable, Sendable, Equatable {
    public struct Person: Codable, Sendable, Equatable {
        public var name: String
        public var side: TermsSide
        public var responsibilities: String
    }

    public struct Governance: Codable, Sendable, Equatable {
        public var meetingCadence: String
        public var decisionMaking: String
        public var escalation: String
    }

    /// A goal tied to the need through one of the need's support areas.
    public struct Goal: Codable, Sendable, Equatable {
        public var text: String
        public var supportArea: Int
    }

    public struct Deliverable: Codable, Sendable, Equatable {
        /// 1-based position of the goal it serves.
        public var goal: Int
        public var title: String
        public var due: CalendarDate
    }

    public struct Milestone: Codable, Sendable, Equatable {
        public var title: String
        public var due: CalendarDate
    }

    public struct CommunicationPlan: Codable, Sendable, Equatable {
        /// What will be published.
        public var what: String
        /// Where it will be published.
        public var channels: String
        /// Whose consent publication needs.
        public var consent: String
    }

    public struct DataHandling: Codable, Sendable, Equatable {
        public var access: DataAccess
        public var rules: String
    }

    public var start: CalendarDate
    public var months: Int
    public var people: [Person]
    public var governance: Governance
    public var goals: [Goal]
    public var deliverables: [Deliverable]
    public var milestones: [Milestone]
    public var successStatement: String
    public var communication: CommunicationPlan
    public var dataHandling: DataHandling
    /// The programme's values apply to every exchange; this is what the parties add for theirs.
    public var valuesTailoring: String

    public var end: CalendarDate { start.adding(months: months) }

    public static let defaultMonths = 3
    public static let months = 3...EngagementState.maximumMonths

    /// The opening the statement of success must have, in each language the programme works in.
    public static let successOpenings = [
        "We will know we are successful when we have",
        "Nous saurons que nous avons réussi lorsque nous aurons",
        "Sabremos que hemos tenido éxito cuando hayamos",
    ]
}

/// The facts of the match a Terms of Reference is checked against.
public struct TermsContext: Sendable {
    public let supportAreas: [Int]

    public init(supportAreas: [Int]) {
        self.supportAreas = supportAreas
    }
}
