import ExchangeCore
import Fluent
import Foundation
import SQLKit
import SecureReporting
import Vapor

/// The figures reports may give: public statistics, surges for coordinators, and how often intake lacks the evidence
/// minimum. Read from the few readable columns of reports, grouped in the database, and kept for a minute.
struct ReportStatisticsService: Sendable {
    let db: Database
    let clock: WallClock
    let cache: ReportStatisticsCache
    /// The audit log's commit count, by which the cache knows nothing changed.
    let version: Int

    /// What coordinators see: this month's surges and, per subject, how many reports lacked the evidence minimum.
    struct Oversight: Sendable {
        struct Intake: Sendable { let context: ReportContext; let reports: Int; let lacking: Int }
        let surges: [SurgeAlert]
        let intake: [Intake]
    }

    func statistics() async throws -> ReportStatistics {
        let month = ReportMonth(clock.now())
        return try await cache.value(version: version, now: clock.now()) { [self] in
            ReportStatistics(try await records(since: month.window(ReportStatistics.months)[0]), through: month)
        }
    }

    func oversight() async throws -> Oversight {
        let month = ReportMonth(clock.now())
        let surges = SurgeWatch.alerts(try await records(since: month.window(SurgeWatch.history + 1)[0]), through: month)
        let contexts = try await ReportContext.query(on: db).sort(\.$key).all()
        let counted = try await db.sql.select().column("context_id").column("lacks_evidence").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Report.schema).groupBy("context_id").groupBy("lacks_evidence").all()
        var totals: [UUID: (reports: Int, lacking: Int)] = [:]
        for row in counted {
            let context = try row.decode(column: "context_id", as: UUID.self), n = try row.decode(column: "n", as: Int.self)
            totals[context, default: (0, 0)].reports += n
            if try row.decode(column: "lacks_evidence", as: Bool?.self) == true { totals[context, default: (0, 0)].lacking += n }
        }
        return Oversight(surges: surges, intake: try contexts.map { context in
            let total = totals[try context.requireID()] ?? (0, 0)
            return .init(context: context, reports: total.reports, lacking: total.lacking)
        })
    }

    /// Reports submitted from the start of `month`, grouped by what statistics read.
    private func records(since month: ReportMonth) async throws -> [StatisticsRecord] {
        let contexts = Dictionary(uniqueKeysWithValues: try await ReportContext.query(on: db).all().map { (try $0.requireID(), $0) })
        let start = CalendarDay.parse("\(month)-01")!
        let columns = ["context_id", "region", "status", "submitted_on", "first_response_on", "closed_on"]
        var query = db.sql.select().columns(columns.map { SQLColumn($0) }).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Report.schema).where("submitted_on", .greaterThanOrEqual, SQLBind(start))
        for column in columns { query = query.groupBy(column) }
        return try await query.all().compactMap { row in
            guard let context = contexts[try row.decode(column: "context_id", as: UUID.self)],
                  let status = ComplaintStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
            return StatisticsRecord(channel: context.channel, category: context.key, region: try row.decode(column: "region", as: String?.self),
                                    status: status, submittedOn: try row.decode(column: "submitted_on", as: Date.self),
                                    firstResponseOn: try row.decode(column: "first_response_on", as: Date?.self),
                                    closedOn: try row.decode(column: "closed_on", as: Date?.self), count: try row.decode(column: "n", as: Int.self))
        }
    }
}

/// The public statistics, shared by every reader for a minute, or until something is audited here.
typealias ReportStatisticsCache = SharedComputation<ReportStatistics>

extension Application {
    private struct ReportStatisticsCacheKey: StorageKey { typealias Value = ReportStatisticsCache }

    /// Set once by `configure(_:)`, before requests arrive.
    var reportStatisticsCache: ReportStatisticsCache {
        get {
            guard let cache = storage[ReportStatisticsCacheKey.self] else { fatalError("configure(_:) sets up the statistics cache") }
            return cache
        }
        set { storage[ReportStatisticsCacheKey.self] = newValue }
    }
}
