import Fluent
import Foundation
import SecureReporting

/// A sealed report. What the server can read is only what routing, retention and the public statistics need: its
/// context, status, region, statistical answers and authority, the evidence items it lacks, and a few days.
/// Everything the reporter wrote is ciphertext under the report's data key.
final class Report: Model, @unchecked Sendable {
    static let schema = "reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "context_id") var context: ReportContext
    @Parent(key: "version_id") var version: QuestionnaireVersion
    @Field(key: "status") var status: ComplaintStatus
    /// HKDF of the stretched receipt: the only trace of the receipt, by which the whistleblower comes back.
    @Field(key: "lookup_tag") var lookupTag: Data
    /// The whistleblower's private key, sealed under the receipt's key-encryption key.
    @Field(key: "whistleblower_key") var whistleblowerKey: Data
    @Field(key: "answers") var answers: Data
    @OptionalField(key: "demographics") var demographics: Data?
    /// Evidence-checklist items the questionnaire asks for and the report left blank (`EvidenceItem` raw values).
    @Field(key: "missing_evidence") var missingEvidence: JSONList<String>
    @Field(key: "submitted_on") var submittedOn: Date
    @Field(key: "expires_on") var expiresOn: Date
    /// The region answered in a statistical location field: routing and statistics read it.
    @OptionalField(key: "region") var region: String?
    /// Answers to statistical fields, by field id (`ReportQuestionnaire.statistics(of:)`).
    @OptionalField(key: "statistics") var statistics: [String: [String]]?
    /// The authority the routing table sent a complaint to.
    @OptionalParent(key: "authority_id") var authority: Organisation?
    /// The day a recipient first wrote to the reporter or moved the report, and the day it closed.
    @OptionalField(key: "first_response_on") var firstResponseOn: Date?
    @OptionalField(key: "closed_on") var closedOn: Date?
    /// It misses an item of the evidence minimum (`EvidenceItem.minimum`): intake quality is measured by it.
    @OptionalField(key: "lacks_evidence") var lacksEvidence: Bool?
    /// The day its retention ended and its keys and sealed content were destroyed (`ReportRetentionService`).
    @OptionalField(key: "shredded_on") var shreddedOn: Date?
    /// The identity the reporter chose to give, sealed under its own key (`ReportIdentity`); nil when none was given.
    @OptionalField(key: "identity") var identity: Data?
    /// The complainant's address for status updates, sealed under the data key (`ComplainantContact`); nil when none.
    @OptionalField(key: "contact") var contact: Data?
    @Children(for: \.$report) var readerKeys: [ReportReaderKey]

    init() {}
}

/// The report's data key wrapped for one reader (`WrappedKey`): a recipient by user id, or the whistleblower.
final class ReportReaderKey: Model, WrappedKeyRecord, @unchecked Sendable {
    static let schema = "report_reader_keys"

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

/// One message of a report's thread, sealed as the item `message/<id>`; numbered, so order needs no timestamp.
final class ReportMessage: Model, @unchecked Sendable {
    static let schema = "report_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @Field(key: "number") var number: Int
    @Field(key: "from_whistleblower") var fromWhistleblower: Bool
    /// Set when the message explains a change of status: the status it moved to.
    @OptionalField(key: "status") var status: ComplaintStatus?
    @OptionalParent(key: "author_id") var author: User?
    @Field(key: "sealed") var sealed: Data
    @Field(key: "sent_on") var sentOn: Date

    init() {}

    static func item(_ id: UUID) -> String { "message/\(id.uuidString.lowercased())" }
}

/// The installation's salt for stretching receipts: made once, never shown.
final class ReportingSecret: Model, @unchecked Sendable {
    static let schema = "reporting_secrets"

    @ID(key: .id) var id: UUID?
    @Field(key: "installation_salt") var installationSalt: Data

    init() {}

    /// The salt, made on first use; two instances starting together keep the first one stored.
    static func salt(on db: Database) async throws -> Data {
        if let stored = try await query(on: db).sort(\.$id).first() { return stored.installationSalt }
        let secret = ReportingSecret()
        secret.id = UUID(uuidString: "00000000-0000-0000-0000-00000000005a")
        secret.installationSalt = Data((0..<32).map { _ in UInt8.random(in: .min ... .max) })
        do { try await secret.create(on: db) } catch {}
        return try await query(on: db).sort(\.$id).first()!.installationSalt
    }
}
