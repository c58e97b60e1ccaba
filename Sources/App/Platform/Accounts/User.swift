import ExchangeCore
import Fluent
import Foundation
import Vapor

/// A person with an account. E-mail and name are personal data: they never enter logs or audit leaves.
final class User: Model, Authenticatable, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @Field(key: "status") var status: AccountStatus
    @OptionalField(key: "preferred_language") var preferredLanguage: SupportedLanguage?
    /// An IANA time zone such as "Europe/Paris" that times are shown in; none: UTC.
    @OptionalField(key: "time_zone") var timeZoneIdentifier: String?
    /// What a self-registering person typed as their organisation, for the coordinator to place them.
    @OptionalField(key: "requested_organisation") var requestedOrganisation: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(
        id: UUID, email: EmailAddress, displayName: String, passwordHash: String, role: Role,
        organisationID: UUID?, status: AccountStatus, preferredLanguage: SupportedLanguage?, now: Date
    ) {
        self.id = id
        self.email = email.value
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.$organisation.id = organisationID
        self.status = status
        self.preferredLanguage = preferredLanguage
        self.createdAt = now
        self.updatedAt = now
    }

    /// The zone the person reads times in: their choice, else UTC.
    var timeZone: TimeZone { timeZoneIdentifier.flatMap(TimeZone.init(identifier:)) ?? .gmt }

    var principal: Principal {
        Principal(userID: id!, role: role, organisationID: $organisation.id)
    }
}

extension User {
    /// The people who speak for an organisation: its members with an active account.
    static func activeMembers(of organisationID: UUID, on db: Database) -> QueryBuilder<User> {
        User.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$status == .active)
    }
}
