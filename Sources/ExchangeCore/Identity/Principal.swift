import Foundation

/// The signed-in person as the access policy sees them.
public struct Principal: Equatable, Sendable {
    public let userID: UUID
    public let role: Role
    public let organisationID: UUID?

    public init(userID: UUID, role: Role, organisationID: UUID?) {
        self.userID = userID
        self.role = role
        self.organisationID = organisationID
    }
}
