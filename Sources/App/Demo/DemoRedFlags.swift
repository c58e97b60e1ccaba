import Fluent
import Foundation
import RedFlags
import Vapor

/// A finished red-flag run over generated compiled releases, started by the analyst as an upload would start it.
struct DemoRedFlags {
    let app: Application
    let analyst: User
    static let releases = 3_000
    static let fileName = "demo-compiled-releases.jsonl"

    /// Whether a run was made; none when the analyst has one already.
    func seed() async throws -> Bool {
        guard try await RedFlagRun.query(on: app.db).count() == 0 else { return false }
        let generator = SyntheticReleases(size: .small, seed: 2026)
        let bytes = Array((0..<Self.releases).map { generator.line($0) + "\n" }.joined().utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("integrity-demo-\(UUID().uuidString).jsonl")
        let upload = try StreamedUpload.written(bytes, to: url, fileName: Self.fileName)
        let run = try await RedFlagRunService(app: app).start(upload, fileName: Self.fileName, settingsText: "", user: analyst)
        try await app.jobWorker.drain()
        guard let finished = try await RedFlagRun.find(run.requireID(), on: app.db) else { return true }
        _ = try await RedFlagValidationService(app: app).validate(try Self.labels(for: finished), fileName: Self.labelsFileName, run: finished,
                                                                  by: analyst)
        return true
    }

    static let labelsFileName = "demo-known-outcomes-fictional.csv"

    /// Generated data has no known outcomes, so the demo invents them: every fifth process is labelled, and the more
    /// of it is flagged, the likelier it is labelled corrupt, so the check has something to find.
    static func labels(for run: RedFlagRun) throws -> String {
        guard let results = try StoredRedFlagResults(run) else { return "" }
        let labelled = results.processes.filter { ($0.ocid.split(separator: "-").last.flatMap { Int($0) } ?? 1) % 5 == 0 }
        let lines = labelled.map { process in
            let chance = 0.05 + 0.6 * process.score
            return "\(process.ocid),\(Self.draw(process.ocid) < chance ? 1 : 0)"
        }
        return (["ocid,label"] + lines.sorted()).joined(separator: "\n") + "\n"
    }

    /// A number in [0, 1) fixed by the text, so the demo's labels are the same on every machine.
    private static func draw(_ text: String) -> Double {
        let bytes = Array(StableID.make("demo-label:\(text)").uuidString.utf8)
        return Double(bytes.reduce(UInt32(0)) { ($0 &* 31) &+ UInt32($1) } % 10_000) / 10_000
    }
}
