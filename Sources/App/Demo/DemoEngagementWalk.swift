import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Takes one confirmed match to its demo stage, step by step through the services, each step by the person who
/// would take it: the body's member, the expert, or a coordinator.
struct DemoEngagementWalk {
    let app: Application
    let match: ProposedMatches.Loaded
    let stage: DemoStage
    let today: CalendarDate
    let coordinator: User
    /// The second coordinator, who asks for the waiver that the first must approve.
    let colleague: User
    let member: User
    let expert: User

    private var mailer: Mailer { app.mailer }
    private var dueDiligence: DueDiligenceService { .init(db: app.db, audit: app.auditLog, clock: app.clock, mailer: mailer) }
    private var terms: TermsService { .init(db: app.db, audit: app.auditLog, clock: app.clock, mailer: mailer, catalogs: app.catalogs) }
    private var tracking: TrackingService {
        .init(db: app.db, audit: app.auditLog, clock: app.clock, mailer: mailer, documents: app.documentStore)
    }
    private var evaluations: EvaluationService {
        .init(db: app.db, audit: app.auditLog, clock: app.clock, mailer: mailer, catalogs: app.catalogs)
    }
    private var engagements: EngagementService {
        .init(db: app.db, audit: app.auditLog, clock: app.clock, mailer: mailer, catalogs: app.catalogs)
    }
    private var publications: PublicationService { .init(db: app.db, audit: app.auditLog, clock: app.clock, mailer: mailer) }
    private var language: SupportedLanguage { member.preferredLanguage ?? .en }

    func run() async throws {
        switch stage {
        case .proposed, .inProposal, .draft, .awaitingReview, .ineligible, .screened: return
        case .cancelled: return try await cancelAfterMarketingConcern()
        case .dueDiligenceWaiver: return try await requestWaiver()
        case .dueDiligenceOpen: return try await startDueDiligence()
        case .dueDiligenceReady: return try await readyDueDiligence()
        default: break
        }
        try await clearDueDiligence()
        let version = try termsOfReference()
        _ = try await terms.save(version, on: match, by: expert)
        if stage == .termsDrafting { return try await keepUnfinishedDraft(of: version) }
        try await signed(by: [(.expert, expert), (.publicBody, member), (.programmeOffice, coordinator)])
        try await answer(.pre, as: [.expert, .publicBody])
        if stage == .termsSigned { return }
        try await terms.start(match, by: coordinator)
        try await work()
        try await openMidTermRound()
        if stage == .active { return try await answer(.mid, as: [.publicBody]) }
        try await answer(.mid, as: [.expert, .publicBody])
        try await finishWork()
        try await engagements.beginClosing(match, by: coordinator)
        try await answer(.post, as: [.expert, .publicBody])
        if stage == .closing { return }
        try await engagements.close(match, overrideReason: nil, by: coordinator)
        try await writeReport()
        try await publications.setConsents(Set(PublicationItem.allCases), on: match, as: .expert, by: expert)
        if stage == .closed { return }
        try await publications.setConsents(Set(PublicationItem.allCases), on: match, as: .publicBody, by: member)
        try await publish()
    }

    // MARK: Due diligence

    private func clearDueDiligence() async throws {
        try await dueDiligence.open(match, by: coordinator)
        try await declare(.expert, by: expert, conflict: nil)
        try await declare(.publicBody, by: member, conflict: nil)
        try await completeChecklist()
        try await dueDiligence.decide(.cleared, text: DemoText.cleared[language], mitigation: "", alternative: nil, on: match, by: coordinator)
    }

    /// The expert declares a past employment; the colleague asks for a waiver, which the coordinator has yet to approve.
    private func requestWaiver() async throws {
        try await dueDiligence.open(match, by: coordinator)
        try await declare(.expert, by: expert, conflict: DemoText.pastEmployment[language])
        try await declare(.publicBody, by: member, conflict: nil)
        try await completeChecklist()
        try await dueDiligence.decide(.mitigated, text: DemoText.waiverReason[language], mitigation: DemoText.waiverMitigation[language],
                                      alternative: nil, on: match, by: colleague)
    }

    /// Declarations and checks still under way: the body's declaration and three checklist items are outstanding.
    private func startDueDiligence() async throws {
        try await dueDiligence.open(match, by: coordinator)
        try await declare(.expert, by: expert, conflict: nil)
        try await completeChecklist(DueDiligenceItem.allCases.prefix(2))
    }

