import ExchangeCore
import Foundation

/// A party's conflict-of-interest declaration: each question yes or no, a yes explained, and an attestation.
struct DeclarationPage: PageModel {
    static let template = "declaration"
    let titleKey = "declaration.title"

    struct QuestionRow: Encodable, Sendable, Equatable {
        let name: String
        let text: String
        let yes: Bool
        let no: Bool
        let details: String
        let error: String?
        let detailsError: String?
    }

    let matchHref: String
    let action: String
    let needTitle: String
    let party: String
    let questions: [QuestionRow]
    let attested: Bool
    let attestedError: String?
    let declaredAt: String?
    let form: FormState

    /// `choices` are "yes" or "no" by question; `declaredAt` is set once the declaration is filed.
    init(match: MatchHeading, party: DeclaringParty, choices: [String: String], details: [String: String], attested: Bool,
         declaredAt: Date?, lookbackYears: Int, errors: [FieldError], text: some Translating) {
        let form = FormState(values: [:], errors: errors, on: text)
        matchHref = match.href
        action = DeclarationRoute.file.link(match.id)
        needTitle = match.needTitle
        self.party = text.t("declaration.party.\(party.rawValue)")
        questions = ConflictQuestion.allCases.map { q in
            QuestionRow(name: q.rawValue, text: text.t("declaration.question.\(q.rawValue)", String(lookbackYears)),
                        yes: choices[q.rawValue] == "yes", no: choices[q.rawValue] == "no", details: details[q.rawValue] ?? "",
                        error: form.errors[q.rawValue], detailsError: form.errors["\(q.rawValue)_details"])
        }
        self.attested = attested
        attestedError = form.errors["attested"]
        self.declaredAt = declaredAt.map(text.day)
        self.form = form
    }
}
