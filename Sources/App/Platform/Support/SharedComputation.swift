import Foundation

/// A figure that reads many rows, shared by the requests that ask for it while it is fresh: it is computed once,
/// then again after any audited commit through this process (`version`) or once `lifetime` has passed, which bounds
/// how long another instance's changes take to show.
actor SharedComputation<Value: Sendable> {
    private var current: (version: Int, at: Date, task: Task<Value, Error>)?
    let lifetime: TimeInterval

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    func value(version: Int, now: Date, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let current, current.version == version, now >= current.at, now.timeIntervalSince(current.at) < lifetime {
            return try await current.task.value
        }
        let task = Task { try await compute() }
        current = (version, now, task)
        do {
            return try await task.value
        } catch {
            current = nil
            throw error
        }
    }
}
