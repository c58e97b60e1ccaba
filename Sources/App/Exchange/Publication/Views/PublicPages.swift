import ExchangeCore
import Foundation

/// A publication as the public pages render it, shared with the coordinator's preview.
struct PublicText: Encodable, Sendable, Equatable {
    struct Item: Encodable, Sendable, Equatable { let heading: String; let text: String }
    let title: String
    let items: [Item]

    init(title: String, texts: [PublicationItem: String], _ text: some Translating) {
        self.title = title
        items = PublicationItem.allCases.compactMap { item in
            texts[item].map { Item(heading: text.t("publication.item.\(item.rawValue)"), text: $0) }
        }
    }
}

/// A published exchange as the public pages list it.
struct PublishedExchange: Sendable {
    let engagement: UUID
    let needTitle: String
    let texts: [PublicationItem: String]
    let publishedAt: Date
}

/// Every published exchange, newest first.
struct PublicListPage: PageModel {
    static let template = "public_list"
    let titleKey = "public.title"

    struct Row: Encodable, Sendable, Equatable { let href: String; let title: String; let summary: String?; let published: String }
    let rows: [Row]

    init(published: [PublishedExchange], text: some Translating) {
        rows = published.map {
            Row(href: PublicRoute.show.link($0.engagement), title: $0.needTitle, summary: $0.texts[.summary], published: text.day($0.publishedAt))
        }
    }
}

/// One published exchange, exactly as the coordinator previewed it.
struct PublicExchangePage: PageModel {
    static let template = "public_exchange"
    let titleKey = "public.exchange_title"

    let text: PublicText
    let published: String

    init(_ exchange: PublishedExchange, text translate: some Translating) {
        text = PublicText(title: exchange.needTitle, texts: exchange.texts, translate)
        published = translate.day(exchange.publishedAt)
    }
}

/// The lessons of every published exchange that consented to share them.
struct PublicLessonsPage: PageModel {
    static let template = "public_lessons"
    let titleKey = "public.lessons_title"

    struct Lesson: Encodable, Sendable, Equatable { let href: String; let title: String; let text: String }
    let lessons: [Lesson]

    init(published: [PublishedExchange]) {
        lessons = published.compactMap { p in p.texts[.lessons].map { Lesson(href: PublicRoute.show.link(p.engagement), title: p.needTitle, text: $0) } }
    }
}
