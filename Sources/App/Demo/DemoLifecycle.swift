import ExchangeCore
import Fluent
import Foundation
import Vapor

/// The demo's needs, one batch proposal over those ready for it, and each confirmed match taken to its stage. The
/// needs written after the batch come last, so the next run has something to take.
struct DemoLifecycle {
    let app: Application
    let coordinator: User
    let colleague: User
    let today: CalendarDate

    /// What was made; nothing when the batch has run before.
    func seed() async throws -> Int {
        guard try await MatchRun.query(on: app.db).count() == 0 else { return 0 }
        let needs = DemoCast.needs(today: today)
        var created = 0
        for need in needs where need.stage.goesThroughBatch {
            _ = try await write(need)
            created += 1
        }
        created += try await proposeAndWalk(needs)
        for need in needs where !need.stage.goesThroughBatch {
            _ = try await write(need)
            created += 1
        }
        return created
    }

    private var needService: NeedService { NeedService(db: app.db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy, mailer: app.mailer) }

    /// Written by the body's member and taken as far as its stage says: submitted, and decided where a coordinator must.
    private func write(_ demo: DemoNeed) async throws -> Need {
        let author = try await member(of: demo.body)
        let ratings = Dictionary(uniqueKeysWithValues: ReadinessArea.allCases.enumerated().map {
            ($0.element, ReadinessAssessment.Rating(score: ($0.offset * 7 + demo.draft.title.count) % 4, note: ""))
        })
        let need = try await needService.create(demo.draft, readiness: ReadinessAssessment(ratings: ratings),
                                                organisationID: StableID.make(demo.body), by: author)
        guard demo.stage != .draft else { return need }
        let submitted = try await needService.submit(need, by: author)
        if case .ineligible(let reason) = demo.stage {
            return try await needService.decide(submitted, eligible: false, reason: reason, by: coordinator)
        }
        return submitted
    }

    /// One run over every open need; its proposals confirmed except those left for a visitor to decide.
    private func proposeAndWalk(_ needs: [DemoNeed]) async throws -> Int {
        let run = try await BatchMatchingService(app: app).start(by: coordinator)
        try await app.jobWorker.drain()
        guard try await MatchRun.find(run.id, on: app.db)?.status == .completed else {
            throw Platform.CommandError(description: "the demo's matching run did not finish; run seed-demo again")
        }
        let proposals = try await MatchProposal.query(on: app.db).filter(\.$run.$id == run.requireID()).with(\.$need).all()
        let decisions = ProposalDecisionService(db: app.db, audit: app.auditLog, clock: app.clock, mailer: app.mailer)
        var walked = 0
        for demo in needs where demo.stage.isConfirmed {
            guard let proposal = proposals.first(where: { $0.need.title == demo.draft.title }), proposal.$expert.id != nil,
                  let engagement = try await decisions.decide(proposal, .confirm, by: coordinator) else { continue }
            let match = try await ProposedMatches.loaded(engagement, on: app.db)
            guard let expert = try await match.expert.$user.get(on: app.db) else { continue }
            try await DemoEngagementWalk(app: app, match: match, stage: demo.stage, today: today, coordinator: coordinator,
                                         colleague: colleague, member: try await member(of: demo.body), expert: expert).run()
            walked += 1
        }
        return walked
    }

    /// The body's member: a sign-in account for the French and Spanish bodies, a cast member for the others.
    private func member(of body: String) async throws -> User {
        let key = switch body {
        case "org.fr-agency": "user.public-fr"
        case "org.es-court": "user.public-es"
        default: DemoCast.memberKey(of: body)
        }
        guard let user = try await User.find(StableID.make(key), on: app.db) else {
            throw Platform.CommandError(description: "the demo account \(key) is missing")
        }
        return user
    }
}
