import App
import ArgumentParser

struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "Print what waits for one person, and what they started that waits for others.")

    @Option(help: "The person's e-mail address.") var email: String
    @Option(help: "Language of the messages: en, fr or es (default: the person's own).") var language: String?

    func run() async throws {
        let text = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
            do {
                return try await Platform.inboxText(app, email: email, language: language)
            } catch let error as Platform.CommandError {
                throw ValidationError(error.description)
            }
        }
        print(text)
    }
}
