@testable import App
import ExchangeCore
import NIOConcurrencyHelpers
import XCTest

/// The programme report is shared by the requests of one second, and computed again after any change.
final class ProgrammeReportCacheTests: XCTestCase {
    static let empty = ProgrammeReportService.Report(
        needsMet: NeedsMetKPI.compute([], threshold: 3), knowledge: KnowledgeKPI.compute([], knowledgeItems: []), years: [],
        needsMetByYear: [:], knowledgeByYear: [:], byStage: [:], byArea: [:], byRegion: [:], needToMatchDays: [], responses: [],
        questions: [:])

    func testConcurrentRequestsShareOneComputationUntilAChangeOrASecondPasses() async throws {
        let cache = ProgrammeReportCache(lifetime: 1)
        let computed = NIOLockedValueBox(0)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        @Sendable func compute() async throws -> ProgrammeReportService.Report {
            computed.withLockedValue { $0 += 1 }
            try await Task.sleep(for: .milliseconds(50))
            return Self.empty
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = try await cache.value(version: 0, now: start, compute: compute) } }
            try await group.waitForAll()
        }
        XCTAssertEqual(computed.withLockedValue { $0 }, 1, "8 requests at once, one computation")
        _ = try await cache.value(version: 0, now: start.addingTimeInterval(0.5), compute: compute)
        XCTAssertEqual(computed.withLockedValue { $0 }, 1)
        _ = try await cache.value(version: 1, now: start.addingTimeInterval(0.6), compute: compute)
        XCTAssertEqual(computed.withLockedValue { $0 }, 2, "a change through this process is seen at once")
        _ = try await cache.value(version: 1, now: start.addingTimeInterval(1.7), compute: compute)
        XCTAssertEqual(computed.withLockedValue { $0 }, 3, "another instance's change is seen within a second")
    }
}
