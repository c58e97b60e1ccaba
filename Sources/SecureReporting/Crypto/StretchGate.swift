/// Lets at most `limit` key stretches run at once; the others wait their turn in order. With scrypt at the standard
/// cost, a burst of submissions then takes at most `limit` × 128 MiB, however many arrive.
public actor StretchGate {
    public let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// The most stretches that ran at once so far, for tests and benchmarks.
    public private(set) var peak = 0

    public init(limit: Int) {
        precondition(limit > 0, "at least one stretch at a time")
        self.limit = limit
    }

    /// Runs `work` when a place is free. The work runs on the caller's task (which may hand it to threads of its
    /// own), not on the gate, so stretches run in parallel up to the limit.
    public nonisolated func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await work()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }

    private func enter() async {
        if running < limit {
            running += 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        peak = max(peak, running)
    }

    private func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            // The place passes straight to the next in line; `running` stays the same.
            waiting.removeFirst().resume()
        }
    }
}
