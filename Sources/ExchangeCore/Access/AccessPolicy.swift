import Foundation

/// Things the policy protects, carrying what it needs to decide about ownership.
public enum ProtectedObject: Sendable, Equatable {
    case organisation(id: UUID)
    case organisationDirectory
    case account(id: UUID, organisationID: UUID?)
    case accountDirectory
    case invitations
    case registrations
    case auditLog
    case mailOutbox
    /// The background job queue: what is queued, running and failed, and retrying what failed.
    case jobQueue
    /// Expert profiles as a whole: listing them and importing rosters.
    case expertDirectory
    /// Needs as a whole; `create` means submitting one for an organisation.
    case needDirectory(organisationID: UUID?)
    /// One need of a public body.
    case need(organisationID: UUID)
    /// The coordinator's matching board: batch runs, their proposals and the matching settings.
    case matchingBoard
    /// A proposed match (and later the engagement) between a need and an expert.
    case engagement(needOrganisationID: UUID, expertUserID: UUID?)
    /// The due-diligence review of an engagement: checklist, signals, everyone's declarations and the decision.
    case dueDiligence(needOrganisationID: UUID, expertUserID: UUID?)
    /// One party's own conflict-of-interest declaration for an engagement.
    case conflictDeclaration(needOrganisationID: UUID, expertUserID: UUID?)
    /// A match's Terms of Reference: staff and both parties draft and sign them; evaluators read them.
    case termsOfReference(needOrganisationID: UUID, expertUserID: UUID?)
    /// An engagement's tracking — work items, meetings, messages, documents, timeline — under the same rule.
    case engagementWork(needOrganisationID: UUID, expertUserID: UUID?)
    /// Concerns about promotion or selling in an engagement: either party reports; only staff read and decide,
    /// since the report names its reporter.
    case marketingConcern(needOrganisationID: UUID, expertUserID: UUID?)
    /// The programme's KPIs, dashboard and the export of every evaluation response (pseudonymous).
    case programmeReports
    /// What the programme measures: extra questionnaire questions and success-indicator evidence (staff only).
    case programmeSettings
    /// Imported OCDS and BODS data for conflict screening: staff and analysts import and list it.
    case conflictData
    /// The beneficial-ownership registry's imports: staff and analysts bring BODS files in (reading it is open).
    case ownershipRegistry
    /// An organisation's keys for signing procurement-ledger events: staff, or the organisation's own people.
    case ledgerKeys(organisationID: UUID)
    /// A company's disclosure of its beneficial owners: its own people declare and read it, with the protected
    /// details; programme staff read it.
    case supplierDisclosure(organisationID: UUID)
    /// Witnesses the ledger accepts cosignatures from: administrators register them.
    case ledgerWitnesses
    /// Red-flag runs over uploaded procurement data: analysts and programme staff start and read them.
    case redFlags
    /// Screened needs an expert may mark interest in or decline.
    case opportunities
    /// The skills taxonomy: everyone signed in reads it; administrators add and rename skills.
    case skillsTaxonomy
    case notification(ownerID: UUID)
    case apiToken(ownerID: UUID)
}

public enum Operation: String, Sendable, CaseIterable {
    case read, list, create, update, decide
}

public enum AccessDecision: Equatable, Sendable {
    case allow
    /// Refuse and say so (403).
    case forbid
    /// Refuse as if the object did not exist (404), where existence itself is sensitive.
    case hide

    public var isAllowed: Bool { self == .allow }
}

