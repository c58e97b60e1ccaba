import ExchangeCore
import Foundation

/// A profile's details as label/value lines, for the coordinator who screens it.
struct ExpertProfileFacts {
    struct Line: Encodable, Sendable, Equatable {
        let label: String
        let value: String
    }

    static func lines(_ p: ExpertProfile, taxonomy: SkillsTaxonomy, _ req: some Translating) -> [Line] {
        let lang = req.language
        let list = { (items: [String]) in items.isEmpty ? "—" : items.joined(separator: ", ") }
        return [
            Line(label: req.t("expert_review.organisation"), value: p.organisationName),
            Line(label: req.t("profile.country"), value: CountryCode(p.country)?.name(in: lang) ?? "—"),
            Line(label: req.t("profile.years"), value: p.years.map(String.init) ?? "—"),
            Line(label: req.t("profile.fields"), value: list(ExperienceField.allCases.filter(p.experienceFields.contains).map { req.t("profile.field.\($0.rawValue)") })),
            Line(label: req.t("expert_review.transfer"), value: (p.transferStatement ?? "").isEmpty ? "—" : p.transferStatement!),
            Line(label: req.t("profile.skills"), value: list(p.skills.map {
                "\(taxonomy.skill($0.id)?.labels[lang] ?? $0.id) (\($0.level))"
            })),
            Line(label: req.t("profile.languages"), value: list(p.languages.map {
                "\(LanguageCode($0.code)?.name(in: lang) ?? $0.code) (\(req.t("profile.language_level.\($0.level.rawValue)")))"
            })),
            Line(label: req.t("expert_review.countries_worked"), value: list(p.countriesWorked.map { $0.name(in: lang) })),
            Line(label: req.t("expert_review.regions"), value: list(p.regionsWorked.sorted().map { $0.name(in: lang) })),
            Line(label: req.t("expert_review.sectors"), value: list(WorkSector.allCases.filter(p.sectors.contains).map { req.t("work_sector.\($0.rawValue)") })),
            Line(label: req.t("profile.availability"), value: "\(req.day(p.availableFrom, none: "—")) – \(req.day(p.availableUntil, none: "—"))"),
            Line(label: req.t("profile.hours"), value: p.hoursPerWeek.map(String.init) ?? "—"),
            Line(label: req.t("profile.capacity"), value: p.capacity.map(String.init) ?? "—"),
            Line(label: req.t("expert_review.motivation"), value: (p.motivation ?? "").isEmpty ? "—" : p.motivation!),
        ]
    }
}
