import ExchangeCore
import Foundation

/// The needs a reader may see, a page at a time, with the search that chose them.
struct NeedListPage: PageModel {
    static let template = "needs"
    let titleKey = "needs.title"

    struct Item: Encodable, Sendable, Equatable {
        let title: String
        let href: String
        let organisation: String
        let status: String
    }

    let items: [Item]
    let hasItems: Bool
    let canCreate: Bool
    let query: String
    let statuses: [Option]
    let pager: Pager

    init(rows: [NeedList.Row], total: Int, page: Int, search: ListSearch, canCreate: Bool, text: some Translating) {
        items = rows.map {
            Item(title: $0.title, href: NeedRoute.show.link($0.id), organisation: $0.organisation, status: text.t("participation.\($0.status.rawValue)"))
        }
        hasItems = !items.isEmpty
        self.canCreate = canCreate
        query = search.text
        statuses = search.statusOptions(text)
        pager = Pager(page: page, path: NeedRoute.list.link(), total: total, keep: search.queryItems, text: text)
    }
}
