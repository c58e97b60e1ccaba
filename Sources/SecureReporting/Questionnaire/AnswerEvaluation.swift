import ExchangeCore
import Foundation

/// What a questionnaire makes of the answers given so far: which questions are shown, the typed answers to those
/// (answers to hidden questions are dropped, never kept), what is wrong, what blocks submission, the recipients that
/// rules add or exclude, and which evidence items are still missing.
public struct Evaluation: Equatable, Sendable {
    public internal(set) var visibleFields: [String] = []
    public internal(set) var answers: [String: Answer] = [:]
    public internal(set) var demographics: [String: Answer] = [:]
    public internal(set) var errors: [FieldError] = []
    public internal(set) var blocks: [LocalizedText] = []
    public internal(set) var addedRecipients: Set<String> = []
    public internal(set) var excludedRecipients: Set<String> = []
    public internal(set) var missingEvidence: [EvidenceItem] = []

    public var canSubmit: Bool { errors.isEmpty && blocks.isEmpty }

    /// The context's recipients with the rules applied; an exclusion wins over everything.
    public func recipients(base: Set<String>) -> Set<String> {
        base.union(addedRecipients).subtracting(excludedRecipients)
    }
}

/// Limits on free answers, so a sealed report stays a report.
public enum AnswerLimits {
    public static let text = 500
    public static let longText = 20_000
    public static let files = 20
}

extension ReportQuestionnaire {
    /// Evaluates `draft` (values per field id, as posted) in order: a field is shown when its step's and its own
    /// condition hold on the answers to shown fields before it. `regions` is the platform's list of region codes.
    public func evaluate(_ draft: [String: [String]], regions: Set<String>) -> Evaluation {
        var result = Evaluation()
        var validator = Validator()
        for (step, field) in reportFields where holds(step.showWhen, result.answers) && holds(field.showWhen, result.answers) {
            result.visibleFields.append(field.id)
            if let answer = field.read(draft[field.id] ?? [], regions: regions, into: &validator) { result.answers[field.id] = answer }
        }
        for field in demographics {
            // Never required: whoever reports may skip every question about themselves.
            var optional = field
            optional.required = false
            if let answer = optional.read(draft[field.id] ?? [], regions: regions, into: &validator) { result.demographics[field.id] = answer }
        }
        for rule in rules where holds(rule.when, result.answers) && result.answers[rule.when.field] != nil {
            switch rule.effect {
            case .addRecipients(let keys): result.addedRecipients.formUnion(keys)
            case .excludeRecipients(let keys): result.excludedRecipients.formUnion(keys)
            case .block(let reason): result.blocks.append(reason)
            }
        }
        let answered = Set(reportFields.filter { result.answers[$0.field.id] != nil }.compactMap(\.field.evidence))
        let asked = Set(reportFields.compactMap(\.field.evidence))
        result.missingEvidence = EvidenceItem.allCases.filter { asked.contains($0) && !answered.contains($0) }
        result.errors = validator.errors
        return result
    }

    /// Whether `condition` holds on `answers`; no condition always holds, and an unanswered field holds nothing.
    func holds(_ condition: Condition?, _ answers: [String: Answer]) -> Bool {
        guard let condition else { return true }
        return answers[condition.field]?.satisfies(condition.value) ?? false
    }
}

extension ReportQuestion {
    /// The typed answer in `values`, nil when blank; adds this field's error when it is missing or malformed.
    func read(_ values: [String], regions: Set<String>, into v: inout Validator) -> Answer? {
        let given = values.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard let first = given.first else {
            if required { v.add(id, .required) }
            return nil
        }
        switch kind {
        case .text, .longText:
            let limit = kind == .text ? AnswerLimits.text : AnswerLimits.longText
            guard first.count <= limit else { v.add(id, .tooLong); return nil }
            return .text(first)
        case .choice, .multipleChoice:
            let ids = kind == .choice ? [first] : given.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard ids.allSatisfy({ id in options.contains { $0.id == id } }) else { v.add(id, .invalidChoice); return nil }
            return .choices(ids)
        case .yesNo:
            guard let answer = YesNo(rawValue: first) else { v.add(id, .invalidChoice); return nil }
            return .yesNo(answer == .yes)
        case .date:
            guard let day = CalendarDate(first) else { v.add(id, .invalidDate); return nil }
            return .date(day)
        case .amount:
            guard let amount = Decimal(string: first, locale: Locale(identifier: "en_US_POSIX")), amount >= 0,
                  first.allSatisfy({ $0.isNumber || $0 == "." }) else { v.add(id, .notANumber); return nil }
            return .amount(amount)
        case .location:
            guard let location = Answer.Location(first, regions: regions) else { v.add(id, .invalidChoice); return nil }
            return .location(location)
        case .file:
            guard given.count <= AnswerLimits.files else { v.add(id, .outOfRange); return nil }
            return .files(given)
        }
    }
}

extension Answer.Location {
    /// A region code from `regions`, or a point written "latitude,longitude" in decimal degrees.
    init?(_ text: String, regions: Set<String>) {
        if regions.contains(text) {
            self = .region(text)
            return
        }
        let parts = text.split(separator: ",").map { Double(String($0).trimmingWhitespace()) }
        guard parts.count == 2, let latitude = parts[0], let longitude = parts[1],
              (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        self = .point(latitude: latitude, longitude: longitude)
    }
}
