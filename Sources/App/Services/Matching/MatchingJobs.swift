import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Batch runs under way in this process, with their progress. A run the database calls running but that is not
/// here was cut short (the process stopped), so it is reported as interrupted instead of spinning for ever.
final class MatchingJobs: Sendable {
    enum Phase: String, Sendable, CaseIterable {
        case ranking, solving, saving
    }

    struct Progress: Sendable, Equatable {
        var phase: Phase
        var done: Int
        var total: Int

        /// Whole percent across the three phases; ranking is most of the work.
        var percent: Int {
            switch phase {
            case .ranking: total == 0 ? 0 : 80 * done / total
            case .solving: 85
            case .saving: 95
            }
        }
    }

    private let progress = NIOLockedValueBox<[UUID: Progress]>([:])
    private let tasks = NIOLockedValueBox<[UUID: Task<Void, Never>]>([:])

    func progress(of run: UUID) -> Progress? {
        progress.withLockedValue { $0[run] }
    }

    func report(_ run: UUID, _ value: Progress) {
        progress.withLockedValue { $0[run] = value }
    }

    func start(_ run: UUID, _ work: @escaping @Sendable () async -> Void) {
        report(run, Progress(phase: .ranking, done: 0, total: 0))
        let task = Task.detached { [self] in
            await work()
            progress.withLockedValue { _ = $0.removeValue(forKey: run) }
        }
        tasks.withLockedValue { $0[run] = task }
    }

    /// Waits for a run started here to finish (tests and shutdown).
    func wait(for run: UUID) async {
        let task = tasks.withLockedValue { $0[run] }
        await task?.value
    }

    func waitForAll() async {
        for task in tasks.withLockedValue({ Array($0.values) }) { await task.value }
    }
}

extension Application {
    private struct MatchingJobsKey: StorageKey { typealias Value = MatchingJobs }

    var matchingJobs: MatchingJobs {
        if let jobs = storage[MatchingJobsKey.self] { return jobs }
        let jobs = MatchingJobs()
        storage[MatchingJobsKey.self] = jobs
        return jobs
    }
}

/// Lets batch runs finish before the database goes away.
struct MatchingJobsLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.matchingJobs.waitForAll()
    }
}
