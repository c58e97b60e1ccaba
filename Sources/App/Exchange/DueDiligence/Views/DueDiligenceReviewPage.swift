import ExchangeCore
import Foundation

/// The coordinators' review of a match: the checklist, both declarations, the conflict signals, the decisions, and
/// the decision form.
struct DueDiligenceReviewPage: PageModel {
    static let template = "due_diligence"
    let titleKey = "due_diligence.title"

    struct ItemRow: Encodable, Sendable, Equatable {
        let label: String
        let status: String
        let notes: String
        let links: [String]
        let href: String?
    }

    struct AnswerRow: Encodable, Sendable, Equatable {
        let question: String
        let declared: Bool
        let details: String
    }

    struct DeclarationView: Encodable, Sendable, Equatable {
        let party: String
        let filedOn: String?
        let answers: [AnswerRow]
    }

    /// A party's filed declaration and when it was filed.
    struct Filed: Sendable {
        let declaration: ConflictDeclaration
        let on: Date
    }

    let matchHref: String
    let waiverAction: String
    let decisionAction: String
    let needTitle: String
    let organisation: String
    let expert: String
    let status: String
    let isOpen: Bool
    let items: [ItemRow]
    let declarations: [DeclarationView]
    let signals: [String]
    let decisions: [DueDiligenceDecisionRow]
    let waiver: DueDiligenceDecisionRow?
    let canApproveWaiver: Bool
    let outcomes: [Option]
    let alternates: [Option]
    let form: FormState

    /// `decisions` newest first; a pending waiver may be approved by anyone but `reader`, who asked for it.
    init(match: MatchHeading, state: DueDiligenceStatus, checklist: DueDiligenceChecklist, declarations filed: [DeclaringParty: Filed],
         signals: [ConflictSignal], decisions all: [DueDiligenceDecision], reader: UUID, alternates: [Option], lookbackYears: Int,
         values: [String: String], errors: [FieldError], text: some Translating) {
        isOpen = state == .open
        matchHref = match.href
        waiverAction = DueDiligenceRoute.answerWaiver.link(match.id)
        decisionAction = DueDiligenceRoute.decide.link(match.id)
        needTitle = match.needTitle
        organisation = match.organisation
        expert = match.expert
        status = text.t("due_diligence.state.\(state.rawValue)")
        items = DueDiligenceItem.allCases.map { [isOpen] item in
            let entry = checklist[item]
            return ItemRow(label: text.t("due_diligence.item.\(item.rawValue)"), status: text.t("due_diligence.status.\(entry.status.rawValue)"),
                           notes: entry.notes, links: entry.links, href: isOpen ? DueDiligenceRoute.itemForm.link(match.id, item) : nil)
        }
        declarations = DeclaringParty.allCases.map { party in
            let record = filed[party]
            return DeclarationView(party: text.t("declaration.party.\(party.rawValue)"), filedOn: record.map { text.day($0.on) },
                                   answers: ConflictQuestion.allCases.compactMap { q in
                                       record?.declaration.answers[q].map {
                                           AnswerRow(question: text.t("declaration.question.\(q.rawValue)", String(lookbackYears)),
                                                     declared: $0.declared, details: $0.details)
                                       }
                                   })
        }
        self.signals = signals.map { SignalText.describe($0, text) }
        decisions = all.filter { $0.status != .awaitingApproval }.map { DueDiligenceDecisionRow($0, text: text) }
        let pending = all.first { $0.status == .awaitingApproval }
        waiver = pending.map { DueDiligenceDecisionRow($0, text: text) }
        canApproveWaiver = pending.map { $0.requestedBy != reader } ?? false
        outcomes = Option.cases(DueDiligenceOutcome.allCases, labels: "due_diligence.outcome", selected: values["outcome"], text)
        self.alternates = alternates
        form = FormState(values: values, errors: errors, on: text)
    }
}
