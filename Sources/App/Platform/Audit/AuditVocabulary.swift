import Foundation

/// Who did something: a person by id, nobody signed in, or the platform itself.
public enum AuditActor: Sendable, Equatable {
    case user(UUID)
    case anonymous
    case system(String)

    var identifier: String {
        switch self {
        case .user(let id): "user:\(id.uuidString.lowercased())"
        case .anonymous: "anonymous"
        case .system(let name): "system:\(name)"
        }
    }
}

/// What the action was about.
public struct AuditSubject: Sendable, Equatable {
    public let type: String
    public let id: String

    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }

    static func organisation(_ id: UUID) -> Self { .init(type: "organisation", id: id.uuidString.lowercased()) }
    static func user(_ id: UUID) -> Self { .init(type: "user", id: id.uuidString.lowercased()) }
    static func invitation(_ id: UUID) -> Self { .init(type: "invitation", id: id.uuidString.lowercased()) }
    static func apiToken(_ id: UUID) -> Self { .init(type: "api_token", id: id.uuidString.lowercased()) }
    static func notification(_ id: UUID) -> Self { .init(type: "notification", id: id.uuidString.lowercased()) }
    static func mail(_ id: UUID) -> Self { .init(type: "mail", id: id.uuidString.lowercased()) }
    static func job(_ id: UUID) -> Self { .init(type: "job", id: id.uuidString.lowercased()) }
    static func expertProfile(_ id: UUID) -> Self { .init(type: "expert_profile", id: id.uuidString.lowercased()) }
    static func need(_ id: UUID) -> Self { .init(type: "need", id: id.uuidString.lowercased()) }
    static func matchRun(_ id: UUID) -> Self { .init(type: "match_run", id: id.uuidString.lowercased()) }
    static func matchProposal(_ id: UUID) -> Self { .init(type: "match_proposal", id: id.uuidString.lowercased()) }
    static func setting(_ key: String) -> Self { .init(type: "setting", id: key) }
    static func skill(_ id: String) -> Self { .init(type: "skill", id: id) }
    static func engagement(_ id: UUID) -> Self { .init(type: "engagement", id: id.uuidString.lowercased()) }
    static func programme() -> Self { .init(type: "programme", id: "programme") }
    static func dataImport(_ id: UUID) -> Self { .init(type: "data_import", id: id.uuidString.lowercased()) }
    static func ownershipImport(_ id: UUID) -> Self { .init(type: "ownership_import", id: id.uuidString.lowercased()) }
    static func disclosure(_ id: UUID) -> Self { .init(type: "supplier_disclosure", id: id.uuidString.lowercased()) }
    static func ledgerKey(_ keyID: String) -> Self { .init(type: "ledger_key", id: keyID) }
    static func ledgerWitness(_ name: String) -> Self { .init(type: "ledger_witness", id: name) }
    static func redFlagRun(_ id: UUID) -> Self { .init(type: "red_flag_run", id: id.uuidString.lowercased()) }
    static func report(_ id: UUID) -> Self { .init(type: "sealed_report", id: id.uuidString.lowercased()) }
    /// Coming back to reports with a receipt, as a whole: wrong receipts are counted for the installation.
    static let reportingFollowUp = Self(type: "reporting", id: "follow-up")
    /// Sending reports, as a whole: sendings are counted for the installation and per subject.
    static let reportingIntake = Self(type: "reporting", id: "intake")
    static func complaintRoute(_ id: UUID) -> Self { .init(type: "complaint_route", id: id.uuidString.lowercased()) }
    static func reportContext(_ id: UUID) -> Self { .init(type: "report_context", id: id.uuidString.lowercased()) }
}

