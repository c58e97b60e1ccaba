import ExchangeCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Reports are kept for their subject's retention period, which recipients may extend with a reason. When it ends,
/// the report is crypto-shredded: every wrapped copy of its data key is deleted, and so are its sealed answers,
/// messages, files, forwarded copies and the whistleblower's sealed key, so nothing can open it again. What statistics count (subject, status,
/// region, days) stays; the audit log keeps only the fact.
struct ReportRetentionService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    /// The longest a report may be extended by at once, in days.
    static let longestExtension = 3650

    /// Shreds every report whose retention ended before today; returns how many this call shredded.
    func shredExpired() async throws -> Int {
        let today = clock.now().day
        let due = try await Report.query(on: db).filter(\.$expiresOn < today).filter(\.$shreddedOn == nil).all(\.$id)
        var shredded = 0
        for id in due where try await shred(id, on: today) { shredded += 1 }
        return shredded
    }

    /// Extends a report's retention by `days` from its current end, with a reason; only its readers may.
    func extend(_ reportID: UUID, by days: Int, reason raw: String, as user: User) async throws {
        let reason = raw.trimmingWhitespace()
        var errors: [FieldError] = []
        if !(1...Self.longestExtension).contains(days) { errors.append(FieldError("days", .outOfRange)) }
        if reason.isEmpty { errors.append(FieldError("reason", .required)) }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let readerID = RecipientKeyService.readerID(try user.requireID())
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            guard try await ReportReaderKey.query(on: scope.db).filter(\.$report.$id == reportID).filter(\.$readerID == readerID).count() > 0,
                  let report = try await Report.find(reportID, on: scope.db), report.shreddedOn == nil else { throw AppError.notFound }
            // Read inside the serialised transaction: two extensions at once add up, in either order.
            let until = report.expiresOn.addingTimeInterval(Double(days) * 86_400)
            report.expiresOn = until
            try await report.save(on: scope.db)
            try await scope.record(.reportRetentionExtend, .report(reportID), reason: reason, changes: ["days": String(days), "until": CalendarDay.text(until)])
        }
    }

    /// Shreds one report unless another worker did meanwhile.
    private func shred(_ reportID: UUID, on today: Date) async throws -> Bool {
        let done: Bool? = try await audit.transactionIfChanged(on: db, actor: .system("retention")) { scope in
            let claimed = try await scope.db.sql.update(Report.schema)
                .set("shredded_on", to: SQLBind(today)).set("answers", to: SQLBind(Data())).set("whistleblower_key", to: SQLBind(Data()))
                .set("demographics", to: SQLLiteral.null).set("identity", to: SQLLiteral.null).set("contact", to: SQLLiteral.null)
                .set("lookup_tag", to: SQLBind(Data((0..<32).map { _ in UInt8.random(in: .min ... .max) })))
                .where("id", .equal, SQLBind(reportID)).where("shredded_on", .is, SQLLiteral.null).where("expires_on", .lessThan, SQLBind(today))
                .returning("id").all()
            guard !claimed.isEmpty else { throw AuditLogService.NothingToChange() }
            try await ReportReaderKey.query(on: scope.db).filter(\.$report.$id == reportID).delete()
            try await ReportFile.query(on: scope.db).filter(\.$report.$id == reportID).delete()
            try await ReportIdentityKey.query(on: scope.db).filter(\.$report.$id == reportID).delete()
            try await ReportMessage.query(on: scope.db).filter(\.$report.$id == reportID).delete()
            try await Self.shredCopies(of: reportID, on: scope.db)
            try await scope.record(.reportShred, .report(reportID))
            return true
        }
        return done ?? false
    }
}

extension ReportRetentionService {
    /// Forwarded copies go with their report: their keys are deleted and their sealed content emptied; where they
    /// went stays, as the report's days do.
    static func shredCopies(of reportID: UUID, on db: Database) async throws {
        let copies = try await ReportForward.query(on: db).filter(\.$report.$id == reportID).all(\.$id)
        try await ReportForwardKey.query(on: db).filter(\.$forward.$id ~~ copies).delete()
        try await ReportForward.query(on: db).filter(\.$report.$id == reportID).set(\.$sealed, to: Data()).update()
    }

    /// The fixed subject of retention jobs: a sweep concerns every report.
    static let sweepSubject = UUID(uuidString: "00000000-0000-0000-0000-0000000053ed")!

    /// Queues today's sweep unless another instance already has; returns whether this call queued it.
    @discardableResult
    static func enqueueSweep(_ app: Application) async throws -> Bool {
        let now = app.clock.now()
        return try await JobQueue(db: app.db).enqueueOnce(.reportRetention, subject: sweepSubject, uniqueKey: "report-retention:\(CalendarDay.text(now))",
                                                         now: now)
    }

    static func jobHandler(_ app: Application) -> JobHandler {
        JobHandler(run: { _, _ in _ = try await app.registry.reportRetention.shredExpired() }, failed: { _, _ in }, retried: { _, _ in })
    }
}
