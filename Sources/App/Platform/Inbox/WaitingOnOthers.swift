import ExchangeCore
import Fluent
import Foundation

/// Something the person started or took part in that now waits for someone else, and who holds it.
struct OthersItem: Sendable, Equatable {
    enum Kind: Sendable, CaseIterable {
        case needScreening, profileScreening, declaration, signature, waiver, consent
    }

    /// Who holds the item now; the raw value is its code in the API.
    enum Holder: String, Sendable, CaseIterable {
        case coordinators, anotherCoordinator = "another_coordinator", expert, publicBody = "public_body", programmeOffice = "programme_office"

        init(_ party: DeclaringParty) { self = party == .expert ? .expert : .publicBody }

        /// The parties are named as their declarations name them.
        var key: String {
            switch self {
            case .coordinators: "waiting.holder.coordinators"
            case .anotherCoordinator: "waiting.holder.another_coordinator"
            case .expert: "declaration.party.expert"
            case .publicBody: "declaration.party.public_body"
            case .programmeOffice: "waiting.holder.programme_office"
            }
        }

        init(_ side: TermsSide) {
            switch side {
            case .expert: self = .expert
            case .publicBody: self = .publicBody
            case .programmeOffice: self = .programmeOffice
            }
        }
    }

    let kind: Kind
    let subject: String
    let href: String
    let holders: [Holder]

    var key: String {
        switch kind {
        case .needScreening: "waiting.need_screening"
        case .profileScreening: "waiting.profile_screening"
        case .declaration: "waiting.declaration"
        case .signature: "waiting.signature"
        case .waiver: "waiting.waiver"
        case .consent: "waiting.consent"
        }
    }
}

/// "Waiting for others", worked out from state like the inbox: a body's needs and an expert's profile with the
/// coordinators; declarations, signatures and publication consents the person's side gave while the other side has
/// not; the waivers a coordinator asked another to approve. Staff see every match's outstanding parties.
struct WaitingOnOthers: Sendable {
    let db: Database

    func items(for principal: Principal) async throws -> [OthersItem] {
        var items: [OthersItem] = []
        items += try await needsInScreening(of: principal)
        items += try await profileInScreening(of: principal)
        if principal.role.managesProgramme { items += try await waivers(askedBy: principal) }
        let matches = try await involved(principal)
        items += try await declarations(in: matches.filter { $0.engagement.stage == .dueDiligence })
        items += try await signatures(in: matches.filter { $0.engagement.stage == .torDrafting })
        items += try await consents(in: matches.filter { $0.engagement.stage == .closed })
        return items
    }

    /// A match the person sees the other side of: their own side's, or every side's for staff.
    private typealias Involved = (engagement: Engagement, id: UUID, side: DeclaringParty?)

    private func involved(_ principal: Principal) async throws -> [Involved] {
        let stages: [EngagementStage] = [.dueDiligence, .torDrafting, .closed]
        let all = try await Engagement.query(on: db).filter(\.$stage ~~ stages).with(\.$need).with(\.$expert).sort(\.$createdAt).all()
        switch principal.role {
        case .coordinator, .administrator: return try all.map { ($0, try $0.requireID(), nil) }
        case .expert: return try all.filter { $0.expert.$user.id == principal.userID }.map { ($0, try $0.requireID(), .expert) }
        case .publicParticipant where principal.organisationID != nil:
            return try all.filter { $0.need.$organisation.id == principal.organisationID }.map { ($0, try $0.requireID(), .publicBody) }
        default: return []
        }
    }

    private func needsInScreening(of principal: Principal) async throws -> [OthersItem] {
        guard principal.role == .publicParticipant, let body = principal.organisationID else { return [] }
        return try await Need.query(on: db).filter(\.$organisation.$id == body).filter(\.$status == .screened).sort(\.$createdAt).all()
            .map { OthersItem(kind: .needScreening, subject: $0.title, href: NeedRoute.show.link(try $0.requireID()), holders: [.coordinators]) }
    }

