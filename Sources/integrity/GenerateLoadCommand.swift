import App
import ArgumentParser
import Foundation
import NIOConcurrencyHelpers

struct GenerateLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-load",
        abstract: "Fill a fresh database with a generated programme, for benchmarks and query plans (demo accounts included).")

    @Option(help: "Engagements to generate; bodies, experts and needs scale with them.")
    var engagements = 10_000

    @Option(name: .customLong("audit-entries"), help: "Audit entries to generate in all (default: 100 per engagement).")
    var auditEntries: Int?

    func run() async throws {
        let config = try Bootstrap.configuration()
        let entries = auditEntries ?? engagements * 100
        do {
            let summary = try await Bootstrap.withApplication(config) { app in
                let shown = NIOLockedValueBox(-1)
                return try await Platform.generateLoad(app, engagements: engagements, auditEntries: entries) { done, total in
                    let percent = done * 100 / max(1, total)
                    let changed = shown.withLockedValue { last in
                        defer { last = percent }
                        return last != percent
                    }
                    guard changed else { return }
                    FileHandle.standardError.write(Data("\r\(percent)% of \(total) rows".utf8))
                }
            }
            FileHandle.standardError.write(Data("\n".utf8))
            print(summary)
        } catch let error as Platform.CommandError {
            throw ValidationError(error.description)
        }
    }
}
