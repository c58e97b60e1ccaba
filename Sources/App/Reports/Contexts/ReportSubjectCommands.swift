import ExchangeCore
import Fluent
import Foundation
import SecureReporting
import Vapor

/// What `integrity questionnaire` needs: the same services as the pages and the API, acting as the command line.
extension Platform {
    /// One line per subject: key, channel, current version and longest path.
    public static func reportSubjectLines(_ app: Application) async throws -> [String] {
        try await app.registry.reportContexts.subjects().map { context, current in
            [context.key, context.channel.rawValue, current.map { "version \($0.number)" } ?? "no version",
             current.map { "longest path \($0.questionnaire.longestPath().count)/\(ReportQuestionnaire.maximumPath)" } ?? ""]
                .joined(separator: "\t")
        }
    }

    /// Adds the model subjects an installation starts with, where missing; returns how many there are now.
    public static func seedReportSubjects(_ app: Application) async throws -> Int {
        try await app.registry.reportContexts.seed()
        return try await ReportContext.query(on: app.db).count()
    }

    /// The subject's current questionnaire as the API writes it, with its version number.
    public static func exportQuestionnaire(_ app: Application, subject key: String) async throws -> (version: Int, json: Data) {
        let context = try await subject(key, app)
        guard let current = try await QuestionnaireVersion.current(of: context.requireID(), on: app.db) else {
            throw CommandError(description: "subject \(key) has no questionnaire")
        }
        return (current.number, try documentEncoder.encode(QuestionnaireDocument(current.questionnaire)))
    }

    /// The builder's check on a questionnaire file: the longest path, and each problem by its path, in English.
    public static func checkQuestionnaire(_ app: Application, json: Data) throws -> (longestPath: [String], problems: [String]) {
        let questionnaire = try document(json)
        return (questionnaire.longestPath(), describe(questionnaire.problems(), app))
    }

    /// Publishes a questionnaire file as the subject's next version; nil when it is the current version already.
    public static func publishQuestionnaire(_ app: Application, subject key: String, json: Data, base: Int?) async throws -> Int? {
        let context = try await subject(key, app)
        let questionnaire = try document(json)
        do {
            return try await app.registry.reportContexts.publish(questionnaire, to: context, editedFrom: base, by: nil)?.number
        } catch AppError.validation(let problems) {
            throw CommandError(description: "the questionnaire was not published:\n" + describe(problems, app).joined(separator: "\n"))
        } catch AppError.conflict {
            throw CommandError(description: "version \(base.map(String.init) ?? "?") is no longer the current one; export the subject again and redo the edit")
        }
    }

    private static let documentEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func subject(_ key: String, _ app: Application) async throws -> ReportContext {
        guard let context = try await ReportContext.query(on: app.db).filter(\.$key == key).first() else {
            throw CommandError(description: "no reporting subject has the key \(key) (see integrity questionnaire list)")
        }
        return context
    }

    private static func document(_ json: Data) throws -> ReportQuestionnaire {
        do {
            return try JSONDecoder().decode(QuestionnaireDocument.self, from: json).questionnaire
        } catch let error as DecodingError {
            throw CommandError(description: "the file is not a questionnaire: \(reason(error))")
        } catch {
            throw CommandError(description: "the file is not JSON")
        }
    }

    /// Where a file fails to decode, as a path into it: `steps[0].fields[2].kind`.
    private static func reason(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let written = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return written.hasPrefix(".") ? String(written.dropFirst()) : written.isEmpty ? "the top" : written
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "unreadable"
        }
    }

    private static func describe(_ problems: [FieldError], _ app: Application) -> [String] {
        problems.map { "\($0.field): \(app.catalogs.text("error.\($0.code.rawValue)", .en))" }
    }
}
