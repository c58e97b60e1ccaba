import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Drafting, versioning and signing a match's Terms of Reference, and starting the engagement they govern. Every
/// saved change is a new version; signatures belong to a version; conflicts are re-checked before the last
/// signature and before the start.
struct TermsService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer
    let catalogs: Catalogs

    /// Every version, newest first, each with its signatures and signers.
    func versions(of match: ProposedMatches.Loaded) async throws -> [TermsVersion] {
        try await TermsVersion.query(on: db).filter(\.$engagement.$id == match.engagement.requireID())
            .with(\.$signatures) { $0.with(\.$signer) }
            .sort(\.$number, .descending).all()
    }

    func context(_ match: ProposedMatches.Loaded) -> TermsContext {
        TermsContext(supportAreas: match.need.draft.supportAreas)
    }

    /// What saving `draft` as a version would refuse; nothing for a draft that is valid.
    func problems(of draft: TermsOfReferenceDraft, on match: ProposedMatches.Loaded) -> [FieldError] {
        if case .failure(let failure) = draft.validate(context(match)) { failure.errors } else { [] }
    }

    /// A first draft from what the match already knows: dates from the need, its data access, and who is involved.
    func firstDraft(_ match: ProposedMatches.Loaded, coordinator: User?) async throws -> TermsOfReferenceDraft {
        let members = try await User.activeMembers(of: match.organisation.requireID(), on: db).all()
        return .first(for: match.need.details, bodyMembers: members.map(\.displayName), expert: match.expert.fullName,
                      coordinator: coordinator?.displayName)
    }

    /// Saves the terms as a new version, unless they equal the current one (then returns nil). The workflow step
    /// voids earlier signatures and refuses once the engagement has started.
    func save(_ terms: TermsOfReference, on match: ProposedMatches.Loaded, by user: User) async throws -> TermsVersion? {
        try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            // Numbered from the version stored when the transaction runs, so simultaneous saves make consecutive versions.
            let latest = try await on(scope.db).versions(of: match).first
            if latest?.terms == terms { throw AuditLogService.NothingToChange() }
            try await EngagementWorkflowService.apply(.reviseTermsOfReference(months: terms.months), to: match.engagement, by: user.role,
                                                      in: scope, now: clock.now())
            let version = TermsVersion(engagementID: try match.engagement.requireID(), number: (latest?.number ?? 0) + 1, terms: terms,
                                       by: try user.requireID(), now: clock.now())
            try await version.create(on: scope.db)
            try await TermsDraft.query(on: scope.db).filter(\.$engagement.$id == match.engagement.requireID()).delete()
            try await scope.record(.termsVersion, .engagement(match.engagement.requireID()),
                                   changes: ["version": String(version.number), "months": String(terms.months)])
            let others = try await EngagementParties.everyone(of: match.need, match.expert, on: scope.db).filter { $0.id != user.id }
            try await EngagementParties.tell(others, "terms_version", arguments: [match.need.title, String(version.number)],
                                             link: TermsRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
            return version
        }
    }

    /// Keeps the builder's fields as they are, rules broken or not, replacing the match's earlier kept draft; the same
    /// fields again change nothing. Returns whether anything changed.
    func keepDraft(_ fields: [String: String], on match: ProposedMatches.Loaded, by user: User) async throws -> Bool {
        let kept: Void? = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            // Drafts are for Terms still open to revision, as the stage stored now says.
            try await match.engagement.reloadState(on: scope.db)
            guard [.torDrafting, .torSigned].contains(match.engagement.stage) else { throw AppError.conflict(code: "engagement_not_from_stage") }
            let stored = try await on(scope.db).keptDraft(of: match)
            if stored?.fields == fields { throw AuditLogService.NothingToChange() }
            let draft = stored ?? TermsDraft()
            draft.$engagement.id = try match.engagement.requireID()
            (draft.fields, draft.$savedBy.id, draft.savedAt) = (fields, try user.requireID(), clock.now())
            try await draft.save(on: scope.db)
            try await scope.record(.termsDraftKeep, .engagement(match.engagement.requireID()), changes: ["fields": String(fields.count)])
        }
        return kept != nil
    }

    /// The draft kept since the last version, with who kept it.
    func keptDraft(of match: ProposedMatches.Loaded) async throws -> TermsDraft? {
        try await TermsDraft.query(on: db).filter(\.$engagement.$id == match.engagement.requireID()).with(\.$savedBy).first()
    }

    /// Signs the current version for `side`. The last of the three signatures completes sign-off, after conflicts
    /// are re-checked. Returns whether sign-off is complete.
    func sign(_ match: ProposedMatches.Loaded, as side: TermsSide, by user: User) async throws -> Bool {
        // Conflicts are re-checked before a signature that may be the last; the signature itself decides on stored state.
        if try await signatures(match, adding: side, by: user.role).completes {
            try await DueDiligenceService(db: db, audit: audit, clock: clock, mailer: mailer).recheck(match, trigger: "sign-off")
        }
        return try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            try await match.engagement.reloadState(on: scope.db)
            let (current, completes) = try await on(scope.db).signatures(match, adding: side, by: user.role)
            try await TermsSignature(versionID: current.requireID(), side: side, signer: user.requireID(), now: clock.now()).create(on: scope.db)
            try await scope.record(.termsSign, .engagement(match.engagement.requireID()),
                                   changes: ["version": String(current.number), "side": side.rawValue])
            guard completes else { return false }
            try await EngagementWorkflowService.apply(.completeSignOff, to: match.engagement, by: user.role, in: scope, now: clock.now())
            // Refused unless due diligence is cleared; the baseline is asked before the start.
            try await EvaluationService(db: scope.db, audit: audit, clock: clock, mailer: mailer, catalogs: catalogs).open(.pre, for: match, in: scope)
            try await EngagementParties.tell(try await EngagementParties.everyone(of: match.need, match.expert, on: scope.db), "terms_signed",
                                             arguments: [match.need.title, String(current.number)],
                                             link: MatchRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
            return true
        }
    }

    /// The current version, and whether signing it for `side` completes it; refused where the workflow refuses a
    /// signature, and when the side signed already.
    private func signatures(_ match: ProposedMatches.Loaded, adding side: TermsSide, by role: Role) async throws -> (TermsVersion, completes: Bool) {
        try EngagementWorkflowService.check(.sign, on: match.engagement, by: role)
        guard let current = try await versions(of: match).first else { throw AppError.conflict(code: "terms_missing") }
        let signed = Set(current.signatures.map(\.side))
        guard !signed.contains(side) else { throw AppError.conflict(code: "terms_already_signed") }
        return (current, signed.union([side]) == Set(TermsSide.allCases))
    }

    /// ToR signed → active, after conflicts are re-checked; the signed Terms' deliverables and milestones become the
    /// work to track.
    func start(_ match: ProposedMatches.Loaded, by coordinator: User) async throws {
        try await DueDiligenceService(db: db, audit: audit, clock: clock, mailer: mailer).recheck(match, trigger: "start")
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            try await EngagementWorkflowService.apply(.start, to: match.engagement, by: coordinator.role, in: scope, now: clock.now())
            let signed = try await on(scope.db).versions(of: match).first?.terms
            if let signed { try await TrackingService.plan(signed, for: match.engagement, on: scope.db, now: clock.now()) }
            try await EngagementParties.tell(try await EngagementParties.everyone(of: match.need, match.expert, on: scope.db), "engagement_started", arguments: [match.need.title],
                                             link: MatchRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
        }
    }
}

extension TermsService {
    /// The same service reading through `db`, such as a transaction's connection.
    func on(_ db: Database) -> TermsService {
        TermsService(db: db, audit: audit, clock: clock, mailer: mailer, catalogs: catalogs)
    }
}
