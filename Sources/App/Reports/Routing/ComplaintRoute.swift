import Fluent
import Foundation
import SecureReporting

/// One row of the complaint routing table: complaints of a category (a complaint context's key) from a region go to
/// an authority. Either may be "any", stored as `any` so the unique index also keeps one "any" row.
final class ComplaintRoute: Model, @unchecked Sendable {
    static let schema = "complaint_routes"
    static let any = "*"

    @ID(key: .id) var id: UUID?
    @Field(key: "category") var storedCategory: String
    @Field(key: "region") var storedRegion: String
    @Parent(key: "authority_id") var authority: Organisation
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var category: String? { storedCategory == Self.any ? nil : storedCategory }
    var region: String? { storedRegion == Self.any ? nil : storedRegion }

    /// The table the routing rule reads, authorities by organisation id.
    static func table(_ routes: [ComplaintRoute]) -> RoutingTable {
        RoutingTable(rows: routes.map { .init(category: $0.category, region: $0.region, authority: $0.$authority.id.uuidString) })
    }
}
