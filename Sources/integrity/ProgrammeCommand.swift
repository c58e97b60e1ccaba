import App
import ArgumentParser
import Foundation

struct ProgrammeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme", abstract: "The programme's figures from live data.", subcommands: [Summary.self])

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the programme summary (exchanges by stage, KPIs 1–3, success indicators, publications) as JSON.")

        @Option(help: "Language of the labels: en, fr or es.") var language = "en"

        func run() async throws {
            let json = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                do {
                    return try await Platform.programmeSummaryJSON(app, language: language)
                } catch let error as Platform.CommandError {
                    throw ValidationError(error.description)
                }
            }
            print(json)
        }
    }
}
