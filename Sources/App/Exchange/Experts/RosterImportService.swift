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
    func message(_ catalogs: Catalogs, _ language: SupportedLanguage) -> String {
        let text: String = switch kind {
        case .missingColumn(let field): catalogs.text("roster.problem.missing_column", language, [catalogs.text("roster.field.\(field.rawValue)", language)])
        case .wrongFieldCount(let expected, let found): catalogs.text("roster.problem.wrong_field_count", language, [String(expected), String(found)])
        case .missingName: catalogs.text("roster.problem.missing_name", language)
        case .notACountry(let value): catalogs.text("roster.problem.not_a_country", language, [value])
        case .ambiguousCountry(let value, let codes): catalogs.text("roster.problem.ambiguous_country", language, [value, codes.joined(separator: ", ")])
        case .invalidEmail(let value): catalogs.text("roster.problem.invalid_email", language, [value])
        case .conflictingDuplicate(let first, let field):
            catalogs.text("roster.problem.conflicting_duplicate", language, [String(first), catalogs.text("roster.field.\(field.rawValue)", language)])
        case .alreadyInProgramme: catalogs.text("roster.problem.already_in_programme", language)
        case .countryCorrected(let value, let code): catalogs.text("roster.problem.country_corrected", language, [value, code])
        }
        return catalogs.text("roster.line", language, [String(line), text])
    }
}
