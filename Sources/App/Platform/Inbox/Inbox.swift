import ExchangeCore
import Fluent
import Foundation

/// What is waiting for one person, worked out from the programme's state each time it is asked: staff see the
/// registrations, needs and profiles to screen and the waivers another coordinator asked them to approve; the parties
/// to a match see the declaration of interests they still owe.
struct Inbox: Sendable {
    let db: Database

    func items(for principal: Principal) async throws -> [InboxItem] {
        var items: [InboxItem] = []
        if principal.role.managesProgramme {
            items += try await registrations()
            items += try await needsToScreen()
            items += try await profilesToScreen()
            items += try await waivers(awaiting: principal)
        }
        items += try await declarations(owedBy: principal)
        return items
    }

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

    /// Matches in due diligence on the person's side that have no declaration from that side yet.
    private func declarations(owedBy principal: Principal) async throws -> [InboxItem] {
        let side: DeclaringParty
        switch principal.role {
        case .expert: side = .expert
        case .publicParticipant where principal.organisationID != nil: side = .publicBody
        default: return []
        }
        let mine = try await Engagement.query(on: db).filter(\.$stage == .dueDiligence).with(\.$need).with(\.$expert).sort(\.$createdAt).all()
            .filter { side == .expert ? $0.expert.$user.id == principal.userID : $0.need.$organisation.id == principal.organisationID }
        guard !mine.isEmpty else { return [] }
        let filed = try await DeclarationRecord.query(on: db).filter(\.$engagement.$id ~~ mine.map { try $0.requireID() })
            .filter(\.$party == side).all()
        let done = Set(filed.map(\.$engagement.id))
        return try mine.filter { !done.contains(try $0.requireID()) }
            .map { InboxItem(kind: .declarationToFile, subject: $0.need.title, href: DeclarationRoute.form.link(try $0.requireID())) }
    }
}
