import Fluent
import Foundation
import SecureReporting

/// The identity key of one report, wrapped for one custodian, or for a reader a custodian approved.
final class ReportIdentityKey: Model, WrappedKeyRecord, @unchecked Sendable {
    static let schema = "report_identity_keys"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @Field(key: "reader_id") var readerID: String
    @Field(key: "enc") var enc: Data
    @Field(key: "ciphertext") var ciphertext: Data

    init() {}

    init(reportID: UUID, _ wrapped: WrappedKey) {
        $report.id = reportID
        store(wrapped)
    }
}

/// A reader's written request to see the identity a reporter sealed, and a custodian's decision on it.
final class IdentityRequest: Model, @unchecked Sendable {
    static let schema = "report_identity_requests"

    enum Status: String, Codable, Sendable { case pending, approved, declined }

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @Parent(key: "requester_id") var requester: User
    @Field(key: "reason") var reason: String
    @Field(key: "status") var status: Status
    @OptionalParent(key: "decided_by") var decidedBy: User?
    @OptionalField(key: "decision_note") var decisionNote: String?
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}
}
