import Fluent
import Foundation
import RedFlags

/// One red-flag run over an uploaded OCDS file: who ran it with which settings, how far it got, and what it found.
final class RedFlagRun: Model, @unchecked Sendable {
    static let schema = "red_flag_runs"

    enum Status: String, Codable, Sendable, CaseIterable {
        case running, completed, failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "status") var status: Status
    @Field(key: "file_name") var fileName: String
    /// The settings file's text as given (empty: every indicator with its defaults).
    @Field(key: "settings") var settings: String
    /// Compiled releases to read.
    @Field(key: "processes") var processes: Int
    /// What the upload held and what was wrong with it.
    @Field(key: "upload_summary") var uploadSummary: RedFlagUploadSummary
    /// Cardinal-format results with Meta and Maps, the risk scores, and each process's organizations, as JSON.
    @OptionalField(key: "results") var results: String?
    @OptionalField(key: "risk") var risk: String?
    /// Each process's parties (`[String: RedFlagRunJob.StoredParties]`), and the names of the organizations in results by
    /// identifier (`[String: String]`): JSON text, like the results, because they are as large as the data and a list of
    /// runs must not decode them. `RedFlagRun.decoded` reads them, failing loudly on damage.
    @OptionalField(key: "parties") var parties: String?
    @OptionalField(key: "organization_names") var organizationNames: String?
    /// SHA-256 of the file as uploaded: the same file sent twice while its run goes on is one run.
    @OptionalField(key: "input_digest") var inputDigest: String?
    /// Size of the stored compiled releases, which progress counts through.
    @OptionalField(key: "input_bytes") var inputBytes: Int?
    /// The conflict-data import that shares the releases' parties with conflict screening.
    @OptionalField(key: "data_import_id") var dataImportID: UUID?
    /// A catalog key naming why the run failed.
    @OptionalField(key: "failure") var failure: String?
    @Field(key: "started_by") var startedBy: UUID
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}
}

extension RedFlagRun {
    /// The settings the run uses: those given, or every indicator with its defaults when none were, as the CLI does.
    func parsedSettings() throws -> Settings {
        try Settings.parse(settings.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? SettingsTemplate.text : settings)
    }

    /// One of the run's JSON text columns as its type; nil when the column is empty.
    static func decoded<T: Decodable>(_ text: String?, as type: T.Type) throws -> T? {
        try text.map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
