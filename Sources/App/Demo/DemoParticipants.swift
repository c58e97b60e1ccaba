import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Makes the demo's participants real through the services a person would use: the bodies and their members, each
/// body's participation screened, and forty expert profiles submitted and screened. Only what is missing is made.
struct DemoParticipants {
    let app: Application
    let coordinator: User
    let today: CalendarDate
    let passwordHash: String

    /// The members of the two original bodies the sign-in accounts do not cover.
    static let originalBodyMembers: [(body: String, name: String, language: SupportedLanguage)] = [
        ("org.ke-audit", "Kamau Njoroge (demo)", .en), ("org.co-office", "Camila Restrepo (demo)", .es),
    ]

    func seed() async throws -> Int {
        var created = 0
        for body in DemoCast.bodies where try await Organisation.find(StableID.make(body.key), on: app.db) == nil {
            _ = try await app.registry.organisations.create(body.draft, actor: .user(coordinator.requireID()), id: StableID.make(body.key))
            created += 1
        }
        created += try await seedMembers()
        try await screenBodies()
        created += try await seedExperts()
        return created
    }

    private func seedMembers() async throws -> Int {
        let members = DemoCast.bodies.compactMap { body in body.member.map { (body.key, $0.name, $0.language, body.screening == .pending) } }
            + Self.originalBodyMembers.map { ($0.body, $0.name, $0.language, false) }
        var created = 0
        for (body, name, language, pending) in members where try await User.find(StableID.make(DemoCast.memberKey(of: body)), on: app.db) == nil {
            let slug = body.dropFirst("org.".count)
            var person = DemoProgramme.PersonSeed(
                key: DemoCast.memberKey(of: body), email: "member.\(slug)@demo.integrity.invalid", name: name,
                role: .publicParticipant, organisation: pending ? nil : body, language: language)
            if pending {
                person.status = .pending
                person.requestedOrganisation = DemoCast.bodies.first { $0.key == body }?.draft.name
            }
            try await DemoProgramme.createPerson(person, passwordHash: passwordHash, app: app)
            created += 1
        }
        return created
    }

    /// Every body but the pending one attests; one without an integrity mandate is screened out by the rules.
    private func screenBodies() async throws {
        let participation = PublicBodyParticipationService(db: app.db, audit: app.auditLog, clock: app.clock)
        let keys = ["org.fr-agency", "org.es-court", "org.ke-audit", "org.co-office"]
            + DemoCast.bodies.filter { $0.screening != .pending }.map(\.key)
        for key in keys {
            guard let body = try await Organisation.find(StableID.make(key), on: app.db), body.participationStatus == nil else { continue }
            let mandate = DemoCast.bodies.first { $0.key == key }?.screening != .ineligibleWithoutMandate
            let attested = PublicBodyParticipationService.Attestations(proBono: true, workHours: true, publicCommunication: true,
                                                                       integrityMandate: mandate)
            let screening = try await participation.submit(body, attested, by: coordinator)
            if screening.overall == .needsReview {
                try await participation.decide(body, eligible: true, reason: "Contact person confirmed by video call (demo).",
                                               by: coordinator, mailer: app.mailer)
            }
        }
    }

    // MARK: Experts

    private func seedExperts() async throws -> Int {
        var created = 0
        for expert in DemoCast.experts where try await User.find(StableID.make("user.\(expert.key)"), on: app.db) == nil {
            try await DemoProgramme.createPerson(.init(key: "user.\(expert.key)", email: expert.email, name: expert.name, role: .expert,
                                                       organisation: nil, language: expert.language),
                                                 passwordHash: passwordHash, app: app)
            created += 1
        }
        for expert in DemoCast.experts + signInExperts {
            if case .notStarted = expert.outcome { continue }
            guard let user = try await User.find(StableID.make("user.\(expert.key)"), on: app.db) else { continue }
            created += try await profile(expert, of: user) ? 1 : 0
        }
        return created
    }

    /// Eli and Elena, whose accounts `DemoProgramme` makes, with the profiles that make them the strongest candidates
    /// for the French and Spanish needs a visitor signs in to see.
    private var signInExperts: [DemoCast.Expert] {
        [DemoCast.Expert(key: "expert-en", name: "Eli Expert (demo)", email: "expert@demo.integrity.invalid", language: .en, country: "GB",
                         skills: [("asset-declarations", 3), ("data-visualisation", 3), ("dashboards", 3), ("ocds", 2)],
                         languages: [("en", 3), ("fr", 3)], years: 9, capacity: 2, fields: ["audit", "fraud"],
                         sectors: ["public_finance", "financial_services"]),
         DemoCast.Expert(key: "expert-es", name: "Elena Muestra (demo)", email: "experta@demo.integrity.invalid", language: .es, country: "MX",
                         skills: [("ocds", 3), ("procurement-red-flags", 3), ("data-engineering", 2)],
                         languages: [("es", 3), ("en", 2)], years: 12, capacity: 2, fields: ["fraud", "anti_corruption"],
                         sectors: ["public_procurement", "digital_services"])]
    }

    /// Fills in, submits and (where the rules leave it to a coordinator) decides one expert's profile; false when it
    /// was submitted already.
    private func profile(_ expert: DemoCast.Expert, of user: User) async throws -> Bool {
        let profiles = ExpertProfileService(db: app.db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy, mailer: app.mailer)
        let profile = try await profiles.profile(for: user)
        guard profile.status == .draft else { return false }
        let available = CalendarDay.parse(today.adding(days: -270).description)
        let until = CalendarDay.parse(today.adding(days: 365).description)
        try await profiles.save(.init(
            country: expert.country, years: expert.years, fields: expert.fields, transferStatement: "",
            skills: expert.skills, languages: expert.languages, hoursPerWeek: 4 + expert.years % 5, availableFrom: available,
            availableUntil: until, capacity: expert.capacity, proBono: true, workHours: true, publicCommunication: true, valuesAlignment: true,
            motivation: "I want integrity bodies to get the same data work my clients get, and my employer gives me the hours (demo).",
            countriesWorked: [expert.country], regionsWorked: [], sectors: expert.sectors), to: profile, by: user)
        _ = try await profiles.submit(profile, by: user)
        switch expert.outcome {
        case .eligible where profile.status != .eligible:
            try await profiles.decide(profile, eligible: true, reason: "Experience checked with two references (demo).", by: coordinator)
        case .ineligible(let reason):
            try await profiles.decide(profile, eligible: false, reason: reason, by: coordinator)
        default: break
        }
        return true
    }
}
