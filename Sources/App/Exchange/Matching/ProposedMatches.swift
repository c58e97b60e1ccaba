import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Proposed matches (engagements) as each party may see them.
struct ProposedMatches {
    let req: Request

    /// One match with what explaining it takes.
    struct Loaded {
        let engagement: Engagement
        let need: Need
        let organisation: Organisation
        let expert: ExpertProfile

        /// Which side the person is on, if any.
        func party(of principal: Principal) -> DeclaringParty? {
            switch principal.role {
            case .expert where expert.$user.id == principal.userID: .expert
            case .publicParticipant where principal.organisationID == organisation.id: .publicBody
            default: nil
            }
        }

        var protected: (dueDiligence: ProtectedObject, declaration: ProtectedObject, marketingConcern: ProtectedObject,
                        terms: ProtectedObject, work: ProtectedObject) {
            let (body, expertUser) = (need.$organisation.id, expert.$user.id)
            return (.dueDiligence(needOrganisationID: body, expertUserID: expertUser),
                    .conflictDeclaration(needOrganisationID: body, expertUserID: expertUser),
                    .marketingConcern(needOrganisationID: body, expertUserID: expertUser),
                    .termsOfReference(needOrganisationID: body, expertUserID: expertUser),
                    .engagementWork(needOrganisationID: body, expertUserID: expertUser))
        }

        /// The side the person signs the Terms of Reference for, if any.
        func termsSide(of principal: Principal) -> TermsSide? {
            if principal.role.managesProgramme { return .programmeOffice }
            return party(of: principal).map { $0 == .expert ? .expert : .publicBody }
        }

        var explanation: MatchExplanation {
            let scope = need.scope
            return MatchExplanation(
                need: .init(requiredSkills: scope.requiredSkills, preferredSkills: scope.preferredSkills, languages: scope.languages,
                            country: organisation.country, start: need.preferredStart, durationMonths: need.durationMonths,
                            fields: scope.fields, sector: need.sector),
                expert: .init(skills: expert.skills.map { .init(skill: $0.id, level: $0.level) },
                              languages: expert.languages.map { .init(code: $0.code, level: $0.level) },
                              countries: expert.knownCountries, availableFrom: expert.availableFrom, availableUntil: expert.availableUntil,
                              years: expert.years ?? 0, fields: expert.experienceFields, regions: expert.regionsWorked,
                              sectors: expert.sectors))
        }
    }

    /// A match with its need, body and expert, for work no one requested (re-checks, jobs); callers authorize.
    static func loaded(_ engagement: Engagement, on db: Database) async throws -> Loaded {
        let need = try await engagement.$need.get(on: db)
        return Loaded(engagement: engagement, need: need, organisation: try await need.$organisation.get(on: db),
                      expert: try await engagement.$expert.get(on: db))
    }

    func load(_ id: UUID) async throws -> Loaded {
        guard let engagement = try await Engagement.query(on: req.db).filter(\.$id == id).with(\.$need).with(\.$expert).first() else {
            throw AppError.notFound
        }
        try req.authorize(.read, .engagement(needOrganisationID: engagement.need.$organisation.id, expertUserID: engagement.expert.$user.id))
        let organisation = try await engagement.need.$organisation.get(on: req.db)
        return Loaded(engagement: engagement, need: engagement.need, organisation: organisation, expert: engagement.expert)
    }

    /// The match named by the route's `id`, if the signed-in person may do `operation` to the part `object` picks.
    func load(_ operation: ExchangeCore.Operation, _ object: (Loaded) -> ProtectedObject) async throws -> Loaded {
        let match = try await load(try req.uuidParameter())
        try req.authorize(operation, object(match))
        return match
    }

    /// A match whose due diligence the signed-in member of staff works on.
    func loadForReview(_ id: UUID) async throws -> Loaded {
        let match = try await load(id)
        try req.authorize(.update, match.protected.dueDiligence)
        return match
    }

    /// A match with the side the signed-in party declares for.
    func loadForDeclaration(_ id: UUID) async throws -> (Loaded, DeclaringParty) {
        let match = try await load(id)
        try req.authorize(.update, match.protected.declaration)
        guard let party = match.party(of: req.principal!) else { throw AppError.forbidden }
        return (match, party)
    }

    /// The matches the signed-in person is a party to; programme staff and evaluators see all.
    func visible() async throws -> [Engagement] {
        try await visibleQuery()?.all() ?? []
    }

    /// Some of `visible()`, newest first, and how many there are in all.
    func visible(_ rows: Range<Int>) async throws -> (rows: [Engagement], total: Int) {
        guard let query = try visibleQuery() else { return ([], 0) }
        let total = try await query.copy().count()
        return (try await query.range(rows).all(), total)
    }

    /// Nil for those who are party to no match.
    private func visibleQuery() throws -> QueryBuilder<Engagement>? {
        guard let user = req.auth.get(User.self) else { return nil }
        let query = Engagement.query(on: req.db).with(\.$need).with(\.$expert).sort(\.$createdAt, .descending).sort(\.$id, .descending)
        switch user.role {
        case .coordinator, .administrator, .evaluator:
            return query
        case .publicParticipant:
            guard let organisation = user.$organisation.id else { return nil }
            return query.join(Need.self, on: \Engagement.$need.$id == \Need.$id).filter(Need.self, \.$organisation.$id == organisation)
        case .expert:
            return try query.join(ExpertProfile.self, on: \Engagement.$expert.$id == \ExpertProfile.$id)
                .filter(ExpertProfile.self, \.$user.$id == user.requireID())
        case .analyst:
            return nil
        }
    }
}
