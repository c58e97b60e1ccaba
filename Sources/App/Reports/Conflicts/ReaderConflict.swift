import Fluent
import Foundation
import SecureReporting

/// A party a reader declared a conflict of interest with (`DeclaredConflict`): reports naming it are not wrapped for them.
final class ReaderConflict: Model, @unchecked Sendable {
    static let schema = "reader_conflicts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// As the reader typed it, for their own list.
    @Field(key: "party") var party: String
    /// The matching form; unique per reader, so one party is declared once.
    @Field(key: "normalised") var normalised: String
    @Field(key: "declared_at") var declaredAt: Date

    init() {}

    var declared: DeclaredConflict? { DeclaredConflict(party: normalised) }
}
