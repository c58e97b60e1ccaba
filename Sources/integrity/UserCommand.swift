import App
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an active account. The password is prompted for, or read from standard input; never an argument.")

        @Option(help: "E-mail address (the login).")
        var email: String

        @Option(help: "coordinator, public_participant, expert, evaluator, analyst or administrator.")
        var role: String

        @Option(help: "Name shown to others (default: the part of the e-mail before @).")
        var name: String?

        @Option(help: "Id of the person's organisation.")
        var organisation: String?

        func run() async throws {
            let organisationID: UUID?
            if let organisation {
                guard let id = UUID(uuidString: organisation) else { throw ValidationError("--organisation must be an organisation id (UUID)") }
                organisationID = id
            } else {
                organisationID = nil
            }
            let password = try PasswordInput.read()
            let displayName = name ?? String(email.split(separator: "@").first ?? "")
            try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                do {
                    let id = try await Platform.createUser(app, email: email, displayName: displayName, role: role,
                                                           organisationID: organisationID, password: password)
                    print("Created account \(id.uuidString.lowercased()) with role \(role).")
                } catch let error as Platform.CommandError {
                    throw ValidationError(error.description)
                }
            }
        }
    }
}

/// Reads a password without echo from a terminal, or as one line from piped standard input.
enum PasswordInput {
    static func read() throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            guard let first = getpass("Password: ").map({ String(cString: $0) }),
                  let second = getpass("Repeat password: ").map({ String(cString: $0) }) else {
                throw ValidationError("no password was entered")
            }
            guard first == second else { throw ValidationError("the two passwords differ") }
            return first
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("expected the password on standard input")
        }
        return line
    }
}
