import ExchangeCore
import Fluent
import Foundation
import SecureReporting
import Vapor

/// The Reports module's measured bars (docs/benchmarks.md): a submission's server time with the KDF and without it,
/// sustained submissions per second with the KDF bound, peak memory under a burst of submissions, and the public
/// statistics over many complaints. Runs against the configured database, which should be a fresh one.
public struct ReportBenchmark: Sendable, Encodable {
    public struct Timing: Sendable, Encodable {
        public let count: Int
        public let meanMs: Double
        public let p50Ms: Double
        public let p99Ms: Double

        init(_ millis: [Double]) {
            let sorted = millis.sorted()
            func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))] }
            (count, meanMs, p50Ms, p99Ms) = (sorted.count, sorted.reduce(0, +) / Double(max(sorted.count, 1)), at(0.5), at(0.99))
        }
    }

    public let submissionWithKDF: Timing
    public let submissionWithoutKDF: Timing
    public let sustainedPerSecond: Double
    public let kdfConcurrency: Int
    public let burst: Int
    public let peakResidentMiB: Double
    public let complaints: Int
    public let dashboard: Timing

    public static func run(_ app: Application, submissions: Int, burst: Int, complaints: Int) async throws -> ReportBenchmark {
        _ = try await Platform.seedDemo(app, exchange: true)
        let standard = app.registry.reportIntake.with(cost: .standard), free = app.registry.reportIntake.with(cost: StretchCost(n: 2, r: 1, p: 1))
        let withKDF = try await timed(submissions) { _ = try await standard.submit(to: SeedQuestionnaire.bribery.key, answers: complaint, regions: regions) }
        let withoutKDF = try await timed(submissions) { _ = try await free.submit(to: SeedQuestionnaire.bribery.key, answers: complaint, regions: regions) }
        let sampler = ResidentSampler()
        let sampling = Task { await sampler.sample() }
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<burst { group.addTask { _ = try await standard.submit(to: SeedQuestionnaire.bribery.key, answers: complaint, regions: regions) } }
            try await group.waitForAll()
        }
        let seconds = (ContinuousClock.now - started).seconds
        sampling.cancel()
        let peak = await sampling.value
        try await fill(app, complaints: complaints)
        let dashboard = try await timed(100) {
            let service = ReportStatisticsService(db: app.db, clock: app.clock, cache: ReportStatisticsCache(lifetime: 0), version: 0)
            _ = ReportStatisticsDTO(try await service.statistics())
        }
        return ReportBenchmark(submissionWithKDF: withKDF, submissionWithoutKDF: withoutKDF, sustainedPerSecond: Double(burst) / seconds,
                               kdfConcurrency: app.configuration.reportStretchConcurrency, burst: burst, peakResidentMiB: peak,
                               complaints: complaints, dashboard: dashboard)
    }

    static let complaint: [String: [String]] = ["danger": ["no"], "service": ["health"], "account": ["A benchmark complaint."], "where": ["039"]]
    static let regions = Set(WorldRegion.all.map(\.code))

    static func timed(_ count: Int, _ work: () async throws -> Void) async throws -> Timing {
        var millis: [Double] = []
        for _ in 0..<count {
            let started = ContinuousClock.now
            try await work()
            millis.append((ContinuousClock.now - started).seconds * 1000)
        }
        return Timing(millis)
    }

    /// Complaints spread over the last twelve months, subjects, regions and statuses, written straight to the table:
    /// the statistics read only these columns.
    static func fill(_ app: Application, complaints: Int) async throws {
        var contexts: [(id: UUID, version: UUID)] = []
        for context in try await ReportContext.query(on: app.db).all() {
            if let version = try await QuestionnaireVersion.current(of: context.requireID(), on: app.db) { contexts.append((try context.requireID(), try version.requireID())) }
        }
        var generator = SeededGenerator(seed: 20)
        let regions = WorldRegion.all.map(\.code), now = app.clock.now()
        for start in stride(from: 0, to: complaints, by: 1000) {
            let batch: [Report] = (start..<min(start + 1000, complaints)).map { _ in
                let context = contexts[Int.random(in: 0..<contexts.count, using: &generator)]
                let report = Report()
                (report.id, report.$context.id, report.$version.id) = (UUID(), context.id, context.version)
                report.status = ComplaintStatus.allCases[Int.random(in: 0..<ComplaintStatus.allCases.count, using: &generator)]
                report.lookupTag = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
                (report.whistleblowerKey, report.answers, report.missingEvidence) = (Data([0]), Data([0]), JSONList([]))
                report.submittedOn = now.addingTimeInterval(-Double(Int.random(in: 0..<300, using: &generator)) * 86_400).day
                report.expiresOn = report.submittedOn.addingTimeInterval(1095 * 86_400)
                report.region = Int.random(in: 0..<10, using: &generator) == 0 ? nil : regions[Int.random(in: 0..<regions.count, using: &generator)]
                if report.status != .received { report.firstResponseOn = report.submittedOn.addingTimeInterval(Double(Int.random(in: 1...20, using: &generator)) * 86_400) }
                if report.status.isClosed { report.closedOn = report.submittedOn.addingTimeInterval(Double(Int.random(in: 20...200, using: &generator)) * 86_400) }
                report.lacksEvidence = Bool.random(using: &generator)
                return report
            }
            try await batch.create(on: app.db)
        }
    }

}

/// The process's resident memory, read from /proc every 5 ms until cancelled; the highest seen, in MiB. The
/// high-water mark of `getrusage` would include everything before the burst, such as the demo's red-flag run.
struct ResidentSampler: Sendable {
    func sample() async -> Double {
        var peak = 0.0
        while !Task.isCancelled {
            peak = max(peak, Self.resident())
            try? await Task.sleep(for: .milliseconds(5))
        }
        return max(peak, Self.resident())
    }

    static func resident() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
