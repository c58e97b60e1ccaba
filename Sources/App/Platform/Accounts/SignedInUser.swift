import ExchangeCore
import Fluent
import Foundation
import SQLKit

/// Every signed-in request reads its user, so that read takes plain columns: a Fluent query would build the model
/// by run-time reflection, which costs more than the query. The user built here is for reading; changes to an
/// account are made by conditional updates in `AccountService`, never by saving this object.
extension User {
    static let columnNames = ["id", "email", "display_name", "password_hash", "role", "organisation_id", "status",
                              "preferred_language", "time_zone", "requested_organisation", "created_at", "updated_at"]

    /// The columns of `users`, qualified for a join.
    static var qualifiedColumns: [any SQLExpression] { columnNames.map { SQLColumn($0, table: schema) } }

    /// The active account with this id, or nil.
    static func activeAccount(_ id: UUID, on db: SQLDatabase) async throws -> User? {
        guard let row = try await db.select().columns(qualifiedColumns).from(schema)
            .where(SQLColumn("id", table: schema), .equal, SQLBind(id)).first()
        else { return nil }
        let user = try User(reading: row)
        return user.status == .active ? user : nil
    }

    /// A user from a row that holds the columns of `users`, known to exist in the database.
    convenience init(reading row: SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        email = try row.decode(column: "email", as: String.self)
        displayName = try row.decode(column: "display_name", as: String.self)
        passwordHash = try row.decode(column: "password_hash", as: String.self)
        role = try row.decode(column: "role", as: Role.self)
        $organisation.id = try row.decode(column: "organisation_id", as: UUID?.self)
        status = try row.decode(column: "status", as: AccountStatus.self)
        preferredLanguage = try row.decode(column: "preferred_language", as: SupportedLanguage?.self)
        timeZoneIdentifier = try row.decode(column: "time_zone", as: String?.self)
        requestedOrganisation = try row.decode(column: "requested_organisation", as: String?.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        $id.exists = true
    }
}
