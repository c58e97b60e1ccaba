import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Enough of an exchange to try the matching board at once: one expert's completed profile, two public bodies'
/// participation and two screened needs, all made through the same services (and audit log) a person would use. Only the command line seeds it, so tests
/// start from accounts alone.
enum DemoExchange {
    static let needs: [(key: String, organisation: String, draft: NeedDraft)] = [
        ("need.fr-declarations", "org.fr-agency", NeedDraft(
            title: "Tableau de bord des déclarations de patrimoine (démo)",
            problemStatement: "Nous recevons des milliers de déclarations par an sans outil pour repérer les variations anormales.",
            whyPrivateSector: "Les équipes de données du privé construisent ce type de tableau de bord au quotidien.",
            supportAreas: [4], issueAreas: ["money_flows"], requiredSkills: ["data-visualisation"], preferredSkills: ["asset-declarations"],
            languages: ["fr", "en"], preferredStart: date("2027-03-01"), durationMonths: 3,
            expectedOutputs: "Un prototype de tableau de bord et une note de méthode.", fields: ["anti_corruption"],
            sector: "public_administration")),
        ("need.ke-follow-up", "org.ke-audit", NeedDraft(
            title: "Dashboards for audit recommendation follow-up (demo)",
            problemStatement: "We cannot see which audit recommendations are implemented, by whom, and how late.",
            whyPrivateSector: "Tracking dashboards are routine work for private-sector analytics teams.",
            supportAreas: [4, 5], issueAreas: ["measuring_corruption"], requiredSkills: ["dashboards"], preferredSkills: ["data-literacy"],
            languages: ["en"], preferredStart: date("2027-02-01"), durationMonths: 4,
            expectedOutputs: "A follow-up dashboard and a half-day training for auditors.", fields: ["audit"], sector: "public_finance")),
    ]

    static func seed(_ app: Application) async throws -> Int {
        var created = 0
        guard let coordinator = try await User.find(StableID.make("user.coordinator"), on: app.db),
              let expert = try await User.find(StableID.make("user.expert-en"), on: app.db) else { return 0 }
        let profiles = ExpertProfileService(db: app.db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy)
        if try await ExpertProfile.query(on: app.db).filter(\.$user.$id == expert.requireID()).first() == nil {
            let profile = try await profiles.profile(for: expert)
            try await profiles.save(.init(
                country: "GB", years: 9, fields: ["audit", "fraud"], transferStatement: "",
                skills: [("data-visualisation", 3), ("dashboards", 3), ("ocds", 2)], languages: [("en", 3), ("fr", 2)],
                hoursPerWeek: 6, availableFrom: date("2027-01-01"), availableUntil: date("2027-12-31"), capacity: 2,
                proBono: true, workHours: true, publicCommunication: true, valuesAlignment: true,
                motivation: "I build dashboards for a living and want audit and integrity bodies to get the same from their data.",
                countriesWorked: ["IE", "KE"], regionsWorked: ["155"], sectors: ["public_finance", "financial_services"]),
                to: profile, by: expert)
            _ = try await profiles.submit(profile, by: expert)
            created += 1
        }
        try await admitBodies(app, by: coordinator)
        let service = NeedService(db: app.db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy)
        for seed in needs where try await Need.query(on: app.db).filter(\.$title == seed.draft.title).first() == nil {
            let ratings = Dictionary(uniqueKeysWithValues: ReadinessArea.allCases.enumerated().map {
                ($0.element, ReadinessAssessment.Rating(score: ($0.offset * 7 + seed.key.count) % 4, note: ""))
            })
            let need = try await service.create(seed.draft, readiness: ReadinessAssessment(ratings: ratings),
                                                organisationID: StableID.make(seed.organisation), by: coordinator)
            _ = try await service.submit(need, by: coordinator)
            created += 1
        }
        return created
    }

    /// Both bodies attest; the Kenyan one has no member account yet, so the coordinator admits it with a reason.
    private static func admitBodies(_ app: Application, by coordinator: User) async throws {
        let participation = PublicBodyParticipationService(db: app.db, audit: app.auditLog, clock: app.clock)
        let attested = PublicBodyParticipationService.Attestations(proBono: true, workHours: true, publicCommunication: true, integrityMandate: true)
        for key in Set(needs.map(\.organisation)).sorted() {
            guard let body = try await Organisation.find(StableID.make(key), on: app.db), body.participationStatus == nil else { continue }
            let screening = try await participation.submit(body, attested, by: coordinator)
            if screening.overall != .pass {
                try await participation.decide(body, eligible: true, reason: "Contact person confirmed by video call (demo).",
                                               by: coordinator, mailer: app.mailer)
            }
        }
    }

    private static func date(_ text: String) -> Date {
        CalendarDay.parse(text)!
    }
}
