import Fluent
import Foundation

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

extension MatchingProgress {
    init(_ job: JobRecord) {
        phase = Phase(rawValue: job.phase ?? "") ?? .ranking
        done = job.done
        total = job.total
    }

    /// Progress of the runs still queued or running, read from their jobs, so any instance can answer.
    static func of(_ runs: [UUID], on db: Database) async throws -> [UUID: MatchingProgress] {
        try await JobRecord.unfinished(.matching, subjects: runs, on: db).mapValues(MatchingProgress.init)
    }

    static func of(_ run: UUID, on db: Database) async throws -> MatchingProgress? {
        try await of([run], on: db)[run]
    }
}
