import ArgumentParser
import Vapor

/// A Vapor application with one route and no middleware at all, for `scripts/bench-http` to measure beside the
/// platform: what the full stack costs is the difference.
struct BareServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bare-server", abstract: "Serve GET /healthz with no middleware (benchmark baseline).", shouldDisplay: false)

    @ArgumentParser.Option(help: "Port on 127.0.0.1.")
    var port = 8081

    func run() async throws {
        let app = try await Application.make(Environment(name: "production", arguments: ["bare-server", "serve"]))
        app.middleware = Middlewares()
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = port
        app.get("healthz") { _ in "ok" }
        do {
            try await app.execute()
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
