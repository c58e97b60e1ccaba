import ExchangeCore
import Foundation

/// Who fits a need, and why: each candidate's score per criterion, and who was left out for what.
struct CandidatesPage: PageModel {
    static let template = "candidates"
    let titleKey = "candidates.title"
    static let shownCriteria: [MatchCriterion] = [.skills, .region, .language, .availability, .experience]

    struct Cell: Encodable, Sendable, Equatable { let value: String }

    struct Row: Encodable, Sendable, Equatable {
        let rank: Int
        let name: String
        let organisation: String
        let score: String
        let criteria: [Cell]
    }

    let needTitle: String
    let needHref: String
    let criteria: [String]
    let rows: [Row]
    let hasRows: Bool
    let excluded: [String]
    let hasExcluded: Bool

    /// `people` names the ranking's candidates by their index: (name, organisation).
    init(need: UUID, needTitle: String, ranking: Ranking, people: [(name: String, organisation: String)], text: some Translating) {
        self.needTitle = needTitle
        needHref = NeedRoute.show.link(need)
        criteria = Self.shownCriteria.map { text.t("criterion.\($0.rawValue)") }
        rows = ranking.candidates.enumerated().map { index, ranked in
            let person = people[Int(ranked.candidate)]
            return Row(rank: index + 1, name: person.name, organisation: person.organisation, score: ScoreText.percent(ranked.score, text),
                       criteria: Self.shownCriteria.map { Cell(value: ranked.breakdown[$0].map { ScoreText.percent($0, text) } ?? "—") })
        }
        hasRows = !rows.isEmpty
        excluded = ScoreText.exclusions(text) { ranking.excluded[$0] }
        hasExcluded = !excluded.isEmpty
    }
}
