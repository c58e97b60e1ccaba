import ExchangeCore
import Fluent
import Vapor

/// Administrators watch the background job queue and retry what failed for good.
struct JobsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(JobsRoute.list, use: list)
        routes.on(JobsRoute.retry, use: retry)
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .jobQueue)
        return try await req.page(try JobListPage(jobs: try await JobRecord.query(on: req.db).sort(\.$updatedAt, .descending).limit(200).all(), text: req))
    }

    @Sendable func retry(req: Request) async throws -> Response {
        try req.authorize(.update, .jobQueue)
        guard try await Platform.retryJob(req.application, id: req.uuidParameter(), by: .user(req.requireUser().requireID())) else {
            throw AppError.conflict(code: "job_not_failed")
        }
        req.flash("jobs.retried")
        return req.redirect(to: JobsRoute.list.link())
    }
}