/// Stable action names. They are part of the log's meaning, so they are never renamed.
public enum AuditAction: String, Sendable, CaseIterable {
    case organisationCreate = "organisation.create"
    case organisationUpdate = "organisation.update"
    case organisationParticipationSubmit = "organisation.participation_submit"
    case organisationParticipationDecide = "organisation.participation_decide"
    case userCreate = "user.create"
    case userRegister = "user.register"
    case userApprove = "user.approve"
    case userReject = "user.reject"
    case userLanguage = "user.language"
    case userTimeZone = "user.time_zone"
    case passwordResetRequest = "user.password_reset_request"
    case passwordReset = "user.password_reset"
    case invitationCreate = "invitation.create"
    case invitationAccept = "invitation.accept"
    case sessionLogin = "session.login"
    case sessionLogout = "session.logout"
    case accountLocked = "session.lockout"
    case apiTokenCreate = "api_token.create"
    case apiTokenRevoke = "api_token.revoke"
    case notificationRead = "notification.read"
    case mailDelivered = "mail.delivered"
    case mailFailed = "mail.failed"
    case expertImport = "expert.import"
    case rosterImportEmpty = "roster.import_empty"
    case expertConfirm = "expert.confirm"
    case expertUpdate = "expert.update"
    case expertSubmit = "expert.submit"
    case expertDecide = "expert.decide"
    case expertLetterAttach = "expert.letter_attach"
    case expertLetterRemove = "expert.letter_remove"
    case needCreate = "need.create"
    case needUpdate = "need.update"
    case needSubmit = "need.submit"
    case needDecide = "need.decide"
    case needInterest = "need.interest"
    case matchingSettingsUpdate = "matching.settings_update"
    case matchRunStart = "matching.run_start"
    case matchRunComplete = "matching.run_complete"
    case matchRunFail = "matching.run_fail"
    case jobRetry = "job.retry"
    case proposalConfirm = "match.confirm"
    case proposalOverride = "match.override"
    case skillAdd = "skill.add"
    case skillRename = "skill.rename"
    case engagementDueDiligenceOpen = "engagement.due_diligence_open"
    case engagementDueDiligenceReopen = "engagement.due_diligence_reopen"
    case engagementTermsRevise = "engagement.terms_revise"
    case engagementSignOff = "engagement.sign_off"
    case engagementStart = "engagement.start"
    case engagementBeginClosing = "engagement.begin_closing"
    case engagementPostEvaluations = "engagement.post_evaluations"
    case engagementClose = "engagement.close"
    case engagementExtend = "engagement.extend"
    case engagementCancel = "engagement.cancel"
    case dueDiligenceChecklist = "due_diligence.checklist"
    case dueDiligenceDecide = "due_diligence.decide"
    case dueDiligenceWaiverRequest = "due_diligence.waiver_request"
    case dueDiligenceWaiverDecline = "due_diligence.waiver_decline"
    case conflictDeclare = "conflict.declare"
    case conflictDataImport = "conflict_data.import"
    case conflictDataImportBatch = "conflict_data.import_batch"
    case ownershipImport = "ownership.import"
    case disclosureDeclare = "disclosure.declare"
    case ledgerKeyRegister = "ledger.key_register"
    case ledgerKeyRevoke = "ledger.key_revoke"
    case ledgerWitnessRegister = "ledger.witness_register"
    case ledgerCosign = "ledger.cosign"
    case redFlagRunStart = "red_flags.run_start"
    case redFlagRunComplete = "red_flags.run_complete"
    case redFlagRunFail = "red_flags.run_fail"
    case redFlagValidate = "red_flags.validate"
    case reportContextPublish = "report_context.publish"
    case reportContextRecipients = "report_context.recipients"
    case reportContextCreate = "report_context.create"
    case recipientKeyCreate = "recipient_key.create"
    case recipientKeyUnlock = "recipient_key.unlock"
    case reportSubmit = "sealed_report.submit"
    case reportMessage = "sealed_report.message"
    case reportStatus = "sealed_report.status"
    case reportReceiptLockout = "sealed_report.receipt_lockout"
    case reportRateLimit = "sealed_report.rate_limit"
    case reportRetentionExtend = "sealed_report.retention_extend"
    case reportRecuse = "sealed_report.recuse"
    case reportForward = "sealed_report.forward"
    case readerConflictDeclare = "reader_conflict.declare"
    case readerConflictWithdraw = "reader_conflict.withdraw"
    case reportIdentityRequest = "sealed_report.identity_request"
    case reportIdentityApprove = "sealed_report.identity_approve"
    case reportIdentityDecline = "sealed_report.identity_decline"
    case reportShred = "sealed_report.shred"
    case complaintRouteAdd = "complaint_route.add"
    case complaintRouteRemove = "complaint_route.remove"
    case marketingConcernReport = "marketing_concern.report"
    case marketingConcernDecide = "marketing_concern.decide"
    case termsVersion = "terms.version"
    case termsSign = "terms.sign"
    case termsDraftKeep = "terms.draft_keep"
    case workItemUpdate = "work_item.update"
    case meetingRecord = "meeting.record"
    case actionItemComplete = "action_item.complete"
    case messagePost = "message.post"
    case documentUpload = "document.upload"
    case reminderSend = "reminder.send"
    case evaluationOpen = "evaluation.open"
    case evaluationRespond = "evaluation.respond"
    case reportSave = "report.save"
    case publicationConsent = "publication.consent"
    case publicationPublish = "publication.publish"
    case publicationWithdraw = "publication.withdraw"
    case questionnaireEdit = "questionnaire.edit"
    case indicatorEvidence = "indicator.evidence"
}
