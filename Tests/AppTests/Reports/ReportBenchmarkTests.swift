@testable import App
import Fluent
import SecureReporting
import XCTVapor

/// The benchmark's generated complaints are real rows the statistics count, inside the published window.
final class ReportBenchmarkTests: AppTestCase {
    func testGeneratedComplaintsAllFallInTheWindowAndAreCountedOnce() async throws {
        try await withTestApp { app in
            try await app.registry.reportContexts.seed()
            try await ReportBenchmark.fill(app, complaints: 1_500)
            let statistics = try await app.registry.reportStatistics.statistics()
            XCTAssertEqual(statistics.tables[.channel]?.total, 1_500)
            XCTAssertEqual(statistics.tables[.region]?.total, 1_500)
            XCTAssertNotNil(statistics.durations.first { $0.channel == .complaint }?.closing)
        }
    }
}
