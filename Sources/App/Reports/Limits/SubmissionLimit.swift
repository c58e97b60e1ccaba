import Fluent
import Foundation

/// Reports accepted per window (`WindowCounter`), for the installation and for each subject, so that a flood can
/// neither exhaust the key stretching nor bury one subject's reports. Every sending counts, before it is stretched;
/// past a limit, sending is refused (429) until the window ends, and reaching it is audited once per window.
struct SubmissionLimit: Sendable {
    let db: Database
    let audit: AuditLogService
    let installation: Int
    let perSubject: Int

    /// Counts one sending to `subject`; refuses it when the installation or the subject is past its limit.
    func take(subject: String, now: Date) async throws {
        let all = try await WindowCounter(db: db, prefix: "report-submissions").add(now: now)
        let one = try await WindowCounter(db: db, prefix: "report-submissions-\(subject)").add(now: now)
        if all == installation + 1 { try await recordReached(scope: "installation", count: all) }
        if one == perSubject + 1 { try await recordReached(scope: subject, count: one) }
        guard all <= installation, one <= perSubject else { throw AppError.rateLimited(code: "report_rate_limited") }
    }

    private func recordReached(scope: String, count: Int) async throws {
        try await audit.transaction(on: db, actor: .anonymous) { audit in
            try await audit.record(.reportRateLimit, .reportingIntake, changes: ["scope": scope, "sent": String(count), "seconds": String(Int(WindowCounter.window))])
        }
    }
}
