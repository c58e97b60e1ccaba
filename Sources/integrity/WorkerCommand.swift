import App
import ArgumentParser
import Foundation

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run background jobs (batch proposals, red-flag runs) from the shared database until stopped.",
        discussion: """
            Any number of workers and servers may share one PostgreSQL database; each job is claimed by one worker and \
            reclaimed by another if its worker dies. SIGTERM stops claiming and hands running jobs back.
            """)

    @Option(help: "Jobs to run at once (default: WORKER_CONCURRENCY or 1).")
    var concurrency: Int?

    func run() async throws {
        let config = try Bootstrap.configuration()
        let count = concurrency ?? config.workerConcurrency
        guard (1...64).contains(count) else { throw ValidationError("--concurrency must be 1–64") }
        try await Bootstrap.withApplication(config) { app in
            try await Platform.runWorker(app, concurrency: count)
        }
    }
}

struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "See and retry background jobs.", subcommands: [List.self, Retry.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The newest 100 jobs, as tab-separated lines.")

        @Option(help: "Only jobs in this status: queued, running, completed or failed.")
        var status: String?

        func run() async throws {
            let rows = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                try await Platform.jobs(app, status: status)
            }
            print(["id", "kind", "status", "attempts", "progress", "error"].joined(separator: "\t"))
            for row in rows {
                print([row.id.uuidString.lowercased(), row.kind, row.status, String(row.attempts), row.progress, row.error ?? ""]
                    .joined(separator: "\t"))
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue a job that failed for good again.")

        @Argument(help: "The job's id.")
        var id: String

        func run() async throws {
            guard let uuid = UUID(uuidString: id) else { throw ValidationError("not a job id: \(id)") }
            let queued = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                try await Platform.retryJob(app, id: uuid)
            }
            guard queued else { throw ValidationError("no failed job with id \(id)") }
            print("Queued again.")
        }
    }
}
