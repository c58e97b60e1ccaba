import Fluent
import Foundation
import SecureReporting

/// A redacted copy of a report forwarded to another organisation (`RedactedCopy`), sealed under a key of its own.
final class ReportForward: Model, @unchecked Sendable {
    static let schema = "report_forwards"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "forwarded_by") var forwardedBy: User
    /// The `RedactedCopy`, sealed; emptied when the report is shredded.
    @Field(key: "sealed") var sealed: Data
    /// How many answered questions the sender withheld: the original's page says so without opening the copy.
    @Field(key: "withheld") var withheld: Int
    @Field(key: "forwarded_on") var forwardedOn: Date
    @Children(for: \.$forward) var keys: [ReportForwardKey]

    init() {}

    /// The id the copy's key is bound to (`RedactedCopy.scope`).
    static func scope(reportID: UUID, forwardID: UUID) -> String {
        RedactedCopy.scope(reportID: reportID.uuidString.lowercased(), forwardID: forwardID.uuidString.lowercased())
    }
}

/// A copy's key wrapped for one reader of the organisation it went to.
final class ReportForwardKey: Model, WrappedKeyRecord, @unchecked Sendable {
    static let schema = "report_forward_keys"

    @ID(key: .id) var id: UUID?
    @Parent(key: "forward_id") var forward: ReportForward
    @Field(key: "reader_id") var readerID: String
    @Field(key: "enc") var enc: Data
    @Field(key: "ciphertext") var ciphertext: Data

    init() {}

    init(forwardID: UUID, _ wrapped: WrappedKey) {
        $forward.id = forwardID
        store(wrapped)
    }
}
