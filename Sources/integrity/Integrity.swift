import App
import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import Vapor

@main
struct Integrity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrity",
        abstract: "Integrity Exchange: pro bono data and technology exchanges for integrity bodies.",
        subcommands: [Serve.self, Migrate.self, SeedDemo.self, UserCommand.self, AuditCommand.self, MatchCommand.self, ImportCommand.self, OwnershipCommand.self, LedgerCommand.self, WitnessCommand.self,
                      RemindersCommand.self, ReportsCommand.self, QuestionnaireCommand.self, InboxCommand.self, ProgrammeCommand.self, RedFlagsCommand.self, WorkerCommand.self, JobsCommand.self,
                      GenerateLoadCommand.self, BareServerCommand.self])

    /// Swift tasks run on NIO's event loops instead of a second pool of threads, so an async request handler does
    /// not cross threads twice per await. Must happen before the first task starts; CPU-heavy work goes to the
    /// application's thread pool, never into a task.
    static func main() async {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Reads the environment once, sets up logging, and hands back a migrated application.
enum Bootstrap {
    nonisolated(unsafe) private static var loggingReady = false

    static func configuration() throws -> AppConfiguration {
        do {
            return try AppConfiguration.fromEnvironment()
        } catch let error as AppConfiguration.Invalid {
            throw ValidationError(error.description)
        }
    }

    static func logging(_ level: Logger.Level) {
        guard !loggingReady else { return }
        loggingReady = true
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Runs `body` with a migrated application and always shuts it down.
    static func withApplication<T>(
        _ config: AppConfiguration, arguments: [String] = ["integrity"], _ body: (Application) async throws -> T
    ) async throws -> T {
        logging(config.logLevel)
        let app = try await Platform.makeApplication(config, arguments: arguments)
        do {
            try await Platform.migrate(app)
            let value = try await body(app)
            try await app.asyncShutdown()
            return value
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
