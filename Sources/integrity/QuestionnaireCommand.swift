import App
import ArgumentParser
import Foundation

struct QuestionnaireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questionnaire",
        abstract: "Reporting subjects' questionnaires: list, install the models, export, check and publish.",
        discussion: "A questionnaire file is the JSON that `export` writes and the API's /report-subjects/{id}/questionnaire reads.",
        subcommands: [List.self, Seed.self, Export.self, Check.self, Publish.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Each subject's key, channel, current version and longest path.")

        func run() async throws {
            let lines = try await Bootstrap.withApplication(try Bootstrap.configuration()) { try await Platform.reportSubjectLines($0) }
            print(lines.isEmpty ? "No reporting subjects yet (integrity questionnaire seed adds the three models)." : lines.joined(separator: "\n"))
        }
    }

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the three model subjects (bribery in a public service, procurement fraud, misconduct by an official) where missing.")

        func run() async throws {
            let count = try await Bootstrap.withApplication(try Bootstrap.configuration()) { try await Platform.seedReportSubjects($0) }
            print("\(count) reporting subjects.")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a subject's current questionnaire as JSON.")

        @Argument(help: "The subject's key.") var subject: String
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            let (version, json) = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                try await commandLine { try await Platform.exportQuestionnaire(app, subject: subject) }
            }
            guard let output else { print(String(decoding: json, as: UTF8.self)); return }
            try json.write(to: URL(fileURLWithPath: output))
            print("Wrote version \(version) of \(subject) to \(output); publish an edit with --base \(version).")
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the builder's check on a questionnaire file; exits 1 when it finds a problem.")

        @Argument(help: "The questionnaire file (JSON).") var file: String

        func run() async throws {
            let json = try readFile(file)
            let (path, problems) = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                try await commandLine { try Platform.checkQuestionnaire(app, json: json) }
            }
            print("Longest path: \(path.count) questions: \(path.joined(separator: ", "))")
            guard problems.isEmpty else { throw ValidationError("\(problems.count) problems:\n" + problems.joined(separator: "\n")) }
            print("No problem found.")
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish a questionnaire file as a subject's next version, after the check.")

        @Argument(help: "The subject's key.") var subject: String
        @Argument(help: "The questionnaire file (JSON).") var file: String
        @Option(help: "The version the edit started from; refused when another has been published since.") var base: Int?

        func run() async throws {
            let json = try readFile(file)
            let version = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                try await commandLine { try await Platform.publishQuestionnaire(app, subject: subject, json: json, base: base) }
            }
            print(version.map { "Published version \($0) of \(subject)." } ?? "Nothing changed: this is already the current version of \(subject).")
        }
    }
}

private func readFile(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
    return data
}

/// A command's refusal as the command line shows it: the message, and a non-zero exit.
private func commandLine<T>(_ work: () async throws -> T) async throws -> T {
    do {
        return try await work()
    } catch let error as Platform.CommandError {
        throw ValidationError(error.description)
    }
}
