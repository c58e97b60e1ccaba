import ExchangeCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The programme's figures from live data: the three KPIs, overall and by programme year, and the counts the
/// dashboard charts.
struct ProgrammeReportService {
    let db: Database
    let threshold: Int

    struct Report: Sendable {
        let needsMet: NeedsMetKPI.Result
        let knowledge: KnowledgeKPI.Result
        let years: [ProgrammeYearKPI.Year]
        /// KPI 1 and 2 per programme year.
        let needsMetByYear: [Int: NeedsMetKPI.Result]
        let knowledgeByYear: [Int: MeanEstimate]
        let byStage: [EngagementStage: Int]
        let byArea: [Int: Int]
        let byRegion: [WorldRegion: Int]
        /// Days from a need's submission to its match, one per match.
        let needToMatchDays: [Int]
        let responses: [EvaluationResponse]
        let questions: [String: (EvaluationStage, Question)]
    }

    /// What the report needs of one engagement and its need: a few columns, read with a join rather than loading
    /// every engagement and need whole (at 10,000 engagements that was most of the page's time).
    struct EngagementFacts: Decodable {
        let id: UUID
        let stage: EngagementStage
        let createdAt: Date
        let needCreatedAt: Date
        let scope: NeedScope
        let organisationID: UUID

        static func all(on db: Database) async throws -> [EngagementFacts] {
            try await db.sql.select()
                .column(SQLColumn("id", table: Engagement.schema), as: "id")
                .column(SQLColumn("stage", table: Engagement.schema), as: "stage")
                .column(SQLColumn("created_at", table: Engagement.schema), as: "createdAt")
                .column(SQLColumn("created_at", table: Need.schema), as: "needCreatedAt")
                .column(SQLColumn("scope", table: Need.schema), as: "scope")
                .column(SQLColumn("organisation_id", table: Need.schema), as: "organisationID")
                .from(Engagement.schema)
                .join(Need.schema, on: SQLColumn("need_id", table: Engagement.schema), .equal, SQLColumn("id", table: Need.schema))
                .all(decoding: EngagementFacts.self)
        }
    }

    func report() async throws -> Report {
        let engagements = try await EngagementFacts.all(on: db)
        let rounds = try await EvaluationRound.query(on: db).with(\.$responses).all()
        let responses = rounds.flatMap { round in
            round.responses.map {
                EvaluationResponse(exchange: $0.engagementID, respondent: $0.$respondent.id, party: $0.party, stage: round.stage,
                                   submittedAt: $0.submittedAt, answers: $0.answers)
            }
        }
        var questions: [String: (EvaluationStage, Question)] = [:]
        for round in rounds { for question in round.questionnaire.questions { questions[question.id] = (round.stage, question) } }
        let knowledgeItems = Set(questions.values.filter { $0.1.role == .knowledge }.map(\.1.id))
        let exchanges = try await startedExchanges(engagements)
        let yearOf = Dictionary(uniqueKeysWithValues: exchanges.map { ($0.id, $0.startYear) })
        let inYear = { (year: Int) in responses.filter { yearOf[$0.exchange] == year } }
        let years = ProgrammeYearKPI.compute(exchanges, responses: responses)
        let countryOf = try await countries()
        var byArea: [Int: Int] = [:], byRegion: [WorldRegion: Int] = [:]
        for engagement in engagements {
            for area in engagement.scope.supportAreas { byArea[area.rawValue, default: 0] += 1 }
            if let region = countryOf[engagement.organisationID].flatMap(CountryCode.init).flatMap(WorldRegion.of) {
                byRegion[region, default: 0] += 1
            }
        }
        return Report(
            needsMet: NeedsMetKPI.compute(responses, threshold: threshold),
            knowledge: KnowledgeKPI.compute(responses, knowledgeItems: knowledgeItems),
            years: years,
            needsMetByYear: Dictionary(uniqueKeysWithValues: years.map { ($0.year, NeedsMetKPI.compute(inYear($0.year), threshold: threshold)) }),
            knowledgeByYear: Dictionary(uniqueKeysWithValues: years.map { ($0.year, KnowledgeKPI.compute(inYear($0.year), knowledgeItems: knowledgeItems).programme) }),
            byStage: Dictionary(grouping: engagements, by: \.stage).mapValues(\.count),
            byArea: byArea, byRegion: byRegion,
            needToMatchDays: engagements.map { max(0, Int($0.createdAt.timeIntervalSince($0.needCreatedAt) / 86_400)) },
            responses: responses, questions: questions)
    }

    /// Engagements that started, with the year their signed Terms start in and their work.
    private func countries() async throws -> [UUID: String] {
        struct Row: Decodable { let id: UUID; let country: String }
        let rows = try await db.sql.select().columns("id", "country").from(Organisation.schema).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.country) })
    }

    private func startedExchanges(_ engagements: [EngagementFacts]) async throws -> [ProgrammeYearKPI.Exchange] {
        struct Item: Decodable { let engagement_id: UUID; let status: WorkItemStatus }
        let items = try await db.sql.select().columns("engagement_id", "status").from(WorkItem.schema).all(decoding: Item.self)
        let byEngagement = Dictionary(grouping: items, by: \.engagement_id)
        // One query for every engagement's latest Terms, not one per engagement.
        var latestTerms: [UUID: TermsVersion] = [:]
        for version in try await TermsVersion.query(on: db).sort(\.$number).all() { latestTerms[version.$engagement.id] = version }
        var exchanges: [ProgrammeYearKPI.Exchange] = []
        for engagement in engagements {
            let work = byEngagement[engagement.id] ?? []
            guard [.active, .closing, .closed].contains(engagement.stage) || !work.isEmpty,
                  let terms = latestTerms[engagement.id]?.terms else { continue }
            exchanges.append(.init(id: engagement.id, startYear: terms.start.year, outputsPlanned: work.count,
                                   outputsDone: work.filter { $0.status == .done }.count, closedSuccessfully: engagement.stage == .closed))
        }
        return exchanges
    }
}

extension Request {
    /// The report, computed at most once a second however many ask at once, and again at once after any change made
    /// through this process; see `ProgrammeReportCache`.
    func cachedProgrammeReport() async throws -> ProgrammeReportService.Report {
        let app = application
        return try await app.programmeReportCache.value(version: app.auditLog.committed, now: app.clock.now()) {
            try await ProgrammeReportService(db: app.db, threshold: app.configuration.needsMetThreshold).report()
        }
    }
}

/// The programme report reads every engagement; under load, the requests of one second share one computation
/// instead of each starting its own. A change through this process (any audited commit) is seen by the next request;
/// one made through another instance within a second, as the skills taxonomy is.
typealias ProgrammeReportCache = SharedComputation<ProgrammeReportService.Report>

extension Application {
    private struct ProgrammeReportCacheKey: StorageKey { typealias Value = ProgrammeReportCache }

    /// Set once by `configure(_:)`, before requests arrive.
    var programmeReportCache: ProgrammeReportCache {
        get {
            guard let cache = storage[ProgrammeReportCacheKey.self] else { fatalError("configure(_:) sets up the report cache") }
            return cache
        }
        set { storage[ProgrammeReportCacheKey.self] = newValue }
    }
}
