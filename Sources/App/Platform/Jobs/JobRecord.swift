import Fluent
import Foundation

/// One piece of background work, kept in the database so any worker of any instance can run it, any instance can
/// report its progress, and a worker that dies leaves it to be reclaimed when its lease runs out.
final class JobRecord: Model, @unchecked Sendable {
    static let schema = "jobs"

    enum Status: String, Codable, Sendable, CaseIterable {
        case queued, running, completed, failed
    }

    enum Kind: String, Codable, Sendable, CaseIterable {
        /// A batch proposal; the subject is its `MatchRun`.
        case matching
        /// Red flags over an upload; the subject is its `RedFlagRun`.
        case redFlags = "red_flags"
        /// One period's reminder sweep; the subject is a fixed id, the period is in `uniqueKey`.
        case reminders
        /// One outbox message handed to sendmail; the subject is the `MailMessage`.
        case mail
        /// One day's shredding of reports past their retention; the subject is a fixed id, the day is in `uniqueKey`.
        case reportRetention = "report_retention"
    }

    static let defaultMaxAttempts = 3

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Kind
    /// The record the job works on, such as a run.
    @Field(key: "subject_id") var subjectID: UUID
    @Field(key: "status") var status: Status
    /// Claims so far, including reclaims after a lost lease.
    @Field(key: "attempts") var attempts: Int
    @Field(key: "max_attempts") var maxAttempts: Int
    /// Not claimed before this (backoff after a failure).
    @Field(key: "run_after") var runAfter: Date
    @OptionalField(key: "lease_owner") var leaseOwner: String?
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "phase") var phase: String?
    @Field(key: "done") var done: Int
    @Field(key: "total") var total: Int
    /// A catalog key naming the last failure.
    @OptionalField(key: "error") var error: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "unique_key") var uniqueKey: String?

    init() {}

    init(kind: Kind, subject: UUID, maxAttempts: Int = defaultMaxAttempts, now: Date) {
        id = UUID()
        self.kind = kind
        subjectID = subject
        status = .queued
        attempts = 0
        self.maxAttempts = maxAttempts
        runAfter = now
        done = 0
        total = 0
        createdAt = now
        updatedAt = now
    }

    /// The unfinished job of each subject, for progress shown by whichever instance answers.
    static func unfinished(_ kind: Kind, subjects: [UUID], on db: Database) async throws -> [UUID: JobRecord] {
        guard !subjects.isEmpty else { return [:] }
        let jobs = try await JobRecord.query(on: db).filter(\.$kind == kind).filter(\.$subjectID ~~ subjects)
            .filter(\.$status ~~ [.queued, .running]).all()
        return Dictionary(jobs.map { ($0.subjectID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
