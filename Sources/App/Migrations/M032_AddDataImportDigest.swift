import Fluent
import SQLKit

/// Conflict-data uploads stream to disk, where the one-time form token cannot be compared before the file is read:
/// each import keeps its file's SHA-256, so the same file sent twice by one person (a double click, a retry) is
/// recognised as one import. Earlier imports have none.
struct M032_AddDataImportDigest: AsyncMigration {
    static let columns: [NullableColumns.Column] = [("digest", .string)]

    func prepare(on database: Database) async throws {
        try await NullableColumns.add(Self.columns, to: DataImport.schema, on: database)
        try await database.sql.create(index: "data_imports_digest").on(DataImport.schema).column("digest").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "data_imports_digest").run()
        try await NullableColumns.drop(Self.columns, from: DataImport.schema, on: database)
    }
}
