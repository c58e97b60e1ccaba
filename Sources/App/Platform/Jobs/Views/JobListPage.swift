import ExchangeCore
import Foundation

/// The background jobs, newest change first, each with its progress and, when it failed, a retry.
struct JobListPage: PageModel {
    static let template = "jobs"
    let titleKey = "jobs.title"

    struct Row: Encodable, Sendable, Equatable {
        let id: String
        let kind: String
        let status: String
        let attempts: String
        let progress: String
        let error: String?
        let updated: String
        let retryable: Bool
    }

    let jobs: [Row]
    let hasJobs: Bool

    init(jobs: [JobRecord], text: some Translating) throws {
        self.jobs = try jobs.map { job in
            Row(id: try job.requireID().pathSegment, kind: text.t("jobs.kind.\(job.kind.rawValue)"), status: text.t("jobs.status.\(job.status.rawValue)"),
                attempts: text.t("jobs.attempts_of", text.number(job.attempts), text.number(job.maxAttempts)),
                progress: job.total > 0 ? text.t("jobs.progress_of", text.number(job.done), text.number(job.total)) : "",
                error: job.error.map { text.t($0) }, updated: text.dateTime(job.updatedAt), retryable: job.status == .failed)
        }
        hasJobs = !self.jobs.isEmpty
    }
}
