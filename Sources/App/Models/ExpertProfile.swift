import ExchangeCore
import Fluent
import Foundation

/// An expert in the programme. Imported experts start as invited, without an account, until they confirm.
final class ExpertProfile: Model, @unchecked Sendable {
    static let schema = "expert_profiles"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "full_name") var fullName: String
    @OptionalField(key: "email") var email: String?
    @Field(key: "organisation_name") var organisationName: String
    /// Name and organisation folded, so the same person is never added twice.
    @Field(key: "identity_key") var identityKey: String
    @Field(key: "country") var country: String
    /// Areas of expertise as the roster gave them, separated by "; ".
    @Field(key: "areas") var areasText: String
    @Field(key: "status") var status: ParticipationStatus
    @Field(key: "source") var source: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(id: UUID, planned: PlannedExpert, source: String, now: Date) {
        self.id = id
        fullName = planned.name
        email = planned.email?.value
        organisationName = planned.organisation
        identityKey = RosterImport.identity(name: planned.name, organisation: planned.organisation)
        country = planned.country.value
        areasText = planned.areas.joined(separator: "; ")
        status = .invited
        self.source = source
        createdAt = now
        updatedAt = now
    }

    var areas: [String] { areasText.isEmpty ? [] : areasText.components(separatedBy: "; ") }
}
