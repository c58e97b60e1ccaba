import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Runs under way in this process, with their progress. A run the database calls running but that is not here was
/// cut short (the process stopped), so its feature reports it as interrupted instead of spinning for ever.
final class BackgroundJobs<Progress: Sendable>: Sendable {
    private let progress = NIOLockedValueBox<[UUID: Progress]>([:])
    private let tasks = NIOLockedValueBox<[UUID: Task<Void, Never>]>([:])

    func progress(of run: UUID) -> Progress? {
        progress.withLockedValue { $0[run] }
    }

    func report(_ run: UUID, _ value: Progress) {
        progress.withLockedValue { $0[run] = value }
    }

    func start(_ run: UUID, initial: Progress, _ work: @escaping @Sendable () async -> Void) {
        report(run, initial)
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

/// Lets every kind of background run finish before the database goes away.
struct BackgroundJobsLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.redFlagJobs.waitForAll()
    }
}
