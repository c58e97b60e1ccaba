@testable import App
import ExchangeCore
import Fluent
import SQLKit
import XCTVapor
import XCTest

/// M033 turns needs' comma-text lists and JSON-string readiness into typed JSON columns, on a database that holds
/// needs in the old format.
final class NeedColumnsMigrationTests: AppTestCase {
    func testNeedsInTheOldFormatComeBackTypedAndUnchanged() async throws {
        try await withTestApp { app in
            try await self.draftNeeds(app)
            let seeded = try await Need.query(on: app.db).sort(\.$id).all().map(\.details)
            let readinesses = try await Need.query(on: app.db).sort(\.$id).all().map(\.readiness)
            XCTAssertFalse(seeded.isEmpty, "there are needs to convert")
            let rating = ReadinessAssessment(ratings: [.coordination: .init(score: 2, note: "some")])
            let readinessText = String(decoding: try JSONEncoder().encode(rating), as: UTF8.self)

            try await M033_TypeNeedColumns().revert(on: app.db)
            let body = try await Organisation.query(on: app.db).filter(\.$kind == .publicBody).first()
            let organisation = try XCTUnwrap(body?.id)
            let old = UUID()
            try await app.db.sql.raw("""
                INSERT INTO needs (id, organisation_id, title, problem_statement, why_private_sector, support_areas, issue_areas,
                  required_skills, preferred_skills, languages, duration_months, expected_outputs, data_access, data_rules,
                  readiness, experience_fields, sector, status, created_by, created_at, updated_at)
                VALUES (\(bind: old), \(bind: organisation), 'Old need', 'p', 'w', '1,3', 'money_flows,whistleblowing',
                  'data_science', '', 'en,fr', 4, 'o', 'limited', 'rules', \(bind: readinessText), 'audit', NULL, 'draft',
                  \(bind: organisation), \(bind: Date()), \(bind: Date()))
                """).run()

            try await M033_TypeNeedColumns().prepare(on: app.db)

            let found = try await Need.find(old, on: app.db)
            let converted = try XCTUnwrap(found)
            XCTAssertEqual(converted.scope, NeedScope(
                supportAreas: [.strategyAndGovernance, .dataSoftware], issueAreas: [.moneyFlows, .whistleblowing],
                requiredSkills: ["data_science"], preferredSkills: [], languages: ["en", "fr"], fields: [.audit]))
            XCTAssertEqual(converted.dataAccess, .limited)
            XCTAssertEqual(converted.readiness, rating)
            let after = try await Need.query(on: app.db).filter(\.$id != old).sort(\.$id).all()
            XCTAssertEqual(after.map(\.details), seeded, "the demo's needs read back as they were")
            XCTAssertEqual(after.map(\.readiness), readinesses)
        }
    }

    /// The readiness was read with a silent `try?`: a damaged value showed as an empty assessment. Now it fails.
    func testADamagedReadinessIsAnErrorNotAnEmptyAssessment() async throws {
        try XCTSkipIf(usesPostgres, "jsonb refuses damaged JSON at write time")
        try await withTestApp { app in
            try await self.draftNeeds(app)
            let first = try await Need.query(on: app.db).first()
            let need = try XCTUnwrap(first)
            try await app.db.sql.raw("UPDATE needs SET readiness = 'not json' WHERE id = \(bind: need.id!)").run()
            do {
                _ = try await Need.find(need.id, on: app.db)
                XCTFail("a damaged readiness must not read as an empty one")
            } catch {}
        }
    }

    /// A complete need and a partial one, through the API as a body's member writes them.
    private func draftNeeds(_ app: Application) async throws {
        let member = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
        let complete = try await member.send(.POST, "/api/v1/needs", json: json(completeNeed(dataAccess: "real")))
        XCTAssertEqual(complete.status, .created)
        let partial = try await member.send(.POST, "/api/v1/needs", json: #"{"title":"Half a need","supportAreas":[5],"fields":["fraud"]}"#)
        XCTAssertEqual(partial.status, .created)
    }
}
