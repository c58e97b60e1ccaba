import App
import ArgumentParser
import Foundation

struct ReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Secure reporting's housekeeping.",
        subcommands: [ShredExpired.self, Statistics.self, Bench.self])

    struct Statistics: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the public report statistics of the last 12 months, with every count under 5 hidden, as CSV (see docs/report-statistics.md) or JSON.")

        @Flag(help: "JSON, as GET /api/v1/report-statistics answers, instead of CSV.") var json = false

        func run() async throws {
            print(try await Bootstrap.withApplication(try Bootstrap.configuration()) { try await Platform.reportStatistics($0, json: json) })
        }
    }

    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract: "Measure submissions and the public statistics on a fresh data directory (build with -c release); prints JSON.")

        @Option(help: "Submissions timed one after another, with the KDF and without it.") var submissions = 20
        @Option(help: "Submissions sent at once, for the sustained rate and the peak memory.") var burst = 50
        @Option(help: "Complaints written for the statistics' timing.") var complaints = 100_000

        func validate() throws {
            guard submissions > 0, burst > 0, complaints >= 0 else { throw ValidationError("--submissions and --burst must be ≥ 1, --complaints ≥ 0") }
        }

        func run() async throws {
            var configuration = try Bootstrap.configuration()
            // It measures what the server can take, not the limits an installation sets on it.
            (configuration.reportSubmissions, configuration.reportSubmissionsPerSubject) = (1_000_000, 1_000_000)
            let result = try await Bootstrap.withApplication(configuration) { app in
                try await ReportBenchmark.run(app, submissions: submissions, burst: burst, complaints: complaints)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        }
    }

    struct ShredExpired: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "shred-expired",
            abstract: "Destroy the keys and sealed content of reports whose retention has ended (once each).",
            discussion: "The server queues this daily; set REMINDER_INTERVAL_MINUTES to 0 and run this from cron instead if you prefer.")

        func run() async throws {
            let shredded = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                try await Platform.shredExpiredReports(app)
            }
            print("Shredded \(shredded) reports.")
        }
    }
}