    /// Everything in, nothing decided: the decision waits for a coordinator.
    private func readyDueDiligence() async throws {
        try await dueDiligence.open(match, by: coordinator)
        try await declare(.expert, by: expert, conflict: nil)
        try await declare(.publicBody, by: member, conflict: nil)
        try await completeChecklist()
    }

    private func declare(_ party: DeclaringParty, by user: User, conflict: String?) async throws {
        var answers = Dictionary(uniqueKeysWithValues: ConflictQuestion.allCases.map { ($0, ConflictDeclaration.Answer(declared: false)) })
        if let conflict { answers[.employment] = .init(declared: true, details: conflict) }
        try await dueDiligence.declare(ConflictDeclaration(answers: answers), as: party, on: match, by: user)
    }

    private func completeChecklist(_ items: some Sequence<DueDiligenceItem> = DueDiligenceItem.allCases) async throws {
        for item in items {
            let entry = ChecklistEntry(status: .done, notes: DemoText.checked[language],
                                       links: ["https://registry.example.org/demo/\(item.rawValue)"])
            try await dueDiligence.record(item, entry, on: match, by: coordinator)
        }
    }

    private func cancelAfterMarketingConcern() async throws {
        try await dueDiligence.open(match, by: coordinator)
        let concerns = MarketingConcernService(db: app.db, audit: app.auditLog, clock: app.clock, mailer: mailer)
        let (report, _) = MarketingConcernReport.parse(description: DemoText.marketingConcern[language], links: "")
        let concern = try await concerns.report(report, on: match, as: .publicBody, by: member)
        let (decision, _) = MarketingConcernDecision.parse(outcome: "cancelled", text: DemoText.cancelled[language])
        guard let decision else { return }
        try await concerns.decide(decision, alternative: nil, on: concern, of: match, by: coordinator)
    }

    // MARK: Terms of Reference

    /// Terms over the need's own dates: one goal per support area, each with a deliverable, and two milestones.
    private func termsOfReference() throws -> TermsOfReference {
        let start = CalendarDate(match.need.preferredStart ?? app.clock.now())
        let months = match.need.durationMonths
        let span = start.adding(months: months).dayNumber - start.dayNumber
        var draft = TermsOfReferenceDraft()
        draft.start = start.description
        draft.months = String(months)
        draft.people = [.init(name: member.displayName, side: "public_body", responsibilities: DemoText.bodyRole[language]),
                        .init(name: expert.displayName, side: "expert", responsibilities: DemoText.expertRole[language]),
                        .init(name: coordinator.displayName, side: "programme_office", responsibilities: DemoText.officeRole[language])]
        draft.meetingCadence = DemoText.cadence[language]
        draft.decisionMaking = DemoText.decisions[language]
        draft.escalation = DemoText.escalation[language]
        let areas = Array(match.need.draft.supportAreas.prefix(2))
        draft.goals = areas.map { .init(text: "\(DemoText.goal[language]) \(match.need.title)", supportArea: String($0)) }
        draft.deliverables = areas.enumerated().map { index, _ in
            .init(goal: String(index + 1), title: DemoText.deliverables[language][index],
                  due: start.adding(days: span * (index == 0 ? 40 : 90) / 100).description)
        }
        draft.milestones = [.init(title: DemoText.milestones[language][0], due: start.adding(days: 14).description),
                            .init(title: DemoText.milestones[language][1], due: start.adding(days: span * 30 / 100).description)]
        draft.successStatement = DemoText.success[language]
        draft.communicationWhat = DemoText.communication[language]
        draft.communicationChannels = "https://exchange.example.org"
        draft.communicationConsent = DemoText.consent[language]
        draft.dataAccess = "synthetic"
        draft.dataRules = DemoText.dataRules[language]
        switch draft.validate(terms.context(match)) {
        case .success(let terms): return terms
        case .failure(let failure): throw AppError.validation(failure.errors)
        }
    }

    /// The body's member has started a second version and stopped half-way: its statement of success does not yet
    /// say how success will be known, so the kept draft shows what still breaks the rules.
    private func keepUnfinishedDraft(of version: TermsOfReference) async throws {
        var draft = TermsOfReferenceDraft(version)
        draft.successStatement = DemoText.unfinishedSuccess[language]
        _ = try await terms.keepDraft(TermsForm.fields(of: draft), on: match, by: member)
    }

    private func signed(by sides: [(TermsSide, User)]) async throws {
        for (side, user) in sides { _ = try await terms.sign(match, as: side, by: user) }
    }

    // MARK: Work

