import ExchangeCore
import Fluent
import Foundation

/// A party's report that someone in the exchange promoted or sold a product, service or tool.
final class MarketingConcern: Model, @unchecked Sendable {
    static let schema = "marketing_concerns"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    /// Shown to programme staff only.
    @Parent(key: "reported_by") var reporter: User
    @Field(key: "reporter_party") var reporterParty: DeclaringParty
    @Field(key: "description") var text: String
    /// Newline-separated web links.
    @Field(key: "links") var storedLinks: JSONList<String>
    @Field(key: "status") var status: MarketingConcernStatus
    @OptionalField(key: "outcome_text") var outcomeText: String?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "alternative_engagement_id") var alternativeEngagementID: UUID?
    @Field(key: "reported_at") var reportedAt: Date

    init() {}

    init(engagementID: UUID, report: MarketingConcernReport, by reporter: User, as party: DeclaringParty, now: Date) throws {
        id = UUID()
        $engagement.id = engagementID
        $reporter.id = try reporter.requireID()
        reporterParty = party
        text = report.description
        storedLinks = JSONList(report.links)
        status = .open
        reportedAt = now
    }

    var links: [String] { storedLinks.items }
}
