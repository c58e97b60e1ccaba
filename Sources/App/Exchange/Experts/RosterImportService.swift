import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Plans a roster import, and writes it all or nothing in one audited transaction.
struct RosterImportService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    struct Preview: Sendable {
        let text: String
        let table: DelimitedText
        let mapping: RosterMapping
        let plan: RosterPlan
    }

    enum Refusal: Error {
        /// The file cannot be read as CSV or TSV.
        case unreadable(DelimitedText.Problem)
        /// Flagged rows remain and the person did not choose to skip them; nothing was written.
        case blocked(RosterPlan)
    }

    /// `mapping` nil means the suggestion from the header.
    func preview(_ text: String, mapping: RosterMapping?) async throws -> Preview {
        let table: DelimitedText
        do {
            table = try DelimitedText.parse(text)
        } catch {
            throw Refusal.unreadable(error)
        }
        let chosen = mapping ?? .suggested(for: table.header)
        let existing = Set(try await ExpertProfile.query(on: db).all(\.$identityKey))
        return Preview(text: text, table: table, mapping: chosen, plan: RosterImport.plan(table, mapping: chosen, existing: existing))
    }

    func apply(_ preview: Preview, skippingFlagged: Bool, actor: AuditActor) async throws -> [ExpertProfile] {
        guard preview.plan.canImport(skippingFlagged: skippingFlagged) else { throw Refusal.blocked(preview.plan) }
        let plan = preview.plan
        return try await audit.transaction(on: db, actor: actor) { scope in
            var created: [ExpertProfile] = []
            for planned in plan.experts {
                let profile = ExpertProfile(id: UUID(), planned: planned, source: "roster", now: clock.now())
                try await profile.create(on: scope.db)
                try await scope.record(.expertImport, .expertProfile(profile.requireID()),
                                       changes: ["country": planned.country.value, "lines": planned.lines.map(String.init).joined(separator: ",")])
                created.append(profile)
            }
            if created.isEmpty {
                try await scope.record(.rosterImportEmpty, AuditSubject(type: "roster", id: "none"),
                                       reason: "every row was flagged and skipped")
            }
            return created
        }
    }
}

extension RosterProblem {
    /// The problem in the reader's language.
    func message(_ text: some Translating) -> String {
        let words: String = switch kind {
        case .missingColumn(let field): text.t("roster.problem.missing_column", [text.t("roster.field.\(field.rawValue)")])
        case .wrongFieldCount(let expected, let found): text.t("roster.problem.wrong_field_count", [String(expected), String(found)])
        case .missingName: text.t("roster.problem.missing_name")
        case .notACountry(let value): text.t("roster.problem.not_a_country", [value])
        case .ambiguousCountry(let value, let codes): text.t("roster.problem.ambiguous_country", [value, codes.joined(separator: ", ")])
        case .invalidEmail(let value): text.t("roster.problem.invalid_email", [value])
        case .conflictingDuplicate(let first, let field):
            text.t("roster.problem.conflicting_duplicate", [String(first), text.t("roster.field.\(field.rawValue)")])
        case .alreadyInProgramme: text.t("roster.problem.already_in_programme")
        case .countryCorrected(let value, let code): text.t("roster.problem.country_corrected", [value, code])
        }
        return text.t("roster.line", [String(line), words])
    }

    func message(_ catalogs: Catalogs, _ language: SupportedLanguage) -> String {
        message(PageText(catalogs: catalogs, language: language))
    }
}

extension RosterPlan {
    /// "112 rows: 110 experts to import, 1 line merged into another person, 0 rows flagged." in the reader's language.
    func summary(rows: Int, _ text: some Translating) -> String {
        text.t("roster.summary", [
            text.plural(rows, one: "roster.summary.rows.one", other: "roster.summary.rows.other"),
            text.plural(experts.count, one: "roster.summary.experts.one", other: "roster.summary.experts.other"),
            text.plural(mergedLines, one: "roster.summary.merged.one", other: "roster.summary.merged.other"),
            text.plural(flaggedLines.count, one: "roster.summary.flagged.one", other: "roster.summary.flagged.other"),
        ])
    }
}

extension RosterMerge {
    /// "Lines 58 and 59 (Manuel Garrido) are one person: merged." in the reader's language.
    func message(_ text: some Translating) -> String {
        text.t("roster.merge", [text.list(lines.map(text.number)), name])
    }
}
