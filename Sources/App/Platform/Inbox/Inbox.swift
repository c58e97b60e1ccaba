import ExchangeCore
import Fluent
import Foundation

/// What is waiting for one person, worked out from the programme's state each time it is asked: staff see the
/// registrations, needs and profiles to screen, due-diligence checklists to complete and the waivers another
/// coordinator asked them to approve; the parties to a match see the declaration of interests they still owe, the
/// Terms of Reference to sign (staff sign for the programme office), the questionnaires to answer, overdue actions and
/// deliverables, the closing report to write, and their consent to publish once it is written.
struct Inbox: Sendable {
    let db: Database
    /// The day against which actions and deliverables are overdue.
    let today: CalendarDate

    func items(for principal: Principal) async throws -> [InboxItem] {
        var items: [InboxItem] = []
        if principal.role.managesProgramme {
            items += try await registrations()
            items += try await needsToScreen()
            items += try await profilesToScreen()
            items += try await waivers(awaiting: principal)
            items += try await checklists()
            items += try await ProgrammeSteps(db: db, today: today).items()
        }
        // A party's matches at every stage that can ask something of them, loaded once for every kind below.
        let mine = try await matches(of: principal, in: [.dueDiligence, .torDrafting, .torSigned, .active, .closing, .closed])
        func at(_ stages: EngagementStage...) -> [PartyMatch] { mine.filter { stages.contains($0.engagement.stage) } }
        items += try await declarations(owedBy: at(.dueDiligence))
        items += try await reports(owedBy: at(.closing, .closed))
        items += try await termsToSign(by: principal, drafting: at(.torDrafting))
        items += try await questionnaires(owedBy: principal, running: at(.torSigned, .active, .closing))
        items += try await overdueWork(of: at(.active, .closing))
        return items
    }

    typealias PartyMatch = (engagement: Engagement, id: UUID, side: DeclaringParty)

    private func registrations() async throws -> [InboxItem] {
        try await User.query(on: db).filter(\.$status == .pending).sort(\.$createdAt).all()
            .map { InboxItem(kind: .registration, subject: $0.displayName, href: PeopleRoute.list.link()) }
    }

    /// Needs that automatic screening sent to a coordinator.
    private func needsToScreen() async throws -> [InboxItem] {
        try await Need.query(on: db).filter(\.$status == .screened).sort(\.$createdAt).all()
            .map { InboxItem(kind: .needToScreen, subject: $0.title, href: NeedRoute.show.link(try $0.requireID())) }
    }

    private func profilesToScreen() async throws -> [InboxItem] {
        try await ExpertProfile.query(on: db).filter(\.$status == .screened).sort(\.$createdAt).all()
            .map { InboxItem(kind: .profileToScreen, subject: $0.fullName, href: RosterRoute.review.link(try $0.requireID())) }
    }

    /// Waivers wait for a second coordinator: never the one who asked.
    private func waivers(awaiting principal: Principal) async throws -> [InboxItem] {
        try await DueDiligenceDecision.query(on: db).filter(\.$status == .awaitingApproval).filter(\.$requestedBy != principal.userID)
            .with(\.$engagement) { $0.with(\.$need) }.sort(\.$requestedAt).all()
            .map { InboxItem(kind: .waiverToApprove, subject: $0.engagement.need.title, href: DueDiligenceRoute.review.link($0.$engagement.id)) }
    }

    /// Matches on the person's side in one of `stages`, with that side; none for staff and other roles.
    private func matches(of principal: Principal, in stages: [EngagementStage]) async throws -> [PartyMatch] {
        let side: DeclaringParty
        switch principal.role {
        case .expert: side = .expert
        case .publicParticipant where principal.organisationID != nil: side = .publicBody
        default: return []
        }
        return try await Engagement.query(on: db).filter(\.$stage ~~ stages).with(\.$need).with(\.$expert).sort(\.$createdAt).all()
            .filter { side == .expert ? $0.expert.$user.id == principal.userID : $0.need.$organisation.id == principal.organisationID }
            .map { ($0, try $0.requireID(), side) }
    }

    /// Matches in due diligence that have no declaration from the person's side yet.
    private func declarations(owedBy mine: [PartyMatch]) async throws -> [InboxItem] {
        guard let side = mine.first?.side else { return [] }
        let filed = Set(try await DeclarationRecord.query(on: db).filter(\.$engagement.$id ~~ mine.map(\.id)).filter(\.$party == side).all()
            .map(\.$engagement.id))
        return mine.filter { !filed.contains($0.id) }
            .map { InboxItem(kind: .declarationToFile, subject: $0.engagement.need.title, href: DeclarationRoute.form.link($0.id)) }
    }

