import ExchangeCore
import Fluent
import Foundation
import Vapor

/// An expert's own profile: found or confirmed on first visit, saved as a draft, submitted for screening.
struct ExpertProfileService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let taxonomy: SkillsTaxonomy
    let mailer: Mailer

    /// The expert's profile. An imported profile with the same e-mail is confirmed and linked;
    /// otherwise a new draft starts from the account.
    func profile(for user: User) async throws -> ExpertProfile {
        if let own = try await ExpertProfile.query(on: db).filter(\.$user.$id == user.requireID()).first() { return own }
        let organisation = try await user.$organisation.get(on: db)
        struct AlreadyThere: Error { let profile: ExpertProfile }
        do {
            return try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
                // Two first visits at once make one profile.
                if let own = try await ExpertProfile.query(on: scope.db).filter(\.$user.$id == user.requireID()).first() { throw AlreadyThere(profile: own) }
                return try await confirmOrCreate(for: user, organisation: organisation, in: scope)
            }
        } catch let existing as AlreadyThere {
            return existing.profile
        }
    }

    private func confirmOrCreate(for user: User, organisation: Organisation?, in scope: AuditScope) async throws -> ExpertProfile {
        if let invited = try await ExpertProfile.query(on: scope.db).filter(\.$email == user.email).filter(\.$user.$id == nil).first() {
            invited.$user.id = user.id
            invited.status = try ParticipationWorkflow.apply(.confirm, to: invited.status)
            invited.updatedAt = clock.now()
            try await invited.save(on: scope.db)
            try await scope.record(.expertConfirm, .expertProfile(invited.requireID()), changes: ["status": invited.status.rawValue])
            return invited
        }
        // No country is assumed: screening asks for the country of residence until the expert gives it.
        let profile = ExpertProfile(id: UUID(), userID: try user.requireID(), name: user.displayName, email: user.email,
                                    organisation: organisation?.name ?? "", now: clock.now())
        try await profile.create(on: scope.db)
        try await scope.record(.expertConfirm, .expertProfile(profile.requireID()), changes: ["status": "draft"])
        return profile
    }

    struct Details: Sendable {
        var country: String
        var years: Int?
        var fields: [String]
        var transferStatement: String
        var skills: [(id: String, level: Int)]
        var languages: [(code: String, level: Int)]
        var hoursPerWeek: Int?
        var availableFrom: Date?
        var availableUntil: Date?
        var capacity: Int?
        var proBono: Bool
        var workHours: Bool
        var publicCommunication: Bool
        var valuesAlignment: Bool
        var motivation: String
        var countriesWorked: [String] = []
        var regionsWorked: [String] = []
        var sectors: [String] = []
    }

    /// Saves what the expert entered; malformed values are refused, missing ones wait for screening.
    func save(_ d: Details, to profile: ExpertProfile, by user: User) async throws {
        var v = ExchangeCore.Validator()
        guard let country = CountryCode(d.country) else { throw AppError.validation([FieldError("country", .invalidCountry)]) }
        if let years = d.years, !(0...70).contains(years) { v.add("years", .invalidChoice) }
        if d.fields.contains(where: { ExperienceField(rawValue: $0) == nil }) { v.add("fields", .invalidChoice) }
        if d.skills.contains(where: { taxonomy.skill($0.id) == nil || !(1...3).contains($0.level) }) { v.add("skills", .invalidChoice) }
        if d.languages.contains(where: { LanguageCode($0.code) == nil || LanguageLevel(rawValue: UInt8(clamping: $0.level)) == nil }) {
            v.add("languages", .invalidLanguage)
        }
        if d.countriesWorked.contains(where: { CountryCode($0) == nil }) { v.add("countriesWorked", .invalidCountry) }
        if d.regionsWorked.contains(where: { WorldRegion($0) == nil }) { v.add("regionsWorked", .invalidChoice) }
        if d.sectors.contains(where: { WorkSector(rawValue: $0) == nil }) { v.add("sectors", .invalidChoice) }
        if let hours = d.hoursPerWeek, !(0...60).contains(hours) { v.add("hoursPerWeek", .invalidChoice) }
        if let capacity = d.capacity, !(0...5).contains(capacity) { v.add("capacity", .invalidChoice) }
        v.text("transferStatement", d.transferStatement, required: false, maxLength: 2000)
        v.text("motivation", d.motivation, required: false, maxLength: 4000)
        guard v.isValid else { throw AppError.validation(v.errors) }
        _ = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            let stored = try await profile.stored(on: scope.db)
            guard stored.status == .draft else { throw AppError.conflict(code: "profile_not_draft") }
            profile.country = country.value
            profile.years = d.years
            profile.storedFields = JSONList(d.fields.compactMap(ExperienceField.init(rawValue:)))
            profile.transferStatement = d.transferStatement.trimmingWhitespace()
            profile.storedSkills = JSONList(d.skills.map { ExpertProfile.SkillEntry(id: $0.id, level: $0.level) })
            profile.storedLanguages = JSONList(d.languages.compactMap { language in
                LanguageLevel(rawValue: UInt8(clamping: language.level)).map { ExpertProfile.LanguageEntry(code: language.code, level: $0) }
            })
            profile.hoursPerWeek = d.hoursPerWeek
            profile.availableFrom = d.availableFrom
            profile.availableUntil = d.availableUntil
            profile.capacity = d.capacity
            profile.proBono = d.proBono
            profile.workHours = d.workHours
            profile.publicCommunication = d.publicCommunication
            profile.valuesAlignment = d.valuesAlignment
            profile.motivation = d.motivation.trimmingWhitespace()
            profile.storedCountriesWorked = JSONList(d.countriesWorked.compactMap { CountryCode($0)?.value })
            profile.storedRegionsWorked = JSONList(d.regionsWorked.compactMap { WorldRegion($0)?.code })
            profile.storedSectors = JSONList(d.sectors.compactMap(WorkSector.init(rawValue:)))
            // The same details again (a retry, a second tab) change nothing and are not recorded again.
            guard profile.details != stored.details else { throw AuditLogService.NothingToChange() }
            profile.updatedAt = clock.now()
            try await profile.save(on: scope.db)
            try await scope.record(.expertUpdate, .expertProfile(profile.requireID()))
        }
    }

    /// Runs the automatic screening and moves the profile on: eligible, ineligible, or awaiting a coordinator.
    func submit(_ profile: ExpertProfile, by user: User) async throws -> Screening<ExpertCriterion> {
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            // Screens the profile as stored now, so the status never describes content it did not see.
            let stored = try await profile.stored(on: scope.db)
            let screening = ExpertScreening.screen(stored.application)
            let submitted = try ParticipationWorkflow.apply(.submit, to: stored.status)
            let next = try ParticipationWorkflow.apply(.screen(screening.overall), to: submitted)
            profile.status = next
            profile.storedScreening = ScreeningResult.results(screening)
            profile.updatedAt = clock.now()
            try await profile.save(on: scope.db)
            try await scope.record(.expertSubmit, .expertProfile(profile.requireID()),
                                   changes: ["status": next.rawValue, "screening": screening.overall.rawValue])
            if next == .screened {
                try await EngagementParties.tell(try await EngagementParties.coordinators(on: scope.db), "profile_to_screen",
                                                 arguments: [profile.fullName], link: RosterRoute.review.link(try profile.requireID()),
                                                 clock: clock, mailer: mailer, on: scope.db)
            }
            return screening
        }
    }
}

