import App
import ArgumentParser

struct ReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Secure reporting's housekeeping.",
        subcommands: [ShredExpired.self])

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