/// Object-level authorization: who may do what to which object. Everything not allowed here is refused.
public enum AccessPolicy {
    public static func decide(_ principal: Principal, _ operation: Operation, _ object: ProtectedObject) -> AccessDecision {
        let role = principal.role
        switch object {
        case .organisation(let id):
            let ownsIt = principal.organisationID == id
            switch operation {
            case .read: return role.managesProgramme || role == .evaluator || role == .analyst || ownsIt ? .allow : .hide
            case .update: return role.managesProgramme || ownsIt ? .allow : (canSeeAllOrganisations(role) ? .forbid : .hide)
            default: return .forbid
            }
        case .organisationDirectory:
            switch operation {
            case .list: return canSeeAllOrganisations(role) ? .allow : .forbid
            case .create: return role.managesProgramme ? .allow : .forbid
            default: return .forbid
            }
        case .account(let id, _):
            if principal.userID == id { return operation == .read || operation == .update ? .allow : .forbid }
            if role.managesProgramme { return operation == .read || operation == .update || operation == .decide ? .allow : .forbid }
            return .hide
        case .accountDirectory, .invitations, .registrations, .expertDirectory:
            return role.managesProgramme ? .allow : .forbid
        case .auditLog:
            return role.managesProgramme && (operation == .read || operation == .list) ? .allow : .forbid
        case .mailOutbox:
            return role == .administrator && (operation == .read || operation == .list) ? .allow : .forbid
        case .jobQueue:
            return role == .administrator && (operation == .list || operation == .update) ? .allow : .forbid
        case .needDirectory(let organisationID):
            switch operation {
            case .list: return role == .expert ? .forbid : .allow
            case .create:
                if role.managesProgramme { return .allow }
                return role == .publicParticipant && organisationID != nil && organisationID == principal.organisationID ? .allow : .forbid
            default: return .forbid
            }
        case .need(let organisationID):
            let member = role == .publicParticipant && principal.organisationID == organisationID
            switch operation {
            case .read: return role.managesProgramme || role == .evaluator || role == .analyst || member ? .allow : .hide
            case .update: return role.managesProgramme || member ? .allow : (role == .evaluator || role == .analyst ? .forbid : .hide)
            default: return .forbid
            }
        case .matchingBoard:
            return role.managesProgramme ? .allow : .forbid
        case .engagement(let organisationID, let expertUserID):
            let party = isParty(principal, organisationID, expertUserID)
            switch operation {
            case .read: return role.managesProgramme || role == .evaluator || party ? .allow : .hide
            case .list: return .allow
            default: return role.managesProgramme ? .allow : (party ? .forbid : .hide)
            }
        case .dueDiligence(let organisationID, let expertUserID):
            if role.managesProgramme { return .allow }
            return isParty(principal, organisationID, expertUserID) ? .forbid : .hide
        case .conflictDeclaration(let organisationID, let expertUserID):
            // Staff read declarations to decide; nobody files one on a party's behalf.
            if isParty(principal, organisationID, expertUserID) { return operation == .decide ? .forbid : .allow }
            return role.managesProgramme && operation == .read ? .allow : .hide
        case .termsOfReference(let organisationID, let expertUserID), .engagementWork(let organisationID, let expertUserID):
            let allowed = role.managesProgramme || isParty(principal, organisationID, expertUserID)
            switch operation {
            case .read: return allowed || role == .evaluator ? .allow : .hide
            case .update: return allowed ? .allow : (role == .evaluator ? .forbid : .hide)
            default: return .forbid
            }
        case .marketingConcern(let organisationID, let expertUserID):
            if role.managesProgramme { return .allow }
            guard isParty(principal, organisationID, expertUserID) else { return .hide }
            return operation == .create ? .allow : .forbid
        case .programmeReports:
            let reads = operation == .read || operation == .list
            return reads && (role.managesProgramme || role == .evaluator || role == .analyst) ? .allow : .forbid
        case .programmeSettings:
            return role.managesProgramme ? .allow : .forbid
        case .conflictData, .redFlags, .ownershipRegistry:
            return role.managesProgramme || role == .analyst ? .allow : .forbid
        case .ledgerKeys(let organisationID):
            return role.managesProgramme || principal.organisationID == organisationID ? .allow : .forbid
        case .supplierDisclosure(let organisationID):
            if principal.organisationID == organisationID, role == .expert { return .allow }
            return role.managesProgramme && operation == .read ? .allow : .hide
        case .ledgerWitnesses:
            return role == .administrator || (operation == .list && role.managesProgramme) ? .allow : .forbid
        case .opportunities:
            return role == .expert && (operation == .list || operation == .update) ? .allow : .forbid
        case .skillsTaxonomy:
            return operation == .read || operation == .list || role == .administrator ? .allow : .forbid
        case .notification(let owner), .apiToken(let owner):
            return principal.userID == owner ? .allow : .hide
        }
    }

    /// The public participant of the need's body, or the matched expert.
    private static func isParty(_ principal: Principal, _ organisationID: UUID, _ expertUserID: UUID?) -> Bool {
        (principal.role == .publicParticipant && principal.organisationID == organisationID)
            || (principal.role == .expert && expertUserID == principal.userID)
    }

    private static func canSeeAllOrganisations(_ role: Role) -> Bool {
        role.managesProgramme || role == .evaluator || role == .analyst
    }
}
