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

    struct SkillRow: Encodable {
        let id: String
        let label: String
        let levels: [Option]
    }

    struct SkillGroupRows: Encodable {
        let label: String
        let skills: [SkillRow]
    }

    struct LanguageRow: Encodable {
        let row: Int
        let languages: [Option]
        let levels: [Option]
    }

    struct ScreeningRow: Encodable {
        let criterion: String
        let outcome: String
        let outcomeClass: String
        let reason: String
    }

    /// The last screening, one row per criterion, in the reader's language.
    static func screeningRows(_ p: ExpertProfile, _ req: Request) -> [ScreeningRow] {
        screeningRows(p.screening, req)
    }

    static func screeningRows(_ rows: [ScreeningResult], _ req: Request) -> [ScreeningRow] {
        rows.map {
            ScreeningRow(criterion: req.t("screening.criterion.\($0.criterion)"), outcome: req.t("screening.outcome.\($0.outcome)"),
                         outcomeClass: $0.outcome, reason: req.t("screening.\($0.reason)"))
        }
    }

    struct ProfilePage: Encodable {
        static let languageRows = 4

        let status: String
        let editable: Bool
        let form: FormState
        let countries: [Option]
        let countriesWorked: [Option]
        let regionsWorked: [Option]
        let sectors: [Option]
        let fields: [Option]
        let skillGroups: [SkillGroupRows]
        let languageRows: [LanguageRow]
        let from: String
        let until: String
        let checks: [Option]
        let screening: [ScreeningRow]
        let hasScreening: Bool
        let letter: LetterInfo?
    }

    /// The attached letter as the expert and staff see it.
    struct LetterInfo: Encodable {
        let filename: String
        let size: String
        let uploaded: String

        init(_ letter: AuthorisationLetter, _ req: Request) {
            filename = letter.filename
            size = req.t("profile.letter_size", String(max(1, (letter.byteCount + 1023) / 1024)))
            uploaded = CalendarDay.text(letter.uploadedAt)
        }
    }

    func page(_ req: Request, _ p: ExpertProfile, errors: [FieldError]) async throws -> View {
        let lang = req.language
        let taxonomy = req.application.taxonomy
        let levels = { (selected: Int?) in
            [Option(value: "", label: "—", selected: selected == nil)]
                + (1...3).map { Option(value: String($0), label: req.t("profile.skill_level.\($0)"), selected: $0 == selected) }
        }
        let skillLevels = Dictionary(p.skills.map { ($0.id, $0.level) }, uniquingKeysWith: { $1 })
        let groups = taxonomy.groups.map { group in
            SkillGroupRows(label: group.labels[lang], skills: taxonomy.skills.filter { $0.group == group.id }.map {
                SkillRow(id: $0.id, label: $0.labels[lang], levels: levels(skillLevels[$0.id]))
            })
        }
        let allLanguages = LanguageCode.sortedNames(in: lang)
        let known = p.languages
        let languageRows = (1...ProfilePage.languageRows).map { row in
            let current = row <= known.count ? known[row - 1] : nil
            return LanguageRow(
                row: row,
                languages: [Option(value: "", label: "—", selected: current == nil)]
                    + allLanguages.map { Option(value: $0.code, label: $0.name, selected: $0.code == current?.code) },
                levels: LanguageLevel.allCases.map {
                    Option(value: String($0.rawValue), label: req.t("profile.language_level.\($0.rawValue)"), selected: $0 == (current?.level ?? .working))
                })
        }
        let countryNames = CountryCode.sortedNames(in: lang)
        let countries = countryNames.map { Option(value: $0.code, label: $0.name, selected: $0.code == p.country) }
        let worked = Set(p.countriesWorked.map(\.value)), regions = Set(p.regionsWorked.map(\.code))
        let checks = [("proBono", p.proBono), ("workHours", p.workHours), ("publicCommunication", p.publicCommunication),
                      ("valuesAlignment", p.valuesAlignment)].map { Option(value: $0.0, label: req.t("profile.attest.\($0.0)"), selected: $0.1 == true) }
        let screening = Self.screeningRows(p, req)
        return try await req.page("profile", title: "profile.title", ProfilePage(
            status: req.t("participation.\(p.status.rawValue)"), editable: p.status == .draft,
            form: FormState(values: ["years": p.years.map(String.init) ?? "", "transferStatement": p.transferStatement ?? "",
                                     "hoursPerWeek": p.hoursPerWeek.map(String.init) ?? "", "capacity": String(p.capacity ?? 1),
                                     "motivation": p.motivation ?? ""], errors: errors, on: req),
            countries: countries,
            countriesWorked: countryNames.map { Option(value: $0.code, label: $0.name, selected: worked.contains($0.code)) },
            regionsWorked: WorldRegion.sortedNames(in: lang).map { Option(value: $0.code, label: $0.name, selected: regions.contains($0.code)) },
            sectors: Option.cases(WorkSector.allCases, labels: "work_sector", selected: p.sectors.map(\.rawValue), req),
            fields: Option.cases(ExperienceField.allCases, labels: "profile.field", selected: p.experienceFields.map(\.rawValue), req),
            skillGroups: groups, languageRows: languageRows,
            from: CalendarDay.text(p.availableFrom, none: ""),
            until: CalendarDay.text(p.availableUntil, none: ""),
            checks: checks, screening: screening, hasScreening: !screening.isEmpty,
            letter: try await req.registry.authorisationLetters.letter(of: p).map { LetterInfo($0, req) }))
    }
}
