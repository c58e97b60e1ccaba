import ExchangeCore
import Fluent
import Vapor

/// What anyone may read without an account: published exchanges and their lessons, exactly as coordinators
/// previewed them, with each side's consent.
struct PublicController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(PublicRoute.list, use: list)
        routes.on(PublicRoute.show, use: show)
        routes.on(PublicRoute.lessons, use: lessons)
    }

    struct Row: Encodable { let href: String; let title: String; let summary: String?; let published: String }

    @Sendable func list(req: Request) async throws -> View {
        let rows = try await req.registry.publications.published().map {
            Row(href: PublicRoute.show.link($0.$engagement.id), title: $0.needTitle, summary: $0.texts[.summary], published: CalendarDay.text($0.publishedAt))
        }
        struct ListPage: Encodable { let rows: [Row] }
        return try await req.page("public_list", title: "public.title", ListPage(rows: rows))
    }

    @Sendable func show(req: Request) async throws -> View {
        let id = try req.uuidParameter()
        guard let publication = try await Publication.query(on: req.db).filter(\.$engagement.$id == id).first() else { throw AppError.notFound }
        struct ShowPage: Encodable { let text: PublicText; let published: String }
        return try await req.page("public_exchange", title: "public.exchange_title", ShowPage(
            text: PublicText(title: publication.needTitle, texts: publication.texts, req), published: CalendarDay.text(publication.publishedAt)))
    }

    @Sendable func lessons(req: Request) async throws -> View {
        struct Lesson: Encodable { let href: String; let title: String; let text: String }
        let lessons = try await req.registry.publications.published().compactMap { p in
            p.texts[.lessons].map { Lesson(href: PublicRoute.show.link(p.$engagement.id), title: p.needTitle, text: $0) }
        }
        struct LessonsPage: Encodable { let lessons: [Lesson] }
        return try await req.page("public_lessons", title: "public.lessons_title", LessonsPage(lessons: lessons))
    }
}
