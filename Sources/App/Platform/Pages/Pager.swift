import Foundation
import Vapor

/// A long list shown a page at a time: which rows to read, and the links to the pages beside this one, keeping the
/// list's filters. Lists that grow with a programme (matches, needs, the audit log) are never read whole.
struct Pager: Encodable, Sendable {
    static let perPage = 50
    /// Far past any real list, and small enough that the row arithmetic never overflows.
    static let lastPage = 1_000_000

    let page: Int
    let totalText: String
    let previousHref: String?
    let nextHref: String?

    /// `keep` are the filters the links carry; the page number comes from `?page=`.
    init(_ req: Request, path: String, total: Int, keep: [URLQueryItem] = []) {
        self.init(page: Self.page(req), path: path, total: total, keep: keep, text: req)
    }

    init(page: Int, path: String, total: Int, keep: [URLQueryItem] = [], text: some Translating) {
        func link(_ number: Int) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems = keep + [URLQueryItem(name: "page", value: String(number))]
            return components.string ?? path
        }
        self.page = page
        totalText = text.number(total)
        previousHref = page > 1 ? link(page - 1) : nil
        nextHref = page * Self.perPage < total ? link(page + 1) : nil
    }

    static func page(_ req: Request) -> Int { min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), lastPage) }

    /// The rows of the requested page, for `QueryBuilder.range`.
    static func rows(_ req: Request) -> Range<Int> {
        let page = page(req)
        return ((page - 1) * perPage)..<(page * perPage)
    }
}