    private func profileInScreening(of principal: Principal) async throws -> [OthersItem] {
        guard principal.role == .expert else { return [] }
        return try await ExpertProfile.query(on: db).filter(\.$user.$id == principal.userID).filter(\.$status == .screened).all()
            .map { OthersItem(kind: .profileScreening, subject: $0.fullName, href: ProfileRoute.show.link(), holders: [.coordinators]) }
    }

    private func waivers(askedBy principal: Principal) async throws -> [OthersItem] {
        try await DueDiligenceDecision.query(on: db).filter(\.$status == .awaitingApproval).filter(\.$requestedBy == principal.userID)
            .with(\.$engagement) { $0.with(\.$need) }.sort(\.$requestedAt).all()
            .map { OthersItem(kind: .waiver, subject: $0.engagement.need.title, href: DueDiligenceRoute.review.link($0.$engagement.id),
                              holders: [.anotherCoordinator]) }
    }

    /// The parties still to declare, once the person's own side has (staff: any side missing).
    private func declarations(in matches: [Involved]) async throws -> [OthersItem] {
        guard !matches.isEmpty else { return [] }
        let filed = Dictionary(grouping: try await DeclarationRecord.query(on: db).filter(\.$engagement.$id ~~ matches.map(\.id)).all(),
                               by: \.$engagement.id).mapValues { Set($0.map(\.party)) }
        return matches.compactMap { match in
            let done = filed[match.id] ?? []
            if let side = match.side, !done.contains(side) { return nil }
            let missing = DeclaringParty.allCases.filter { !done.contains($0) }
            guard !missing.isEmpty else { return nil }
            return OthersItem(kind: .declaration, subject: match.engagement.need.title, href: MatchRoute.show.link(match.id),
                              holders: missing.map(OthersItem.Holder.init))
        }
    }

    /// The sides still to sign the latest Terms, once the person's own side has (staff: after the programme office).
    private func signatures(in matches: [Involved]) async throws -> [OthersItem] {
        guard !matches.isEmpty else { return [] }
        let versions = try await TermsVersion.query(on: db).filter(\.$engagement.$id ~~ matches.map(\.id)).with(\.$signatures).all()
        let latest = Dictionary(grouping: versions, by: \.$engagement.id).compactMapValues { $0.max { $0.number < $1.number } }
        return matches.compactMap { match in
            guard let version = latest[match.id] else { return nil }
            let signed = Set(version.signatures.map(\.side))
            let own: TermsSide = match.side.map { $0 == .expert ? .expert : .publicBody } ?? .programmeOffice
            let missing = TermsSide.allCases.filter { !signed.contains($0) }
            guard signed.contains(own), !missing.isEmpty else { return nil }
            return OthersItem(kind: .signature, subject: match.engagement.need.title, href: TermsRoute.show.link(match.id),
                              holders: missing.map(OthersItem.Holder.init))
        }
    }

    /// Closed matches with a report whose publication consent the other side (staff: any side) has not given.
    private func consents(in matches: [Involved]) async throws -> [OthersItem] {
        guard !matches.isEmpty else { return [] }
        let written = Set(try await ClosingReport.query(on: db).filter(\.$engagement.$id ~~ matches.map(\.id)).all().map(\.$engagement.id))
        let answered = Dictionary(grouping: try await PublicationConsent.query(on: db).filter(\.$engagement.$id ~~ matches.map(\.id)).all(),
                                  by: \.$engagement.id).mapValues { Set($0.map(\.party)) }
        return matches.compactMap { match in
            guard written.contains(match.id) else { return nil }
            let done = answered[match.id] ?? []
            if let side = match.side, !done.contains(side) { return nil }
            let missing = DeclaringParty.allCases.filter { !done.contains($0) }
            guard !missing.isEmpty else { return nil }
            return OthersItem(kind: .consent, subject: match.engagement.need.title, href: ReportRoute.show.link(match.id),
                              holders: missing.map(OthersItem.Holder.init))
        }
    }
}