    /// Closing or closed matches without a closing report ask both sides to write it; once it is written, a closed
    /// match asks each side that has not yet said what may be published.
    private func reports(owedBy mine: [PartyMatch]) async throws -> [InboxItem] {
        guard let side = mine.first?.side else { return [] }
        let written = Set(try await ClosingReport.query(on: db).filter(\.$engagement.$id ~~ mine.map(\.id)).all().map(\.$engagement.id))
        let decided = Set(try await PublicationConsent.query(on: db).filter(\.$engagement.$id ~~ mine.map(\.id)).filter(\.$party == side).all()
            .map(\.$engagement.id))
        return mine.compactMap { match in
            let title = match.engagement.need.title, href = ReportRoute.show.link(match.id)
            if !written.contains(match.id) { return InboxItem(kind: .reportToWrite, subject: title, href: href) }
            if match.engagement.stage == .closed, !decided.contains(match.id) { return InboxItem(kind: .consentToGive, subject: title, href: href) }
            return nil
        }
    }

    /// Terms of Reference in drafting whose latest version the person's side has not signed (the programme office's
    /// signature is any coordinator's to give), or with no version yet for the parties to draft.
    private func termsToSign(by principal: Principal, drafting mine: [PartyMatch]) async throws -> [InboxItem] {
        let drafting: [(engagement: Engagement, id: UUID, side: TermsSide)]
        if principal.role.managesProgramme {
            drafting = try await Engagement.query(on: db).filter(\.$stage == .torDrafting).with(\.$need).sort(\.$createdAt).all()
                .map { ($0, try $0.requireID(), .programmeOffice) }
        } else {
            drafting = mine.map { ($0.engagement, $0.id, $0.side == .expert ? .expert : .publicBody) }
        }
        guard let side = drafting.first?.side else { return [] }
        let versions = try await TermsVersion.query(on: db).filter(\.$engagement.$id ~~ drafting.map(\.id)).all()
        let latest = Dictionary(grouping: versions, by: \.$engagement.id).compactMapValues { $0.max { $0.number < $1.number } }
        // No version yet: the parties are asked to write the first one (it starts from what the match knows).
        let toDraft = side == .programmeOffice ? [] : drafting.filter { latest[$0.id] == nil }
            .map { InboxItem(kind: .termsToDraft, subject: $0.engagement.need.title, href: TermsRoute.show.link($0.id)) }
        let signed = Set(try await TermsSignature.query(on: db).filter(\.$version.$id ~~ latest.values.map { try $0.requireID() })
            .filter(\.$side == side).all().map(\.$version.id))
        return try drafting.filter { match in
            guard let version = latest[match.id] else { return false }
            return !signed.contains(try version.requireID())
        }.map { InboxItem(kind: .termsToSign, subject: $0.engagement.need.title, href: TermsRoute.show.link($0.id)) } + toDraft
    }

    /// Questionnaire rounds open on the person's running matches that they have not answered; nobody answers once
    /// the match is finished.
    private func questionnaires(owedBy principal: Principal, running: [PartyMatch]) async throws -> [InboxItem] {
        guard !running.isEmpty else { return [] }
        let titles = Dictionary(uniqueKeysWithValues: running.map { ($0.id, $0.engagement.need.title) })
        return try await EvaluationRound.query(on: db).filter(\.$engagement.$id ~~ running.map(\.id)).with(\.$responses).sort(\.$openedAt).all()
            .filter { round in !round.responses.contains { $0.$respondent.id == principal.userID } }
            .map { InboxItem(kind: .questionnaireToAnswer, subject: titles[$0.$engagement.id] ?? "", href: EvaluationRoute.form.link($0.$engagement.id, $0.stage)) }
    }

    /// Running matches with an action agreed in a meeting, or a deliverable or milestone, past its date and not done:
    /// one item per match, leading to its work page.
    private func overdueWork(of running: [PartyMatch]) async throws -> [InboxItem] {
        guard !running.isEmpty else { return [] }
        let ids = running.map(\.id)
        let actions = try await ActionItem.query(on: db).filter(\.$engagementID ~~ ids).filter(\.$doneAt == nil).all()
            .filter { CalendarDate($0.dueText).map { $0 < today } ?? false }.map(\.engagementID)
        let work = try await WorkItem.query(on: db).filter(\.$engagement.$id ~~ ids).filter(\.$status ~~ [.planned, .inProgress]).all()
            .filter { $0.due.map { $0 < today } ?? false }.map(\.$engagement.id)
        let late = Set(actions + work)
        return running.filter { late.contains($0.id) }
            .map { InboxItem(kind: .overdueWork, subject: $0.engagement.need.title, href: WorkRoute.show.link($0.id)) }
    }

    /// Matches whose due diligence is open with a checklist item still pending (an item never recorded is pending).
    private func checklists() async throws -> [InboxItem] {
        let open = try await Engagement.query(on: db).filter(\.$stage == .dueDiligence).filter(\.$dueDiligence == .open).with(\.$need)
            .sort(\.$createdAt).all()
        guard !open.isEmpty else { return [] }
        let settled = try await ChecklistRecord.query(on: db).filter(\.$engagement.$id ~~ open.map { try $0.requireID() })
            .filter(\.$status != .pending).all()
        let settledCount = Dictionary(grouping: settled, by: \.$engagement.id).mapValues(\.count)
        return try open.filter { (settledCount[try $0.requireID()] ?? 0) < DueDiligenceItem.allCases.count }
            .map { InboxItem(kind: .checklistToComplete, subject: $0.need.title, href: DueDiligenceRoute.review.link(try $0.requireID())) }
    }
}

