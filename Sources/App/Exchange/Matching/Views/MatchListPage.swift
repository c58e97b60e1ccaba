import ExchangeCore
import Foundation

/// The proposed matches a reader may see, a page at a time.
struct MatchListPage: PageModel {
    static let template = "matches"
    let titleKey = "match.list_title"

    struct Row: Encodable, Sendable, Equatable {
        let href: String
        let need: String
        let expert: String
        let stage: String
        let score: String
    }

    /// One match in the list.
    struct Item: Sendable {
        let id: UUID
        let needTitle: String
        let expert: String
        let stage: EngagementStage
        let score: Double
    }

    let rows: [Row]
    let pager: Pager

    init(items: [Item], total: Int, page: Int, text: some Translating) {
        rows = items.map {
            Row(href: MatchRoute.show.link($0.id), need: $0.needTitle, expert: $0.expert, stage: text.t("engagement.stage.\($0.stage.rawValue)"),
                score: ScoreText.percent($0.score, text))
        }
        pager = Pager(page: page, path: MatchRoute.list.link(), total: total, text: text)
    }
}
