import ExchangeCore
import Foundation

/// A version of the Terms of Reference as a reader sees it, in the reader's language.
struct TermsText: Encodable, Sendable {
    struct Person: Encodable, Sendable, Equatable { let name: String; let side: String; let responsibilities: String }
    struct Goal: Encodable, Sendable, Equatable { let number: Int; let text: String; let area: String; let deliverables: [Deliverable] }
    struct Deliverable: Encodable, Sendable, Equatable { let title: String; let due: String }
    struct Milestone: Encodable, Sendable, Equatable { let title: String; let due: String }
    struct Change: Encodable, Sendable, Equatable { let field: String; let before: String?; let after: String? }
    struct Signature: Encodable, Sendable, Equatable { let side: String; let signer: String?; let signedAt: String? }

    let needTitle: String
    let organisation: String
    let expert: String
    let version: Int
    let versionDate: String
    let start: String
    let end: String
    let months: Int
    let people: [Person]
    let cadence: String
    let decisionMaking: String
    let escalation: String
    let goals: [Goal]
    let milestones: [Milestone]
    let success: String
    let what: String
    let channels: String
    let consent: String
    let access: String
    let rules: String
    let values: [String]
    let tailoring: String
    let signatures: [Signature]
    let signedByAll: Bool

    static let programmeValues = 4

    init(_ version: TermsEdition, match: MatchHeading, _ text: some Translating) {
        let t = version.terms
        needTitle = match.needTitle
        organisation = match.organisation
        expert = match.expert
        self.version = version.number
        versionDate = text.day(version.createdAt)
        start = text.day(t.start)
        end = text.day(t.end)
        months = t.months
        people = t.people.map { Person(name: $0.name, side: text.t("terms.side.\($0.side.rawValue)"), responsibilities: $0.responsibilities) }
        cadence = t.governance.meetingCadence
        decisionMaking = t.governance.decisionMaking
        escalation = t.governance.escalation
        goals = t.goals.enumerated().map { i, goal in
            Goal(number: i + 1, text: goal.text, area: text.t("support_area.\(goal.supportArea)"),
                 deliverables: t.deliverables.filter { $0.goal == i + 1 }.map { Deliverable(title: $0.title, due: text.day($0.due)) })
        }
        milestones = t.milestones.sorted { $0.due < $1.due }.map { Milestone(title: $0.title, due: text.day($0.due)) }
        success = t.successStatement
        what = t.communication.what
        channels = t.communication.channels
        consent = t.communication.consent
        access = text.t("data_access.\(t.dataHandling.access.rawValue)")
        rules = t.dataHandling.rules
        values = (1...Self.programmeValues).map { text.t("terms.value.\($0)") }
        tailoring = t.valuesTailoring
        let signed = Dictionary(version.signatures.map { ($0.side, $0) }, uniquingKeysWith: { first, _ in first })
        signatures = TermsSide.allCases.map { side in
            Signature(side: text.t("terms.side.\(side.rawValue)"), signer: signed[side]?.signer,
                      signedAt: signed[side].map { text.day($0.signedAt) })
        }
        signedByAll = signed.count == TermsSide.allCases.count
    }

    static func wording(_ text: some Translating) -> TermsDiff.Wording {
        TermsDiff.Wording(side: { text.t("terms.side.\($0.rawValue)") }, area: { text.t("support_area.\($0)") },
                          access: { text.t("data_access.\($0.rawValue)") })
    }

    static func changes(from old: TermsOfReference?, to new: TermsOfReference, _ text: some Translating) -> [Change] {
        TermsDiff.changes(from: old, to: new, wording(text)).map {
            let label = text.t("terms.field.\($0.key)")
            return Change(field: $0.number.map { "\(label) \($0)" } ?? label, before: $0.before, after: $0.after)
        }
    }
}
