import Vapor

/// How far a batch matching run has got.
struct MatchingProgress: Sendable, Equatable {
    enum Phase: String, Sendable, CaseIterable {
        case ranking, solving, saving
    }

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

typealias MatchingJobs = BackgroundJobs<MatchingProgress>

extension Application {
    private struct MatchingJobsKey: StorageKey { typealias Value = MatchingJobs }

    var matchingJobs: MatchingJobs {
        if let jobs = storage[MatchingJobsKey.self] { return jobs }
        let jobs = MatchingJobs()
        storage[MatchingJobsKey.self] = jobs
        return jobs
    }
}
