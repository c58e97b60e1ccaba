import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// A reader who stepped aside from a report: their wrapped key is gone, and this remembers it.
final class ReportRecusal: Model, @unchecked Sendable {
    static let schema = "report_recusals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @Field(key: "reader_id") var readerID: String
    @Field(key: "recused_on") var recusedOn: Date

    init() {}

    init(reportID: UUID, readerID: String, on day: Date) {
        (self.$report.id, self.readerID, self.recusedOn) = (reportID, readerID, day)
    }
}

/// A reader steps aside from a report they should not handle (a conflict the answers did not reveal): their wrapped
/// key is deleted, so neither they nor the platform can open it for them again, and the reason goes to the audit log.
/// The last reader cannot step aside, since nobody would be left to answer the reporter.
struct ReportRecusalService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    static let longestReason = 2000

    func recuse(_ reportID: UUID, reason raw: String, as user: User) async throws {
        let reason = raw.trimmingWhitespace()
        guard !reason.isEmpty else { throw AppError.validation([FieldError("recusal_reason", .required)]) }
        guard reason.count <= Self.longestReason else { throw AppError.validation([FieldError("recusal_reason", .tooLong)]) }
        let readerID = RecipientKeyService.readerID(try user.requireID())
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            // Decided on the keys stored now: of two clicks, the second finds the recusal; of the last two readers
            // stepping aside at once, the second finds itself the last.
            let keys = ReportReaderKey.query(on: scope.db).filter(\.$report.$id == reportID)
            if try await ReportRecusal.query(on: scope.db).filter(\.$report.$id == reportID).filter(\.$readerID == readerID).count() > 0 {
                throw AppError.conflict(code: "report_recused")
            }
            guard try await keys.copy().filter(\.$readerID == readerID).count() > 0 else { throw AppError.notFound }
            guard try await keys.copy().filter(\.$readerID != WrappedKey.whistleblower).count() > 1 else {
                throw AppError.conflict(code: "report_last_reader")
            }
            try await keys.copy().filter(\.$readerID == readerID).delete()
            try await ReportRecusal(reportID: reportID, readerID: readerID, on: clock.now()).create(on: scope.db)
            try await scope.record(.reportRecuse, .report(reportID), reason: reason)
        }
    }
}
