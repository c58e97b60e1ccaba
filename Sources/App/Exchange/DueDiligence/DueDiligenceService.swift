import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Due diligence of a proposed match: the coordinator's checklist, each party's conflict declaration, the automatic
/// signals, and the decision, which is told to all parties. A waiver needs a second coordinator's approval.
struct DueDiligenceService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer

    /// Everything the review page and the API show, and what the decision rules weigh.
    struct Review {
        let match: ProposedMatches.Loaded
        let checklist: DueDiligenceChecklist
        let declarations: [DeclaringParty: DeclarationRecord]
        /// Newest first.
        let decisions: [DueDiligenceDecision]
        let signals: [ConflictSignal]

        var findings: DueDiligenceFindings {
            DueDiligenceFindings(checklist: checklist, declaredBy: Set(declarations.keys), signals: signals)
        }

        var pendingWaiver: DueDiligenceDecision? { decisions.first { $0.status == .awaitingApproval } }

        /// Signals the latest decision did not weigh; any of them reopens cleared due diligence.
        var newSignals: [ConflictSignal] {
            guard let weighed = decisions.first(where: { $0.status == .decided })?.weighedSignals else { return signals }
            return signals.filter { !weighed.contains($0.fingerprint) }
        }
    }

    /// What the match page shows every reader: the decisions and who has declared, without screening anything.
    func outline(_ match: ProposedMatches.Loaded) async throws -> (decisions: [DueDiligenceDecision], declared: Set<DeclaringParty>) {
        let id = try match.engagement.requireID()
        let decisions = try await DueDiligenceDecision.query(on: db).filter(\.$engagement.$id == id).sort(\.$requestedAt, .descending).all()
        let declared = try await DeclarationRecord.query(on: db).filter(\.$engagement.$id == id).all(\.$party)
        return (decisions, Set(declared))
    }

    func review(_ match: ProposedMatches.Loaded) async throws -> Review {
        let id = try match.engagement.requireID()
        let records = try await ChecklistRecord.query(on: db).filter(\.$engagement.$id == id).all()
        let declarations = try await DeclarationRecord.query(on: db).filter(\.$engagement.$id == id).all()
        let decisions = try await DueDiligenceDecision.query(on: db).filter(\.$engagement.$id == id)
            .sort(\.$requestedAt, .descending).all()
        let byParty = Dictionary(uniqueKeysWithValues: declarations.map { ($0.party, $0) })
        return Review(match: match,
                      checklist: DueDiligenceChecklist(Dictionary(uniqueKeysWithValues: records.map { ($0.item, $0.entry) })),
                      declarations: byParty, decisions: decisions,
                      signals: try await ConflictFactsLoader(db: db).signals(match, declarations: byParty.mapValues(\.declaration)))
    }

    // MARK: - Steps

    /// proposed → due diligence; both parties are asked for their declarations.
    func open(_ match: ProposedMatches.Loaded, by coordinator: User) async throws {
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            try await EngagementWorkflowService.apply(.openDueDiligence, to: match.engagement, by: coordinator.role, in: scope, now: clock.now())
            try await tellParties(match, "declaration_requested", arguments: [match.need.title],
                                  link: DeclarationRoute.form.link(try match.engagement.requireID()), on: scope.db)
            let colleagues = try await EngagementParties.coordinators(on: scope.db).filter { $0.id != coordinator.id }
            try await EngagementParties.tell(colleagues, "checklist_to_complete", arguments: [match.need.title],
                                             link: DueDiligenceRoute.review.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
        }
    }

    func record(_ item: DueDiligenceItem, _ entry: ChecklistEntry, on match: ProposedMatches.Loaded, by coordinator: User) async throws {
        _ = try await audit.transactionIfChanged(on: db, actor: .user(coordinator.requireID())) { scope in
            try await match.engagement.reloadState(on: scope.db)
            guard match.engagement.state.dueDiligence == .open else { throw AppError.conflict(code: "engagement_due_diligence_not_open") }
            let stored = try await ChecklistRecord.query(on: scope.db).filter(\.$engagement.$id == match.engagement.requireID())
                .filter(\.$item == item).first()
            if stored?.entry == entry { throw AuditLogService.NothingToChange() }  // the same entry again records nothing
            let record = try stored ?? ChecklistRecord(engagementID: match.engagement.requireID(), item: item)
            record.record(entry, by: try coordinator.requireID(), now: clock.now())
            try await record.save(on: scope.db)
            // Notes may name people; the log keeps the item and its status.
            try await scope.record(.dueDiligenceChecklist, .engagement(match.engagement.requireID()),
                                   changes: ["item": item.rawValue, "status": entry.status.rawValue, "links": String(entry.links.count)])
        }
    }

    /// Files (or re-files) the party's declaration. Newly declared conflicts reopen cleared due diligence.
    func declare(_ declaration: ConflictDeclaration, as party: DeclaringParty, on match: ProposedMatches.Loaded, by user: User) async throws {
        _ = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            // Declarations are asked for once due diligence starts, and stay open to updates until the match ends.
            try await match.engagement.reloadState(on: scope.db)
            guard match.engagement.state.dueDiligence != .notStarted, !match.engagement.state.isFinished else {
                throw AppError.conflict(code: "engagement_not_from_stage")
            }
            let stored = try await DeclarationRecord.query(on: scope.db).filter(\.$engagement.$id == match.engagement.requireID())
                .filter(\.$party == party).first()
            if stored?.declaration == declaration { throw AuditLogService.NothingToChange() }  // re-filed unchanged: nothing new
            let record = try stored ?? DeclarationRecord(engagementID: match.engagement.requireID(), party: party)
            record.declaration = declaration
            record.declaredBy = try user.requireID()
            record.declaredAt = clock.now()
            try await record.save(on: scope.db)
            // The details are personal; the log keeps which questions were answered yes.
            try await scope.record(.conflictDeclare, .engagement(match.engagement.requireID()),
                                   changes: ["party": party.rawValue,
                                             "declared": declaration.declaredConflicts.map(\.rawValue).joined(separator: ",")])
            // Told once, when the declaration arrives; a re-filed one changes nothing above and tells nobody.
            try await EngagementParties.tell(try await EngagementParties.coordinators(on: scope.db), "declaration_filed",
                                             arguments: [match.need.title, user.displayName],
                                             link: DueDiligenceRoute.review.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
        }
        try await recheck(match, trigger: "declaration")
    }

    /// Decides an open review. A waiver only records the request until another coordinator approves it; a rejection
    /// may propose an alternate expert from the original proposal.
    func decide(_ outcome: DueDiligenceOutcome, text: String, mitigation: String, alternative: UUID?,
                on match: ProposedMatches.Loaded, by coordinator: User) async throws {
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            // The review is read where the decision is written: a concurrent decision or waiver request wins or loses whole.
            try await match.engagement.reloadState(on: scope.db)
            guard match.engagement.state.dueDiligence == .open else { throw AppError.conflict(code: "engagement_due_diligence_not_open") }
            let review = try await on(scope.db).review(match)
            guard review.pendingWaiver == nil else { throw AppError.conflict(code: "waiver_pending") }
            var errors = DueDiligenceDecisionRules.check(outcome, text: text, mitigation: mitigation, findings: review.findings)
            let alternate = try await Alternates(db: scope.db).chosen(alternative, for: match, allowed: outcome == .rejected, errors: &errors)
            guard errors.isEmpty else { throw AppError.validation(errors) }
            let decision = DueDiligenceDecision(engagementID: try match.engagement.requireID(), outcome: outcome, text: text, mitigation: mitigation,
                                                signals: review.signals, requestedBy: try coordinator.requireID(), now: clock.now())
            if outcome == .mitigated {
                decision.status = .awaitingApproval
                try await decision.create(on: scope.db)
                try await scope.record(.dueDiligenceWaiverRequest, .engagement(match.engagement.requireID()), reason: decision.text)
                let others = try await EngagementParties.coordinators(on: scope.db).filter { $0.id != coordinator.id }
                try await EngagementParties.tell(others, "waiver_requested", arguments: [match.need.title],
                                                 link: DueDiligenceRoute.review.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
                return
            }
            decision.markDecided(by: try coordinator.requireID(), now: clock.now())
            try await EngagementWorkflowService.apply(.decideDueDiligence(outcome, text: decision.text), to: match.engagement,
                                                      by: coordinator.role, in: scope, now: clock.now())
            if let alternate {
                decision.alternativeEngagementID = try await Alternates.propose(alternate, for: match, by: coordinator, clock: clock,
                                                                                mailer: mailer, on: scope.db)
            }
            try await decision.create(on: scope.db)
            try await tellDecision(decision, match, on: scope.db)
        }
    }

    /// A second coordinator approves or declines a requested waiver.
    func answerWaiver(approve: Bool, note: String, on match: ProposedMatches.Loaded, by approver: User) async throws {
        let note = note.trimmingWhitespace()
        try await audit.transaction(on: db, actor: .user(approver.requireID())) { scope in
            // Approving and declining race for the same waiver: whichever comes second finds none pending.
            guard let waiver = try await on(scope.db).review(match).pendingWaiver else { throw AppError.conflict(code: "no_waiver_pending") }
            var errors = DueDiligenceDecisionRules.checkApproval(requestedBy: waiver.requestedBy, approver: try approver.requireID())
            if !approve && note.isEmpty { errors.append(FieldError("note", .required)) }
            guard errors.isEmpty else { throw AppError.validation(errors) }
            waiver.markDecided(by: try approver.requireID(), now: clock.now())
            guard approve else {
                waiver.status = .declined
                try await waiver.save(on: scope.db)
                try await scope.record(.dueDiligenceWaiverDecline, .engagement(match.engagement.requireID()), reason: note)
                return
            }
            try await waiver.save(on: scope.db)
            try await EngagementWorkflowService.apply(.decideDueDiligence(.mitigated, text: waiver.text), to: match.engagement,
                                                      by: approver.role, in: scope, now: clock.now())
            try await tellDecision(waiver, match, on: scope.db)
        }
    }

    /// Re-checks conflicts: a signal the last decision did not weigh reopens cleared due diligence and tells the
    /// coordinators. Returns whether it reopened.
    @discardableResult
    func recheck(_ match: ProposedMatches.Loaded, trigger: String) async throws -> Bool {
        // A first look without the audit lock: most re-checks find nothing new.
        guard match.engagement.state.dueDiligence.isCleared, !match.engagement.state.isFinished,
              try await !review(match).newSignals.isEmpty else { return false }
        let reopened: Void? = try await audit.transactionIfChanged(on: db, actor: .system("conflict-recheck")) { scope in
            // Decided again on the stored stage: a concurrent re-check may have reopened it already.
            try await match.engagement.reloadState(on: scope.db)
            guard match.engagement.state.dueDiligence.isCleared, !match.engagement.state.isFinished else { throw AuditLogService.NothingToChange() }
            let fresh = try await on(scope.db).review(match).newSignals
            guard !fresh.isEmpty else { throw AuditLogService.NothingToChange() }
            let reason = "\(trigger): " + fresh.map(\.fingerprint).joined(separator: ", ")
            // The platform reopens on the facts; the step needs no one's authority.
            try await EngagementWorkflowService.apply(.reopenDueDiligence(reason: reason), to: match.engagement, by: .coordinator,
                                                      in: scope, now: clock.now())
            try await EngagementParties.tell(try await EngagementParties.coordinators(on: scope.db), "due_diligence_reopened",
                                             arguments: [match.need.title], link: DueDiligenceRoute.review.link(try match.engagement.requireID()),
                                             clock: clock, mailer: mailer, on: scope.db)
        }
        return reopened != nil
    }

    // MARK: - Helpers

    /// The same service reading through `db`, such as a transaction's connection.
    private func on(_ db: Database) -> DueDiligenceService {
        DueDiligenceService(db: db, audit: audit, clock: clock, mailer: mailer)
    }

    private func tellDecision(_ decision: DueDiligenceDecision, _ match: ProposedMatches.Loaded, on db: Database) async throws {
        try await tellParties(match, "due_diligence_\(decision.outcome.rawValue)", arguments: [match.need.title, decision.text],
                              link: MatchRoute.show.link(try match.engagement.requireID()), on: db)
    }

    private func tellParties(_ match: ProposedMatches.Loaded, _ kind: String, arguments: [String], link: String, on db: Database) async throws {
        try await EngagementParties.tell(try await EngagementParties.people(of: match.need, match.expert, on: db), kind,
                                         arguments: arguments, link: link, clock: clock, mailer: mailer, on: db)
    }
}

extension DueDiligenceDecision {
    convenience init(engagementID: UUID, outcome: DueDiligenceOutcome, text: String, mitigation: String, signals: [ConflictSignal],
                     requestedBy: UUID, now: Date) {
        self.init()
        id = UUID()
        $engagement.id = engagementID
        self.outcome = outcome
        status = .decided
        self.text = text.trimmingWhitespace()
        let mitigation = mitigation.trimmingWhitespace()
        self.mitigation = mitigation.isEmpty ? nil : mitigation
        self.signals = JSONList(signals.map(\.fingerprint))
        self.requestedBy = requestedBy
        requestedAt = now
    }

    func markDecided(by user: UUID, now: Date) {
        status = .decided
        decidedBy = user
        decidedAt = now
    }
}
