/// One thing waiting for a person, derived from the state of the programme (never kept by hand), with the page that
/// resolves it.
struct InboxItem: Encodable, Sendable, Equatable {
    enum Kind: String, Encodable, Sendable, CaseIterable {
        case registration, needToScreen, profileToScreen, checklistToComplete, waiverToApprove, declarationToFile, termsToDraft, termsToSign, questionnaireToAnswer, overdueWork, reportToWrite, consentToGive
        // Programme staff's steps that move a match on.
        case proposalToDecide, dueDiligenceToOpen, dueDiligenceToDecide, engagementToStart, closingToBegin, engagementToClose, exchangeToPublish
    }

    let kind: Kind
    /// Whose registration, which need, profile or match: the words the message names.
    let subject: String
    let href: String
    /// The catalog key of the item's message; its one argument is `subject`.
    let key: String

    init(kind: Kind, subject: String, href: String) {
        (self.kind, self.subject, self.href) = (kind, subject, href)
        key = switch kind {
        case .registration: "inbox.registration"
        case .needToScreen: "inbox.need_to_screen"
        case .profileToScreen: "inbox.profile_to_screen"
        case .checklistToComplete: "inbox.checklist_to_complete"
        case .waiverToApprove: "inbox.waiver_to_approve"
        case .declarationToFile: "inbox.declaration_to_file"
        case .termsToDraft: "inbox.terms_to_draft"
        case .termsToSign: "inbox.terms_to_sign"
        case .questionnaireToAnswer: "inbox.questionnaire_to_answer"
        case .overdueWork: "inbox.overdue_work"
        case .reportToWrite: "inbox.report_to_write"
        case .consentToGive: "inbox.consent_to_give"
        case .proposalToDecide: "inbox.proposal_to_decide"
        case .dueDiligenceToOpen: "inbox.due_diligence_to_open"
        case .dueDiligenceToDecide: "inbox.due_diligence_to_decide"
        case .engagementToStart: "inbox.engagement_to_start"
        case .closingToBegin: "inbox.closing_to_begin"
        case .engagementToClose: "inbox.engagement_to_close"
        case .exchangeToPublish: "inbox.exchange_to_publish"
        }
    }
}
