import ExchangeCore
import Foundation

/// The roster upload form, with what went wrong with the last file.
struct RosterUploadPage: PageModel {
    static let template = "roster_upload"
    let titleKey = "roster.title"

    let error: String?

    /// `error` is a catalog key; an unterminated quote also names its line.
    init(error: String?, problem: DelimitedText.Problem? = nil, text: some Translating) {
        guard let error else {
            self.error = nil
            return
        }
        var message = text.t(error)
        if case .unterminatedQuote(let line)? = problem { message += " " + text.t("roster.error.unterminated_quote", String(line)) }
        self.error = message
    }
}

/// What an upload would import: the column mapping to check, the experts it plans, and every problem by line.
struct RosterPreviewPage: PageModel {
    static let template = "roster_preview"
    let titleKey = "roster.preview_title"

    struct MappingRow: Encodable, Sendable {
        let field: String
        let label: String
        let options: [Option]
        let required: Bool
    }

    struct PlannedRow: Encodable, Sendable, Equatable {
        let name: String
        let organisation: String
        let country: String
        let areas: String
        let lines: String
    }

    let text: String
    let mapping: [MappingRow]
    let experts: [PlannedRow]
    let hasExperts: Bool
    let problems: [String]
    let hasProblems: Bool
    let blockingCount: Int
    let summary: String
    /// "Lines 58 and 59 (Manuel Garrido) are one person: merged.", one per person found on several lines.
    let merges: [String]
    let hasMerges: Bool
    let blocked: Bool

    /// `blocked`: an import was refused because of blocking problems.
    init(_ preview: RosterImportService.Preview, blocked: Bool, text translate: some Translating) {
        let plan = preview.plan, columns = preview.mapping.columns
        text = preview.text
        mapping = RosterField.allCases.map { field in
            MappingRow(field: field.rawValue, label: translate.t("roster.field.\(field.rawValue)"),
                       options: [Option(value: "", label: translate.t("roster.not_in_file"), selected: columns[field] == nil)]
                           + preview.table.header.enumerated().map { Option(value: String($0), label: $1, selected: columns[field] == $0) },
                       required: field == .name || field == .country)
        }
        experts = plan.experts.map {
            PlannedRow(name: $0.name, organisation: $0.organisation,
                       country: CountryCode($0.country.value)?.name(in: translate.language) ?? $0.country.value,
                       areas: $0.areas.joined(separator: ", "), lines: $0.lines.map(String.init).joined(separator: ", "))
        }
        hasExperts = !experts.isEmpty
        problems = plan.problems.map { $0.message(translate) }
        hasProblems = !problems.isEmpty
        blockingCount = plan.blockingProblems.count
        summary = plan.summary(rows: preview.table.records.count, translate)
        merges = plan.merges.map { $0.message(translate) }
        hasMerges = !merges.isEmpty
        self.blocked = blocked
    }
}

/// The expert directory for programme staff, searched by name and status.
struct ExpertsPage: PageModel {
    static let template = "experts"
    let titleKey = "experts.title"

    struct ExpertRow: Encodable, Sendable, Equatable {
        let href: String
        let name: String
        let organisation: String
        let country: String
        let status: String
        let areas: String
        let historyHref: String
    }

    let experts: [ExpertRow]
    let hasExperts: Bool
    let query: String
    let statuses: [Option]

    init(profiles: [ExpertProfile], search: ListSearch, text: some Translating) throws {
        experts = try profiles.map {
            let id = try $0.requireID()
            return ExpertRow(href: RosterRoute.review.link(id), name: $0.fullName, organisation: $0.organisationName,
                             country: CountryCode($0.country)?.name(in: text.language) ?? $0.country,
                             status: text.t("participation.\($0.status.rawValue)"), areas: $0.areas.joined(separator: ", "),
                             historyHref: AuditPageRoute.history(of: "expert_profile", id))
        }
        hasExperts = !experts.isEmpty
        query = search.text
        statuses = search.statusOptions(text)
    }
}

/// One expert's profile as the coordinator screens it: the facts, the screening, the letter and the decision.
struct ExpertReviewPage: PageModel {
    static let template = "expert_review"
    let titleKey = "expert_review.title"

    let id: String
    let name: String
    let status: String
    let screening: [ScreeningRow]
    let hasScreening: Bool
    let canDecide: Bool
    let decisionAction: String
    let decisionHint = "expert_review.reason_hint"
    let form: FormState
    let historyHref: String
    let facts: [ExpertProfileFacts.Line]
    let letter: LetterInfo?
    let letterHref: String

    init(profile p: ExpertProfile, letter: AuthorisationLetter?, errors: [FieldError], taxonomy: SkillsTaxonomy, text: some Translating) throws {
        let id = try p.requireID()
        self.id = id.uuidString.lowercased()
        name = p.fullName
        status = text.t("participation.\(p.status.rawValue)")
        screening = ScreeningRow.rows(p.screening, text)
        hasScreening = !screening.isEmpty
        canDecide = ParticipationWorkflow.coordinatorMayDecide(p.status)
        decisionAction = RosterRoute.decide.link(id)
        form = FormState(values: [:], errors: errors, on: text)
        historyHref = AuditPageRoute.history(of: "expert_profile", id)
        facts = ExpertProfileFacts.lines(p, taxonomy: taxonomy, text)
        self.letter = letter.map { LetterInfo($0, text) }
        letterHref = AuthorisationLetterRoute.downloadAny.link(id)
    }
}
