import Foundation
import Fluent
import SQLKit

extension Database {
    /// Both drivers the platform runs on are SQL databases; statements Fluent cannot express (upserts, `RETURNING`)
    /// go through this.
    var sql: SQLDatabase {
        guard let sql = self as? SQLDatabase else { preconditionFailure("SQLite and PostgreSQL drivers are SQL databases") }
        return sql
    }
}

extension SQLUpdateBuilder {
    /// Runs a conditional update and says whether it changed a row: of several callers racing for the same row,
    /// exactly one gets true.
    func changedAnyRow() async throws -> Bool {
        try await !returning("id").all().isEmpty
    }
}

extension Model where IDValue == UUID {
    /// This row as stored now, read through `db`: inside an audited transaction, the state a decision must be made on.
    func stored(on db: Database) async throws -> Self {
        guard let id, let row = try await Self.find(id, on: db) else { throw AppError.notFound }
        return row
    }
}
