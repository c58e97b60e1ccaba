import App
import ArgumentParser

struct RemindersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders",
        abstract: "Send the reminders running engagements are due (overdue actions and work, no recent activity), once each.",
        discussion: "The server does this every REMINDER_INTERVAL_MINUTES; set it to 0 and run this from cron instead if you prefer.")

    func run() async throws {
        let sent = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
            try await Platform.sendReminders(app)
        }
        print("Sent \(sent) reminders.")
    }
}
