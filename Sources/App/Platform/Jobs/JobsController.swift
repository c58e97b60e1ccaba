import ExchangeCore
import Fluent
import Vapor

/// Administrators watch the background job queue and retry what failed for good.
struct JobsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(JobsRoute.list, use: list)
        routes.on(JobsRoute.retry, use: retry)
    }

    struct Row: Encodable {
        let id: String
        let kind: String
        let status: String
        let attempts: String
        let progress: String
        let error: String?
        let updated: String
        let retryable: Bool
    }

    struct ListPage: Encodable {
        let jobs: [Row]
        let hasJobs: Bool
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .jobQueue)
        let jobs = try await JobRecord.query(on: req.db).sort(\.$updatedAt, .descending).limit(200).all().map { try row($0, req) }
        return try await req.page("jobs", title: "jobs.title", ListPage(jobs: jobs, hasJobs: !jobs.isEmpty))
    }

    @Sendable func retry(req: Request) async throws -> Response {
        try req.authorize(.update, .jobQueue)
        guard try await Platform.retryJob(req.application, id: req.uuidParameter(), by: .user(req.requireUser().requireID())) else {
            throw AppError.conflict(code: "job_not_failed")
        }
        req.flash("jobs.retried")
        return req.redirect(to: JobsRoute.list.link())
    }

    private func row(_ job: JobRecord, _ req: Request) throws -> Row {
        let progress = job.total > 0 ? req.t("jobs.progress_of", req.number(job.done), req.number(job.total)) : ""
        return Row(id: try job.requireID().uuidString.lowercased(), kind: req.t("jobs.kind.\(job.kind.rawValue)"),
                   status: req.t("jobs.status.\(job.status.rawValue)"),
                   attempts: req.t("jobs.attempts_of", req.number(job.attempts), req.number(job.maxAttempts)),
                   progress: progress, error: job.error.map { req.t($0) }, updated: req.dateTime(job.updatedAt),
                   retryable: job.status == .failed)
    }
}
