import ExchangeCore
import Fluent
import Foundation

/// The steps only programme staff take to move a match on, each waiting for them once the match is ready for it:
/// decide the latest batch proposal, open due diligence, decide it once the checklist and both declarations are in,
/// start an engagement whose Terms are signed, begin closing one past its planned end, close one whose closing
/// questionnaires are both in, and publish what both sides agreed to.
struct ProgrammeSteps: Sendable {
    let db: Database
    let today: CalendarDate

    func items() async throws -> [InboxItem] {
        var items = try await proposalsToDecide()
        let matches = try await Engagement.query(on: db).filter(\.$stage ~~ [.proposed, .dueDiligence, .torSigned, .active, .closing, .closed])
            .with(\.$need).sort(\.$createdAt).all()
        func at(_ stage: EngagementStage) -> [Engagement] { matches.filter { $0.stage == stage } }
        items += try at(.proposed).map { try item(.dueDiligenceToOpen, $0, MatchRoute.show.link(try $0.requireID())) }
        items += try await dueDiligenceToDecide(at(.dueDiligence).filter { $0.dueDiligence == .open })
        items += try at(.torSigned).map { try item(.engagementToStart, $0, MatchRoute.show.link(try $0.requireID())) }
        items += try await closingToBegin(at(.active))
        items += try at(.closing).filter { $0.postEvaluationsComplete == true }
            .map { try item(.engagementToClose, $0, MatchRoute.show.link(try $0.requireID())) }
        items += try await toPublish(at(.closed))
        return items
    }

    private func item(_ kind: InboxItem.Kind, _ engagement: Engagement, _ href: String) throws -> InboxItem {
        InboxItem(kind: kind, subject: engagement.need.title, href: href)
    }

    /// Undecided proposals of the newest finished run; an older run's are superseded by it.
    private func proposalsToDecide() async throws -> [InboxItem] {
        guard let run = try await MatchRun.query(on: db).filter(\.$status == .completed).sort(\.$startedAt, .descending).first() else { return [] }
        return try await MatchProposal.query(on: db).filter(\.$run.$id == run.requireID()).filter(\.$decision == .pending)
            .filter(\.$expert.$id != nil).with(\.$need).all()
            .map { InboxItem(kind: .proposalToDecide, subject: $0.need.title, href: MatchingBoardRoute.run.link(try run.requireID())) }
    }

    /// Open due diligence with every checklist item settled, both declarations filed and no waiver pending.
    private func dueDiligenceToDecide(_ open: [Engagement]) async throws -> [InboxItem] {
        guard !open.isEmpty else { return [] }
        let ids = try open.map { try $0.requireID() }
        let settled = Dictionary(grouping: try await ChecklistRecord.query(on: db).filter(\.$engagement.$id ~~ ids).filter(\.$status != .pending).all(),
                                 by: \.$engagement.id).mapValues(\.count)
        let declared = Dictionary(grouping: try await DeclarationRecord.query(on: db).filter(\.$engagement.$id ~~ ids).all(), by: \.$engagement.id)
            .mapValues { Set($0.map(\.party)).count }
        let waiting = Set(try await DueDiligenceDecision.query(on: db).filter(\.$engagement.$id ~~ ids).filter(\.$status == .awaitingApproval).all()
            .map(\.$engagement.id))
        return try open.filter { engagement in
            let id = try engagement.requireID()
            return settled[id, default: 0] == DueDiligenceItem.allCases.count && declared[id, default: 0] == DeclaringParty.allCases.count
                && !waiting.contains(id)
        }.map { try item(.dueDiligenceToDecide, $0, DueDiligenceRoute.review.link(try $0.requireID())) }
    }

    /// Active engagements whose signed Terms, with any extension, ended before today.
    private func closingToBegin(_ active: [Engagement]) async throws -> [InboxItem] {
        guard !active.isEmpty else { return [] }
        let versions = try await TermsVersion.query(on: db).filter(\.$engagement.$id ~~ active.map { try $0.requireID() }).all()
        let latest = Dictionary(grouping: versions, by: \.$engagement.id).compactMapValues { $0.max { $0.number < $1.number }?.terms }
        return try active.filter { engagement in
            guard let terms = latest[try engagement.requireID()] else { return false }
            return terms.start.adding(months: terms.months + (engagement.extensionMonths ?? 0)) < today
        }.map { try item(.closingToBegin, $0, MatchRoute.show.link(try $0.requireID())) }
    }

    /// Closed exchanges with an item both sides consented to and nothing published yet.
    private func toPublish(_ closed: [Engagement]) async throws -> [InboxItem] {
        guard !closed.isEmpty else { return [] }
        let ids = try closed.map { try $0.requireID() }
        let consents = try await PublicationConsent.query(on: db).filter(\.$engagement.$id ~~ ids).filter(\.$consented == true).all()
        let agreed = Set(Dictionary(grouping: consents) { "\($0.$engagement.id)/\($0.item.rawValue)" }
            .filter { Set($0.value.map(\.party)).count == DeclaringParty.allCases.count }.compactMap { $0.value.first?.$engagement.id })
        let published = Set(try await Publication.query(on: db).filter(\.$engagement.$id ~~ ids).all().map(\.$engagement.id))
        return try closed.filter { engagement in
            let id = try engagement.requireID()
            return agreed.contains(id) && !published.contains(id)
        }
            .map { try item(.exchangeToPublish, $0, ReportRoute.publicationForm.link(try $0.requireID())) }
    }
}
