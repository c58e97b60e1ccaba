import Fluent
import SQLKit

/// A company's own disclosure of its beneficial owners (issue 21), versioned: each declaration is a new row and
/// none is overwritten. The version is unique per company, so two declarations sent at once cannot both be
/// version n; a gated tender asks whether a company has any.
struct M051_CreateSupplierDisclosures: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SupplierDisclosure.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("version", .int, .required)
            .field("complete", .bool, .required)
            .field("unspecified_reason", .string)
            .field("unspecified_description", .string)
            .field("owners", .string, .required)
            .field("declaration", .string, .required)
            .field("declared_by", .uuid, .required, .references(User.schema, "id"))
            .field("declared_at", .datetime, .required)
            .unique(on: "organisation_id", "version")
            .create()
        try await database.sql.create(index: "supplier_disclosures_declared_by").on(SupplierDisclosure.schema).column("declared_by").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SupplierDisclosure.schema).delete()
    }
}
