import ExchangeCore
import Vapor

/// A version of the Terms of Reference as a reader sees it, in the reader's language.
struct TermsText: Encodable {
    struct Person: Encodable { let name: String; let side: String; let responsibilities: String }
    struct Goal: Encodable { let number: Int; let text: String; let area: String; let deliverables: [Deliverable] }
    struct Deliverable: Encodable { let title: String; let due: String }
    struct Milestone: Encodable { let title: String; let due: String }
    struct Change: Encodable { let field: String; let before: String?; let after: String? }
    struct Signature: Encodable { let side: String; let signer: String?; let signedAt: String? }

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

    init(_ t: TermsOfReference, version: TermsVersion, match: ProposedMatches.Loaded, _ req: Request) {
        needTitle = match.need.title
        organisation = match.organisation.name
        expert = match.expert.fullName
        self.version = version.number
        versionDate = CalendarDay.text(version.createdAt)
        start = t.start.description
        end = t.end.description
        months = t.months
        people = t.people.map { Person(name: $0.name, side: req.t("terms.side.\($0.side.rawValue)"), responsibilities: $0.responsibilities) }
        cadence = t.governance.meetingCadence
        decisionMaking = t.governance.decisionMaking
        escalation = t.governance.escalation
        goals = t.goals.enumerated().map { i, goal in
            Goal(number: i + 1, text: goal.text, area: req.t("support_area.\(goal.supportArea)"),
                 deliverables: t.deliverables.filter { $0.goal == i + 1 }.map { Deliverable(title: $0.title, due: $0.due.description) })
        }
        milestones = t.milestones.sorted { $0.due < $1.due }.map { Milestone(title: $0.title, due: $0.due.description) }
        success = t.successStatement
        what = t.communication.what
        channels = t.communication.channels
        consent = t.communication.consent
        access = req.t("data_access.\(t.dataHandling.access.rawValue)")
        rules = t.dataHandling.rules
        values = (1...Self.programmeValues).map { req.t("terms.value.\($0)") }
        tailoring = t.valuesTailoring
        let signed = Dictionary(version.$signatures.value?.map { ($0.side, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        signatures = TermsSide.allCases.map { side in
            Signature(side: req.t("terms.side.\(side.rawValue)"), signer: signed[side]?.$signer.value?.displayName,
                      signedAt: signed[side].map { CalendarDay.text($0.signedAt) })
        }
        signedByAll = signed.count == TermsSide.allCases.count
    }

    static func wording(_ req: Request) -> TermsDiff.Wording {
        let catalogs = req.application.catalogs, language = req.language
        return TermsDiff.Wording(side: { catalogs.text("terms.side.\($0.rawValue)", language) },
                                 area: { catalogs.text("support_area.\($0)", language) },
                                 access: { catalogs.text("data_access.\($0.rawValue)", language) })
    }

    static func changes(from old: TermsOfReference?, to new: TermsOfReference, _ req: Request) -> [Change] {
        TermsDiff.changes(from: old, to: new, wording(req)).map {
            let label = req.t("terms.field.\($0.key)")
            return Change(field: $0.number.map { "\(label) \($0)" } ?? label, before: $0.before, after: $0.after)
        }
    }
}
