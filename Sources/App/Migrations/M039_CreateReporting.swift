import Fluent
import SQLKit

/// Secure reporting (issue 20): contexts with versioned questionnaires, recipients' sealed key pairs, and sealed
/// reports with a wrapped data key per reader. Nothing here holds plaintext: answers, messages and the whistleblower's
/// key are ciphertexts (docs/reporting-crypto.md), the receipt is kept only as its lookup tag, and days replace
/// timestamps so a report's time cannot be lined up with other logs.
struct M039_CreateReporting: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ReportingSecret.schema)
            .id()
            .field("installation_salt", .data, .required)
            .create()
        try await database.schema(ReportContext.schema)
            .id()
            .field("key", .string, .required)
            .field("channel", .string, .required)
            .field("title", .json, .required)
            .field("retention_days", .int, .required)
            .field("recipients", .json, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "key")
            .create()
        try await database.schema(QuestionnaireVersion.schema)
            .id()
            .field("context_id", .uuid, .required, .references(ReportContext.schema, .id))
            .field("number", .int, .required)
            .field("questionnaire", .json, .required)
            .field("published_by", .uuid, .references(User.schema, .id))
            .field("published_at", .datetime, .required)
            .unique(on: "context_id", "number")
            .create()
        try await database.schema(RecipientKey.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("keyring", .json, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema(Report.schema)
            .id()
            .field("context_id", .uuid, .required, .references(ReportContext.schema, .id))
            .field("version_id", .uuid, .required, .references(QuestionnaireVersion.schema, .id))
            .field("status", .string, .required)
            .field("lookup_tag", .data, .required)
            .field("whistleblower_key", .data, .required)
            .field("answers", .data, .required)
            .field("demographics", .data)
            .field("missing_evidence", .json, .required)
            .field("submitted_on", .datetime, .required)
            .field("expires_on", .datetime, .required)
            .unique(on: "lookup_tag")
            .create()
        try await database.schema(ReportReaderKey.schema)
            .id()
            .field("report_id", .uuid, .required, .references(Report.schema, .id))
            .field("reader_id", .string, .required)
            .field("enc", .data, .required)
            .field("ciphertext", .data, .required)
            .unique(on: "report_id", "reader_id")
            .create()
        try await database.schema(ReportMessage.schema)
            .id()
            .field("report_id", .uuid, .required, .references(Report.schema, .id))
            .field("number", .int, .required)
            .field("from_whistleblower", .bool, .required)
            .field("status", .string)
            .field("author_id", .uuid, .references(User.schema, .id))
            .field("sealed", .data, .required)
            .field("sent_on", .datetime, .required)
            .unique(on: "report_id", "number")
            .create()
        for (table, column) in [(QuestionnaireVersion.schema, "published_by"), (Report.schema, "context_id"), (Report.schema, "version_id"),
                                (ReportMessage.schema, "author_id")] {
            try await database.sql.create(index: "\(table)_\(column)").on(table).column(column).run()
        }
    }

    func revert(on database: Database) async throws {
        for (table, column) in [(QuestionnaireVersion.schema, "published_by"), (Report.schema, "context_id"), (Report.schema, "version_id"),
                                (ReportMessage.schema, "author_id")] {
            try await database.sql.drop(index: "\(table)_\(column)").run()
        }
        for schema in [ReportMessage.schema, ReportReaderKey.schema, Report.schema, RecipientKey.schema, QuestionnaireVersion.schema,
                       ReportContext.schema, ReportingSecret.schema] {
            try await database.schema(schema).delete()
        }
    }
}
