/// A reason one input field was refused. `code` names a message in every language catalog (`error.<code>`).
public struct FieldError: Equatable, Sendable, Codable {
    public enum Code: String, Codable, Sendable, CaseIterable {
        case required
        case tooLong
        case tooShort
        case invalidEmail
        case invalidChoice
        case invalidCountry
        case invalidLanguage
        case passwordTooShort
        case passwordTooLong
        case passwordsDiffer
        case emailTaken
        case organisationKindMismatch
        case unreadableFile
        case outOfRange
        case fileTooLarge
        case unsupportedFile
        case invalidURL
        case incomplete
        case needsWaiver
        case sameAsRequester
        case invalidIdentifier
        case invalidDate
        case missingSide
        case goalWithoutDeliverable
        case outsideEngagement
        case successStatementOpening
        case inFuture
        case beforeMeeting
        case notANumber
        case withoutConsent
        /// Another item already has this name.
        case nameTaken
        /// A questionnaire lets one reporter be asked more questions than the limit.
        case pathTooLong
        /// A condition names a question that is not asked before it, or one without a closed list of answers.
        case conditionOnLaterField
        /// Only answers from a closed list (choices, yes/no, a region) can be counted in public statistics.
        case notCountable
        /// A key that names something in addresses: lower-case letters, digits and hyphens.
        case invalidKey
    }

    public let field: String
    public let code: Code

    public init(_ field: String, _ code: Code) {
        self.field = field
        self.code = code
    }
}

/// Collects field errors so a form can show all of them at once.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public var isValid: Bool { errors.isEmpty }

    public mutating func add(_ field: String, _ code: FieldError.Code) {
        errors.append(FieldError(field, code))
    }

    /// Trims the text, requires it (unless optional) and bounds its length. Returns the trimmed text.
    @discardableResult
    public mutating func text(_ field: String, _ value: String?, required: Bool = true, maxLength: Int = 200) -> String {
        let trimmed = (value ?? "").trimmingWhitespace()
        if trimmed.isEmpty {
            if required { add(field, .required) }
        } else if trimmed.count > maxLength {
            add(field, .tooLong)
        }
        return trimmed
    }

    /// A required e-mail address, normalised; nil (with the field's error) when missing or malformed.
    public mutating func email(_ field: String, _ raw: String) -> EmailAddress? {
        if raw.trimmingWhitespace().isEmpty {
            add(field, .required)
            return nil
        }
        guard let address = EmailAddress(raw) else {
            add(field, .invalidEmail)
            return nil
        }
        return address
    }

    /// A new password and its repetition, under the platform's password rules.
    public mutating func newPassword(_ password: String, confirmation: String) {
        if let problem = PasswordRules.check(password) { add("password", problem) }
        if password != confirmation { add("passwordConfirmation", .passwordsDiffer) }
    }

    public mutating func choice<T: RawRepresentable>(_ field: String, _ raw: String?, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let raw, !raw.isEmpty else {
            add(field, .required)
            return nil
        }
        guard let value = T(rawValue: raw) else {
            add(field, .invalidChoice)
            return nil
        }
        return value
    }
}
