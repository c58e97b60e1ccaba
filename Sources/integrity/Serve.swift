import App
import ArgumentParser
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the platform (migrates the database first).")

    @Flag(help: "Load the fictional demo programme and print its logins.")
    var demo = false

    @Option(help: "Address to listen on (default: HOST or 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (default: PORT or 8080).")
    var port: Int?

    @Flag(help: "Run no background jobs here; leave them to `integrity worker` processes.")
    var noWorker = false

    func run() async throws {
        var config = try Bootstrap.configuration()
        if let host { config.host = host }
        if let port {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
            config.port = port
        }
        if ProcessInfo.processInfo.environment["BASE_URL"] == nil { config.baseURL = "http://\(config.host):\(config.port)" }
        config.demoMode = demo
        if demo { config.reportStretchCost = AppConfiguration.demoStretchCost }
        if noWorker { config.workerConcurrency = 0 }
        try await Bootstrap.withApplication(config, arguments: ["integrity", "serve"]) { app in
            if demo {
                let summary = try await Platform.seedDemo(app, exchange: true)
                DemoBanner.print(summary, baseURL: config.baseURL)
            }
            try await app.execute()
        }
    }
}

enum DemoBanner {
    static func print(_ summary: DemoProgramme.Summary, baseURL: String) {
        var lines = ["", "Demo programme ready (\(summary.created) records created). Everything in it is fictional.",
                     "Open \(baseURL) and sign in with any of these; the password is: \(DemoProgramme.password)", ""]
        for login in summary.logins {
            lines.append("  \(login.role.padding(toLength: 20, withPad: " ", startingAt: 0)) \(login.email)  (\(login.language))")
            if let tryFirst = login.tryFirst { lines.append(String(repeating: " ", count: 23) + "try first: \(tryFirst)") }
        }
        lines += ["", "  To come back to a fictional report as its whistleblower, open \(baseURL)/reporting/follow-up",
                  "  and type the receipt \(DemoProgramme.reportReceipt).", ""]
        // Written unbuffered so the logins show before the server's own output.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
