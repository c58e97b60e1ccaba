import ExchangeCore
import Foundation

/// An expert's own profile: the form while it is a draft, and the last screening per criterion.
struct ProfilePage: PageModel {
    static let template = "profile"
    let titleKey = "profile.title"
    static let languageRows = 4

    struct SkillRow: Encodable, Sendable {
        let id: String
        let label: String
        let levels: [Option]
    }

    struct SkillGroupRows: Encodable, Sendable {
        let label: String
        let skills: [SkillRow]
    }

    struct LanguageRow: Encodable, Sendable {
        let row: Int
        let languages: [Option]
        let levels: [Option]
    }

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

    init(profile p: ExpertProfile, letter: AuthorisationLetter?, errors: [FieldError], taxonomy: SkillsTaxonomy, text: some Translating) {
        let language = text.language
        status = text.t("participation.\(p.status.rawValue)")
        editable = p.status == .draft
        form = FormState(values: ["years": p.years.map(String.init) ?? "", "transferStatement": p.transferStatement ?? "",
                                  "hoursPerWeek": p.hoursPerWeek.map(String.init) ?? "", "capacity": String(p.capacity ?? 1),
                                  "motivation": p.motivation ?? ""], errors: errors, on: text)
        let countryNames = CountryCode.sortedNames(in: language)
        let worked = Set(p.countriesWorked.map(\.value)), regions = Set(p.regionsWorked.map(\.code))
        countries = countryNames.map { Option(value: $0.code, label: $0.name, selected: $0.code == p.country) }
        countriesWorked = countryNames.map { Option(value: $0.code, label: $0.name, selected: worked.contains($0.code)) }
        regionsWorked = WorldRegion.sortedNames(in: language).map { Option(value: $0.code, label: $0.name, selected: regions.contains($0.code)) }
        sectors = Option.cases(WorkSector.allCases, labels: "work_sector", selected: p.sectors.map(\.rawValue), text)
        fields = Option.cases(ExperienceField.allCases, labels: "profile.field", selected: p.experienceFields.map(\.rawValue), text)
        skillGroups = Self.skillGroups(levels: Dictionary(p.skills.map { ($0.id, $0.level) }, uniquingKeysWith: { $1 }), taxonomy: taxonomy, text: text)
        languageRows = Self.languageRows(p.languages, text: text)
        from = CalendarDay.text(p.availableFrom, none: "")
        until = CalendarDay.text(p.availableUntil, none: "")
        checks = [("proBono", p.proBono), ("workHours", p.workHours), ("publicCommunication", p.publicCommunication),
                  ("valuesAlignment", p.valuesAlignment)].map { Option(value: $0.0, label: text.t("profile.attest.\($0.0)"), selected: $0.1 == true) }
        screening = ScreeningRow.rows(p.screening, text)
        hasScreening = !screening.isEmpty
        self.letter = letter.map { LetterInfo($0, text) }
    }

    private static func skillGroups(levels: [String: Int], taxonomy: SkillsTaxonomy, text: some Translating) -> [SkillGroupRows] {
        let choices = { (selected: Int?) in
            [Option(value: "", label: "—", selected: selected == nil)]
                + (1...3).map { Option(value: String($0), label: text.t("profile.skill_level.\($0)"), selected: $0 == selected) }
        }
        return taxonomy.groups.map { group in
            SkillGroupRows(label: group.labels[text.language], skills: taxonomy.skills.filter { $0.group == group.id }.map {
                SkillRow(id: $0.id, label: $0.labels[text.language], levels: choices(levels[$0.id]))
            })
        }
    }

    private static func languageRows(_ known: [(code: String, level: LanguageLevel)], text: some Translating) -> [LanguageRow] {
        let all = LanguageCode.sortedNames(in: text.language)
        return (1...languageRows).map { row in
            let current = row <= known.count ? known[row - 1] : nil
            return LanguageRow(
                row: row,
                languages: [Option(value: "", label: "—", selected: current == nil)]
                    + all.map { Option(value: $0.code, label: $0.name, selected: $0.code == current?.code) },
                levels: LanguageLevel.allCases.map {
                    Option(value: String($0.rawValue), label: text.t("profile.language_level.\($0.rawValue)"), selected: $0 == (current?.level ?? .working))
                })
        }
    }
}
