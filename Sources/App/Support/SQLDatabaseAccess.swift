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
