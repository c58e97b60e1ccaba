import Fluent
import Foundation

/// One version of a company's disclosure of who owns and controls it, as declared by one of its people.
final class SupplierDisclosure: Model, @unchecked Sendable {
    static let schema = "supplier_disclosures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    /// 1, 2, 3… per company.
    @Field(key: "version") var version: Int
    /// False when the company could not name every owner and gave a reason.
    @Field(key: "complete") var complete: Bool
    /// A code from BODS's unspecifiedReason codelist, for a partial disclosure.
    @OptionalField(key: "unspecified_reason") var unspecifiedReason: String?
    @OptionalField(key: "unspecified_description") var unspecifiedDescription: String?
    /// The declared owners as JSON, protected details included; only the public part is ever published.
    @Field(key: "owners") var owners: String
    /// The declaration of truthfulness exactly as the declarant accepted it, in their language.
    @Field(key: "declaration") var declaration: String
    @Parent(key: "declared_by") var declaredBy: User
    @Field(key: "declared_at") var declaredAt: Date

    init() {}

    /// Whether a company has declared any disclosure: what a gated tender asks.
    static func exists(for organisation: UUID, on db: Database) async throws -> Bool {
        try await query(on: db).filter(\.$organisation.$id == organisation).first() != nil
    }
}
