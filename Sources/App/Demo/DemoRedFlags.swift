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
        _ = try await RedFlagRunService(app: app).start(upload, fileName: Self.fileName, settingsText: "", user: analyst)
        try await app.jobWorker.drain()
        return true
    }
}
