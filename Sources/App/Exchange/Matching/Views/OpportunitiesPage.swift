import ExchangeCore
import Foundation

/// Open, screened needs an expert can see, each with the expert's stance on it.
struct OpportunitiesPage: PageModel {
    static let template = "opportunities"
    let titleKey = "opportunities.title"

    struct Card: Encodable, Sendable, Equatable {
        let id: String
        let title: String
        let country: String
        let supportAreas: String
        let skills: String
        let languages: String
        let period: String
        let outputs: String
        let stances: [Option]
        let current: String
    }

    /// An open need as the expert reads it, with the body's country and the expert's stance.
    struct Opening: Sendable {
        let id: UUID
        let draft: NeedDraft
        let country: String
        let stance: NeedInterest.Stance
    }

    let hasProfile: Bool
    let cards: [Card]

    /// `openings` is nil for an expert who has no profile yet.
    init(openings: [Opening]?, taxonomy: SkillsTaxonomy, text: some Translating) {
        let language = text.language
        hasProfile = openings != nil
        cards = (openings ?? []).map { o in
            let d = o.draft
            return Card(
                id: o.id.pathSegment, title: d.title, country: CountryCode(o.country)?.name(in: language) ?? o.country,
                supportAreas: d.supportAreas.map { text.t("support_area.\($0)") }.joined(separator: " · "),
                skills: (d.requiredSkills + d.preferredSkills).compactMap { taxonomy.skill($0)?.labels[language] }.joined(separator: " · "),
                languages: d.languages.map { LanguageCode($0)?.name(in: language) ?? $0 }.joined(separator: " · "),
                period: text.t("opportunities.period", text.day(d.preferredStart, none: "—"), String(d.duration)),
                outputs: d.expectedOutputs,
                stances: Option.cases(NeedInterest.Stance.allCases, labels: "opportunities.stance", selected: o.stance.rawValue, text),
                current: text.t("opportunities.stance.\(o.stance.rawValue)"))
        }
    }
}
