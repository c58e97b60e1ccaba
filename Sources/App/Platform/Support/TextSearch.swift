import Fluent
import SQLKit

extension QueryBuilder {
    /// A case-insensitive substring match that behaves the same on SQLite and PostgreSQL, with nothing to escape:
    /// lower(column) contains lower(text), through each database's own position function.
    func filter(_ table: String, _ column: String, contains text: String, on db: Database) -> Self {
        let position = (db as? SQLDatabase)?.dialect.name == "postgresql" ? "strpos" : "instr"
        return filter(.sql(embed: "\(unsafeRaw: position)(lower(\(ident: table).\(ident: column)), lower(\(bind: text))) > 0"))
    }
}