extension ExpertProfileService {
    /// A coordinator decides a profile awaiting review, or overrides a screening result, with a written reason that
    /// is audited and sent to the expert.
    func decide(_ profile: ExpertProfile, eligible: Bool, reason: String, by coordinator: User) async throws {
        let trimmed = reason.trimmingWhitespace()
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            let current = try await profile.stored(on: scope.db).status
            let next = try ParticipationWorkflow.Refusal.asAppError(notScreened: "profile_not_screened") { () throws(ParticipationWorkflow.Refusal) in
                try ParticipationWorkflow.coordinatorDecision(eligible: eligible, reason: reason, on: current)
            }
            profile.status = next
            profile.updatedAt = clock.now()
            try await profile.save(on: scope.db)
            try await scope.record(.expertDecide, .expertProfile(profile.requireID()), reason: trimmed, changes: ["status": next.rawValue])
            if let userID = profile.$user.id, let expert = try await User.find(userID, on: scope.db) {
                let language = expert.preferredLanguage ?? .fallback
                let status = mailer.catalogs.text("participation.\(next.rawValue)", language)
                try await Notifier(clock: clock).notify(userID, "notification.profile_decided", arguments: [status], link: ProfileRoute.show.link(), on: scope.db)
                try await mailer.enqueue(to: expert.email, language: language, kind: "profile_decided",
                                         arguments: [expert.displayName, status, trimmed], on: scope.db)
            }
        }
    }
}
