import ExchangeCore
import Fluent
import Foundation

/// Makes a proposed match (an engagement in its first stage) and tells both parties. Used when a coordinator confirms
/// or overrides a proposal, and when due diligence rejects a match in favour of an alternate.
struct ProposedMatchFactory {
    let clock: WallClock
    let mailer: Mailer

    /// Time passes between the run and the decision: the need may have been matched, the expert filled up.
    func checkStillAvailable(_ need: Need, _ expert: ExpertProfile, on db: Database) async throws {
        let occupied = try await Engagement.query(on: db).filter(\.$expert.$id == expert.requireID())
            .filter(\.$stage ~~ EngagementStage.occupying).count()
        if let refusal = MatchUnavailability.check(needMatched: try await BatchMatchingService.isMatched(need, on: db),
                                                   expertStatus: expert.status, occupied: occupied, capacity: expert.capacity) {
            throw AppError.conflict(code: refusal.rawValue)
        }
    }

    /// The score the proposal gave this expert: as its choice, an alternate or the stable matching's choice.
    static func score(of expertID: UUID, in proposal: MatchProposal) -> (Double, [String: Double]) {
        if expertID == proposal.$expert.id { return (proposal.score ?? 0, proposal.breakdown) }
        if let alternate = proposal.alternates.first(where: { $0.expertProfileID == expertID }) {
            return (alternate.score, alternate.breakdown)
        }
        return (proposal.stableScore ?? 0, [:])
    }

    func create(_ need: Need, _ expert: ExpertProfile, _ proposal: MatchProposal, by coordinator: User, on db: Database) async throws -> Engagement {
        let engagement = Engagement()
        engagement.id = UUID()
        engagement.$need.id = try need.requireID()
        engagement.$expert.id = try expert.requireID()
        engagement.$proposal.id = proposal.id
        engagement.state = EngagementState(plannedMonths: need.draft.duration)
        (engagement.score, engagement.breakdown) = Self.score(of: try expert.requireID(), in: proposal)
        engagement.createdBy = try coordinator.requireID()
        engagement.createdAt = clock.now()
        engagement.updatedAt = clock.now()
        try await engagement.create(on: db)
        try await EngagementParties.tell(try await EngagementParties.people(of: need, expert, on: db), "match_proposed",
                                         arguments: [need.title], link: MatchRoute.show.link(try engagement.requireID()), clock: clock, mailer: mailer, on: db)
        return engagement
    }
}

/// The people on each side of an engagement, and the programme staff who look after it.
enum EngagementParties {
    static func people(of need: Need, _ expert: ExpertProfile, on db: Database) async throws -> [User] {
        let members = try await User.activeMembers(of: need.$organisation.id, on: db).all()
        let expertUser = try await expert.$user.get(on: db)
        return members + [expertUser].compactMap { $0 }
    }

    static func coordinators(on db: Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$role == .coordinator).filter(\.$status == .active).all()
    }

    /// The coordinators who are not already among `people`.
    static func coordinators(besides people: [User], on db: Database) async throws -> [User] {
        try await coordinators(on: db).filter { coordinator in !people.contains { $0.id == coordinator.id } }
    }

    /// Both parties and the coordinators, each once.
    static func everyone(of need: Need, _ expert: ExpertProfile, on db: Database) async throws -> [User] {
        let people = try await self.people(of: need, expert, on: db)
        return people + (try await coordinators(besides: people, on: db))
    }

    /// Tells every party, in their own language, with a notification and a mail of the same kind.
    static func tell(_ people: [User], _ kind: String, arguments: [String], link: String, clock: WallClock, mailer: Mailer,
                     on db: Database) async throws {
        try await tell(people, kind, localised: { _ in arguments }, link: link, clock: clock, mailer: mailer, on: db)
    }

    /// As `tell`, with arguments written for each reader, such as a date in their language.
    static func tell(_ people: [User], _ kind: String, localised arguments: (PageText) -> [String], link: String, clock: WallClock,
                     mailer: Mailer, on db: Database) async throws {
        for person in people {
            let language = person.preferredLanguage ?? .fallback
            let written = arguments(PageText(catalogs: mailer.catalogs, language: language, timeZone: person.timeZone))
            try await Notifier(clock: clock).notify(person.requireID(), "notification.\(kind)", arguments: written, link: link, on: db)
            try await mailer.enqueue(to: person.email, language: language, kind: kind,
                                     arguments: [person.displayName] + written + [mailer.link(link)], on: db)
        }
    }
}
