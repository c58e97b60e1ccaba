import ExchangeCore
import Fluent
import Vapor

/// An expert's own profile: complete it, save it, submit it for screening, and see the result per criterion.
struct ProfileController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ProfileRoute.show, use: show)
        routes.on(ProfileRoute.save, use: save)
        routes.on(ProfileRoute.submit, use: submit)
    }

    /// Numbers arrive as text: an empty number box is simply "not given", not an unreadable form.
    struct Form: Content {
        var country: String?
        var years: String?
        var fields: [String]?
        var transferStatement: String?
        var hoursPerWeek: String?
        var availableFrom: String?
        var availableUntil: String?
        var capacity: String?
        var proBono: String?
        var workHours: String?
        var publicCommunication: String?
        var valuesAlignment: String?
        var motivation: String?
        var countriesWorked: [String]?
        var regionsWorked: [String]?
        var sectors: [String]?
    }

    /// Skills arrive as skill_<id> = level, languages as language_<n> / level_<n> rows.
    static func details(_ req: Request) throws -> ExpertProfileService.Details {
        let form = try req.content.decode(Form.self)
        var numbers = ExchangeCore.Validator()
        let years = number("years", form.years, &numbers)
        let hours = number("hoursPerWeek", form.hoursPerWeek, &numbers)
        let capacity = number("capacity", form.capacity, &numbers)
        guard numbers.isValid else { throw AppError.validation(numbers.errors) }
        let skills = req.application.taxonomy.skills.compactMap { skill -> (id: String, level: Int)? in
            guard let raw = try? req.content.get(String.self, at: "skill_\(skill.id)"), let level = Int(raw), level > 0 else { return nil }
            return (skill.id, level)
        }
        let languages = (1...ProfilePage.languageRows).compactMap { row -> (code: String, level: Int)? in
            guard let code = try? req.content.get(String.self, at: "language_\(row)"), !code.isEmpty,
                  let level = (try? req.content.get(String.self, at: "level_\(row)")).flatMap(Int.init) else { return nil }
            return (code, level)
        }
        return ExpertProfileService.Details(
            country: form.country ?? "", years: years, fields: form.fields ?? [], transferStatement: form.transferStatement ?? "",
            skills: skills, languages: languages, hoursPerWeek: hours,
            availableFrom: form.availableFrom.flatMap(CalendarDay.parse), availableUntil: form.availableUntil.flatMap(CalendarDay.parse),
            capacity: capacity, proBono: form.proBono == "on", workHours: form.workHours == "on",
            publicCommunication: form.publicCommunication == "on", valuesAlignment: form.valuesAlignment == "on",
            motivation: form.motivation ?? "", countriesWorked: form.countriesWorked ?? [], regionsWorked: form.regionsWorked ?? [],
            sectors: form.sectors ?? [])
    }

    /// Empty is nil; anything else must be a whole number.
    static func number(_ field: String, _ text: String?, _ v: inout ExchangeCore.Validator) -> Int? {
        guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        guard let value = Int(text) else {
            v.add(field, .invalidChoice)
            return nil
        }
        return value
    }

    @Sendable func show(req: Request) async throws -> View {
        let profile = try await req.registry.expertProfiles.profile(for: try req.requireUser())
        return try await page(req, profile, errors: [])
    }

    @Sendable func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let profile = try await req.registry.expertProfiles.profile(for: user)
        return try await req.formAgainIfInvalid {
            let details = try Self.details(req)
            try await req.registry.expertProfiles.save(details, to: profile, by: user)
            req.flash("profile.saved")
            return req.redirect(to: ProfileRoute.show.link())
        } form: { errors in
            try await page(req, profile, errors: errors)
        }
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let profile = try await req.registry.expertProfiles.profile(for: user)
        let screening = try await req.registry.expertProfiles.submit(profile, by: user)
        req.flash("profile.screened.\(screening.overall.rawValue)")
        return req.redirect(to: ProfileRoute.show.link())
    }

    func page(_ req: Request, _ p: ExpertProfile, errors: [FieldError]) async throws -> View {
        try await req.page(ProfilePage(profile: p, letter: try await req.registry.authorisationLetters.letter(of: p), errors: errors,
                                       taxonomy: req.application.taxonomy, text: req))
    }
}
