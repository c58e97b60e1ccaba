@testable import App
import ExchangeCore
import Fluent
import SQLKit
import XCTest

/// M034 turns structured values kept as JSON text into typed JSON columns (`jsonb` on PostgreSQL), wrapping lists as
/// `{"items": [...]}`, on a database that holds them in the old format.
final class JSONColumnsMigrationTests: AppTestCase {
    func testValuesInTheOldFormatReadBackTyped() async throws {
        try await withTestApp(seed: false) { app in
            let settings = BatchMatching.Settings(weights: .standard, penalty: 0.35, alternates: 5)
            let question = Question(id: "custom_1", kind: .likert, prompt: LocalizedText(en: "Useful?", fr: "Utile ?", es: "¿Útil?"))
            func text<T: Encodable>(_ value: T) throws -> String { String(decoding: try JSONEncoder().encode(value), as: UTF8.self) }

            try await M034_TypeJSONColumns().revert(on: app.db)
            let sql = app.db.sql
            try await sql.raw("""
                INSERT INTO programme_settings (id, key, value, updated_at)
                VALUES (\(bind: UUID()), 'matching', \(bind: try text(settings)), \(bind: Date()))
                """).run()
            try await sql.raw("""
                INSERT INTO questionnaire_extras (id, stage, questions, updated_by, updated_at)
                VALUES (\(bind: UUID()), 'post', \(bind: try text([question])), \(bind: UUID()), \(bind: Date()))
                """).run()

            try await M034_TypeJSONColumns().prepare(on: app.db)

            let matching = try await ProgrammeSettings(db: app.db).matching()
            XCTAssertEqual(matching, settings)
            let extras = try await QuestionnaireExtras.query(on: app.db).filter(\.$stage == .post).first()
            XCTAssertEqual(extras?.questions, [question])
        }
    }

    /// Values written through the models survive the way back to text and forward again.
    func testTheMigrationRevertsAndReappliesWithoutLoss() async throws {
        try await withTestApp(seed: false) { app in
            let extras = QuestionnaireExtras()
            extras.id = UUID()
            extras.stage = .mid
            extras.questions = [Question(id: "q", kind: .single, prompt: LocalizedText(en: "a", fr: "b", es: "c"))]
            extras.updatedBy = UUID()
            extras.updatedAt = Date(timeIntervalSince1970: 0)
            try await extras.create(on: app.db)
            try await M034_TypeJSONColumns().revert(on: app.db)
            try await M034_TypeJSONColumns().prepare(on: app.db)
            let found = try await QuestionnaireExtras.find(extras.id, on: app.db)
            XCTAssertEqual(found?.questions, extras.questions)
        }
    }
}
