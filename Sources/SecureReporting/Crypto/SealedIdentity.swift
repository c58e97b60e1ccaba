import Foundation

/// An identity the reporter chose to give, sealed under a key of its own rather than the report's data key: readers
/// hold the data key, and must not read the identity until a custodian approves their request. The identity key is
/// a `ReportKey` whose report id is `<report id>/identity`, wrapped only for custodians, and for a reader once a
/// custodian re-wraps it for them.
public struct ReportIdentity: Codable, Equatable, Sendable {
    public static let item = "identity"
    public let name: String
    public let contact: String

    public init(name: String, contact: String) { (self.name, self.contact) = (name, contact) }

    /// The id its key is bound to, apart from the report's own.
    public static func scope(reportID: String) -> String { "\(reportID)/identity" }

    public var isEmpty: Bool { name.isEmpty && contact.isEmpty }
}
