@testable import App
import Fluent
import SQLKit
import XCTVapor
import XCTest

/// Every foreign key leads some index, so joins and "of this record" lists never scan a whole table.
final class SchemaIndexTests: AppTestCase {
    func testEveryForeignKeyColumnLeadsAnIndex() async throws {
        try XCTSkipIf(usesPostgres, "read from SQLite's catalog; the migrations are the same on PostgreSQL")
        try await withTestApp(seed: false) { app in
            let sql = app.db.sql
            struct Name: Decodable { let name: String }
            struct ForeignKey: Decodable { let from: String }
            struct IndexColumn: Decodable { let seqno: Int; let name: String? }
            var unindexed: [String] = []
            for table in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all(decoding: Name.self).map(\.name) {
                let keys = try await sql.raw("SELECT \"from\" FROM pragma_foreign_key_list(\(bind: table))").all(decoding: ForeignKey.self)
                guard !keys.isEmpty else { continue }
                var leading: Set<String> = []
                for index in try await sql.raw("SELECT name FROM pragma_index_list(\(bind: table))").all(decoding: Name.self) {
                    let columns = try await sql.raw("SELECT seqno, name FROM pragma_index_info(\(bind: index.name))").all(decoding: IndexColumn.self)
                    if let first = columns.first(where: { $0.seqno == 0 })?.name { leading.insert(first) }
                }
                unindexed += keys.map(\.from).filter { !leading.contains($0) }.map { "\(table).\($0)" }
            }
            XCTAssertEqual(unindexed.sorted(), [], "foreign keys without an index: add them to M028_IndexForeignKeys or a later migration")
        }
    }
}
