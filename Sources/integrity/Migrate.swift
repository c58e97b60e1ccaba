import App
import ArgumentParser

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema.")

    func run() async throws {
        try await Bootstrap.withApplication(try Bootstrap.configuration()) { _ in
            print("Database is up to date.")
        }
    }
}

struct SeedDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo", abstract: "Load the fictional demo programme (safe to repeat).")

    func run() async throws {
        var config = try Bootstrap.configuration()
        // The demo's receipts are stretched at the demo's cost; they open under `serve --demo`.
        config.reportStretchCost = AppConfiguration.demoStretchCost
        try await Bootstrap.withApplication(config) { app in
            DemoBanner.print(try await Platform.seedDemo(app, exchange: true), baseURL: config.baseURL)
        }
    }
}