    /// A kick-off whose action was done, a recent meeting whose action is now overdue, and the first milestone reached.
    private func work() async throws {
        let start = CalendarDate(match.need.preferredStart ?? app.clock.now())
        let kickOff = start.adding(days: 7)
        try await meeting(on: kickOff, action: (DemoText.actions[language][0], kickOff.adding(days: 14)))
        let recent = min(today.adding(days: -12), start.adding(days: 60))
        try await meeting(on: recent, action: (DemoText.actions[language][1], recent.adding(days: 9)))
        let actions = try await ActionItem.query(on: app.db).filter(\.$engagementID == match.engagement.requireID()).all()
        for action in actions where CalendarDate(action.dueText).map({ $0 < kickOff.adding(days: 30) }) == true {
            try await tracking.complete(action.requireID(), on: match, by: expert)
        }
        let items = try await workItems()
        if let first = items.first(where: { $0.kind == .milestone }) { try await update(first, .done, by: member) }
        if let deliverable = items.first(where: { $0.kind == .deliverable }) { try await update(deliverable, .inProgress, by: expert) }
    }

    private func meeting(on date: CalendarDate, action: (String, CalendarDate)) async throws {
        let draft = MeetingDraft(date: date.description, attendees: "\(member.displayName), \(expert.displayName)",
                                 agenda: DemoText.agenda[language], decisions: DemoText.meetingDecisions[language],
                                 outcomes: DemoText.meetingOutcomes[language],
                                 actions: [.init(description: action.0, owner: expert.displayName, due: action.1.description)])
        guard case .success(let record) = draft.validate(today: today) else { return }
        try await tracking.record(record, on: match, by: expert)
    }

    /// Everything planned is done, and every action closed, before the engagement closes.
    private func finishWork() async throws {
        for item in try await workItems() where item.status != .done { try await update(item, .done, by: expert) }
        let open = try await ActionItem.query(on: app.db).filter(\.$engagementID == match.engagement.requireID()).filter(\.$doneAt == nil).all()
        for action in open { try await tracking.complete(action.requireID(), on: match, by: member) }
    }

    private func workItems() async throws -> [WorkItem] {
        try await WorkItem.query(on: app.db).filter(\.$engagement.$id == match.engagement.requireID()).all()
    }

    private func update(_ item: WorkItem, _ status: WorkItemStatus, by user: User) async throws {
        let (change, _) = WorkItemUpdate.parse(status: status.rawValue, note: nil)
        guard let change else { return }
        try await tracking.update(item.requireID(), change, on: match, by: user)
    }

    // MARK: Evaluation and closing

    /// Half-way through, as the reminder sweep would open it.
    private func openMidTermRound() async throws {
        _ = try await app.auditLog.transactionIfChanged(on: app.db, actor: .system("reminders")) { scope in
            if try await evaluations.on(scope.db).open(.mid, for: match, in: scope) == false { throw AuditLogService.NothingToChange() }
        }
    }

    private func answer(_ stage: EvaluationStage, as parties: [DeclaringParty]) async throws {
        guard let round = try await evaluations.rounds(of: match).first(where: { $0.stage == stage }) else { return }
        for party in parties {
            let user = party == .expert ? expert : member
            let questions = round.questionnaire.questions(for: party)
            try await evaluations.respond(stage, raw: DemoAnswers.raw(questions, stage: stage, language: user.preferredLanguage ?? .en),
                                          on: match, as: party, by: user)
        }
    }

    private func writeReport() async throws {
        try await publications.saveReport(outcome: DemoText.outcome[language], lessons: DemoText.lessons[language],
                                          recommendations: DemoText.recommendations[language], on: match, by: coordinator)
    }

    /// The coordinator's redacted texts; the summary is left to each page's language.
    private func publish() async throws {
        let texts: [PublicationItem: String] = [
            .summary: app.catalogs.text("publication.default_summary", language, [match.organisation.name, match.need.title]),
            .outcome: DemoText.outcome[language], .deliverables: DemoText.deliverables[language].map { "• \($0)" }.joined(separator: "\n"),
            .lessons: DemoText.lessons[language], .recommendations: DemoText.recommendations[language],
        ]
        try await publications.publish(PublicationDraft(texts: texts, post: DemoText.post[language]), on: match, by: coordinator)
    }
}

extension EvaluationService {
    func on(_ db: Database) -> EvaluationService {
        EvaluationService(db: db, audit: audit, clock: clock, mailer: mailer, catalogs: catalogs)
    }
}
