import ExchangeCore
import Fluent
import Foundation
import SQLKit

/// The needs directory, a page at a time, as plain columns: a list of thousands of needs reads 50 rows of four
/// columns, not whole models (building a model reflects over its fields, most of this page's time at scale).
struct NeedList {
    let db: Database
    /// A public participant sees their own body's needs only.
    let organisationID: UUID?
    let text: String
    let status: ParticipationStatus?

    struct Row: Decodable {
        let id: UUID
        let title: String
        let status: ParticipationStatus
        let organisation: String
    }

    /// Newest change first; the id settles ties, so pages never overlap.
    func rows(_ range: Range<Int>) async throws -> [Row] {
        try await filtered(db.sql.select()
            .column(SQLColumn("id", table: Need.schema), as: "id").column(SQLColumn("title", table: Need.schema), as: "title")
            .column(SQLColumn("status", table: Need.schema), as: "status")
            .column(SQLColumn("name", table: Organisation.schema), as: "organisation")
            .from(Need.schema)
            .join(Organisation.schema, on: SQLColumn("organisation_id", table: Need.schema), .equal, SQLColumn("id", table: Organisation.schema)))
            .orderBy(SQLOrderBy(expression: SQLColumn("updated_at", table: Need.schema), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: Need.schema), direction: SQLDirection.descending))
            .limit(range.count).offset(range.lowerBound)
            .all(decoding: Row.self)
    }

    func count() async throws -> Int {
        let row = try await filtered(db.sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(Need.schema)).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    private func filtered(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
        var query = query
        if let organisationID { query = query.where(SQLColumn("organisation_id", table: Need.schema), .equal, SQLBind(organisationID)) }
        if let status { query = query.where(SQLColumn("status", table: Need.schema), .equal, SQLBind(status.rawValue)) }
        if !text.isEmpty {
            let position = db.sql.dialect.name == "postgresql" ? "strpos" : "instr"
            // As TextSearch does for model queries: lower(title) contains lower(text), nothing to escape.
            let contains: SQLQueryString = "\(unsafeRaw: position)(lower(\(ident: Need.schema).\(ident: "title")), lower(\(bind: text))) > 0"
            query = query.where(contains)
        }
        return query
    }
}
