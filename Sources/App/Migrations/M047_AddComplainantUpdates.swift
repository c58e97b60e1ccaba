import Fluent

/// Status updates by e-mail (issue 20): a complainant may give an address, sealed with the complaint; mail to them
/// forgets its recipient once handed over, so the address is not kept in the outbox.
struct M047_AddComplainantUpdates: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await NullableColumns.add([("contact", .data)], to: Report.schema, on: database)
        try await NullableColumns.add([("forget_recipient", .bool)], to: MailMessage.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await NullableColumns.drop([("forget_recipient", .bool)], from: MailMessage.schema, on: database)
        try await NullableColumns.drop([("contact", .data)], from: Report.schema, on: database)
    }
}
