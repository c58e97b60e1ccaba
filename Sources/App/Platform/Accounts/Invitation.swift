import ExchangeCore
import Fluent
import Foundation

/// A coordinator's single-use, expiring offer of an account with a given role.
final class Invitation: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "role") var role: Role
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @Field(key: "language") var language: SupportedLanguage
    @Field(key: "token_digest") var tokenDigest: String
    @Field(key: "invited_by") var invitedBy: UUID
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID, email: EmailAddress, role: Role, organisationID: UUID?, language: SupportedLanguage,
         tokenDigest: String, invitedBy: UUID, now: Date) {
        self.id = id
        self.email = email.value
        self.role = role
        self.$organisation.id = organisationID
        self.language = language
        self.tokenDigest = tokenDigest
        self.invitedBy = invitedBy
        self.expiresAt = now.addingTimeInterval(TokenLifetime.invitation)
        self.createdAt = now
    }

    func state(now: Date) -> TokenState { TokenState(expiresAt: expiresAt, usedAt: acceptedAt, now: now) }
}
