import Foundation
import SecureReporting
import Testing

@Suite struct StretchGateTests {
    @Test func aBurstRunsAtMostTheLimitAtOnceAndEveryoneIsServed() async throws {
        let gate = StretchGate(limit: 2)
        let counter = Concurrent()
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<24 {
                group.addTask {
                    try await gate.run {
                        counter.enter()
                        try await Task.sleep(for: .milliseconds(5))
                        counter.leave()
                        return i
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.sorted() == Array(0..<24))
        #expect(counter.peak <= 2)
        #expect(await gate.peak <= 2, "the gate never let more in")
    }

    @Test func aFailingStretchGivesItsPlaceBack() async throws {
        struct Failure: Error {}
        let gate = StretchGate(limit: 1)
        await #expect(throws: Failure.self) { try await gate.run { throw Failure() } }
        #expect(try await gate.run { 7 } == 7, "the place was given back")
    }
}

/// Counts how many are inside at once, from any thread.
final class Concurrent: @unchecked Sendable {
    private let lock = NSLock()
    private var inside = 0
    private(set) var peak = 0

    func enter() { lock.withLock { inside += 1; peak = max(peak, inside) } }
    func leave() { lock.withLock { inside -= 1 } }
}
