@testable import App
import ExchangeCore
import Fluent
import SQLKit
import XCTest

/// M035 turns lists kept as separated text into typed JSON lists, on a database that holds them in the old format.
final class ListColumnsMigrationTests: AppTestCase {
    func testListsInTheOldFormatReadBackTyped() async throws {
        try await withTestApp(seed: false) { app in
            try await M035_TypeListColumns().revert(on: app.db)
            let sql = app.db.sql
            let organisation = UUID(), profile = UUID(), user = UUID(), now = Date()
            try await sql.raw("""
                INSERT INTO organisations (id, kind, name, country, working_languages, screening, created_at, updated_at)
                VALUES (\(bind: organisation), 'public_body', 'Old body', 'ES', 'es,en', 'mandate:pass:mandate_given,work_hours:fail:missing',
                  \(bind: now), \(bind: now))
                """).run()
            try await sql.raw("""
                INSERT INTO expert_profiles (id, full_name, organisation_name, identity_key, country, areas, status, source, created_at,
                  updated_at, experience_fields, skills, languages, countries_worked, regions_worked, sectors)
                VALUES (\(bind: profile), 'Old Expert', 'Org', 'old', 'FR', 'Audit; Data science', 'draft', 'roster', \(bind: now),
                  \(bind: now), 'fraud,audit', 'ocds:3,sql:2', 'fr:3,en:2', 'ES,PT', '039', 'health')
                """).run()
            try await sql.raw("""
                INSERT INTO users (id, email, display_name, password_hash, role, status, created_at, updated_at)
                VALUES (\(bind: user), 'old@example.org', 'Old', 'x', 'expert', 'active', \(bind: now), \(bind: now))
                """).run()
            try await sql.raw("""
                INSERT INTO notifications (id, user_id, message_key, arguments, created_at)
                VALUES (\(bind: UUID()), \(bind: user), 'notification.welcome', \(bind: "Red flags\u{1F}\u{1F}last"), \(bind: now))
                """).run()

            try await M035_TypeListColumns().prepare(on: app.db)

            let body = try await Organisation.find(organisation, on: app.db)
            XCTAssertEqual(body?.workingLanguages, ["es", "en"])
            XCTAssertEqual(body?.screening, [ScreeningResult(criterion: "mandate", outcome: "pass", reason: "mandate_given"),
                                             ScreeningResult(criterion: "work_hours", outcome: "fail", reason: "missing")])
            let expert = try await ExpertProfile.find(profile, on: app.db)
            XCTAssertEqual(expert?.areas, ["Audit", "Data science"])
            XCTAssertEqual(expert?.experienceFields, [.fraud, .audit])
            XCTAssertEqual(expert?.skills.map(\.id), ["ocds", "sql"])
            XCTAssertEqual(expert?.skills.map(\.level), [3, 2])
            XCTAssertEqual(expert?.languages.map(\.code), ["fr", "en"])
            XCTAssertEqual(expert?.languages.map(\.level), [.native, .fluent])
            XCTAssertEqual(expert?.countriesWorked.map(\.value), ["ES", "PT"])
            XCTAssertEqual(expert?.regionsWorked.map(\.code), ["039"])
            XCTAssertEqual(expert?.sectors, [.health])
            let notification = try await UserNotification.query(on: app.db).filter(\.$user.$id == user).first()
            XCTAssertEqual(notification?.arguments, ["Red flags", "", "last"], "an empty argument keeps its place")
        }
    }
}
