import ExchangeCore
import Foundation

/// One owner as a company declares it. A person's birth date, address and identity number are protected: kept for
/// the programme's checks, never published.
public struct DisclosedOwner: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case person, entity
    }

    public let kind: Kind
    public let name: String
    /// Nationality of a person, or where a company is registered (ISO 3166-1 alpha-2).
    public let country: String?
    /// Percentages of shares or votes held, as a range; both nil for control without shares.
    public let shareMinimum: Double?
    public let shareMaximum: Double?
    /// Control by other means: appointing the board, a veto, a trust's powers.
    public let controls: Bool
    public let politicallyExposed: Bool
    /// A company's register number or LEI (public); a person's identity document number (protected).
    public let identifier: String?
    public let birthDate: String?
    public let address: String?

    public init(kind: Kind, name: String, country: String?, shareMinimum: Double?, shareMaximum: Double?, controls: Bool,
                politicallyExposed: Bool, identifier: String?, birthDate: String?, address: String?) {
        self.kind = kind
        self.name = name
        self.country = country
        self.shareMinimum = shareMinimum
        self.shareMaximum = shareMaximum
        self.controls = controls
        self.politicallyExposed = politicallyExposed
        self.identifier = identifier
        self.birthDate = birthDate
        self.address = address
    }

    /// What may be published: the same owner without a person's protected details.
    public var publicPart: DisclosedOwner {
        guard kind == .person else { return self }
        return DisclosedOwner(kind: kind, name: name, country: country, shareMinimum: shareMinimum, shareMaximum: shareMaximum,
                              controls: controls, politicallyExposed: politicallyExposed, identifier: nil, birthDate: nil, address: nil)
    }
}

/// A disclosure as its form or API sends it, before checking.
public struct SupplierDisclosureDraft: Sendable, Equatable {
    public struct Owner: Sendable, Equatable {
        public var kind: String?, name: String?, country: String?, shareMinimum: String?, shareMaximum: String?
        public var controls: Bool, politicallyExposed: Bool
        public var identifier: String?, birthDate: String?, address: String?

        public init(kind: String? = nil, name: String? = nil, country: String? = nil, shareMinimum: String? = nil, shareMaximum: String? = nil,
                    controls: Bool = false, politicallyExposed: Bool = false, identifier: String? = nil, birthDate: String? = nil,
                    address: String? = nil) {
            self.kind = kind
            self.name = name
            self.country = country
            self.shareMinimum = shareMinimum
            self.shareMaximum = shareMaximum
            self.controls = controls
            self.politicallyExposed = politicallyExposed
            self.identifier = identifier
            self.birthDate = birthDate
            self.address = address
        }

        /// A row of the form left blank.
        var isBlank: Bool {
            [name, country, shareMinimum, shareMaximum, identifier, birthDate, address].allSatisfy { ($0 ?? "").trimmingWhitespace().isEmpty }
                && !controls && !politicallyExposed
        }
    }

    /// `complete`, or `partial` with a reason.
    public var completeness: String?
    public var owners: [Owner]
    /// A code from BODS's unspecifiedReason codelist, for a partial disclosure.
    public var reason: String?
    public var reasonDescription: String?
    /// The declarant accepted the declaration of truthfulness.
    public var declared: Bool

    public static let maximumOwners = 20

    public init(completeness: String? = nil, owners: [Owner] = [], reason: String? = nil, reasonDescription: String? = nil, declared: Bool = false) {
        self.completeness = completeness
        self.owners = owners
        self.reason = reason
        self.reasonDescription = reasonDescription
        self.declared = declared
    }

    public enum Completeness: String, Sendable, CaseIterable {
        case complete, partial
    }

    /// The owners and, for a partial disclosure, why some are missing; every problem at once otherwise.
    public func validate(today: CalendarDate) throws(ValidationFailure) -> (owners: [DisclosedOwner], unspecified: Unspecified?) {
        var v = Validator()
        let completeness = v.choice("completeness", completeness, as: Completeness.self)
        let rows = owners.enumerated().filter { !$0.element.isBlank }
        if rows.count > Self.maximumOwners { v.add("owners", .outOfRange) }
        let owners = rows.compactMap { index, owner in Self.owner(owner, at: "owners.\(index)", today: today, &v) }
        var unspecified: Unspecified?
        if completeness == .complete, rows.isEmpty { v.add("owners", .required) }
        if completeness == .partial {
            let description = v.text("reasonDescription", reasonDescription, required: false, maxLength: 500)
            if let reason = v.choice("reason", reason, as: UnspecifiedReason.self) {
                unspecified = Unspecified(reason: reason.rawValue, description: description.isEmpty ? nil : description)
            }
        }
        if !declared { v.add("declared", .required) }
        guard v.isValid else { throw ValidationFailure(errors: v.errors) }
        return (owners, unspecified)
    }

    private static func owner(_ draft: Owner, at path: String, today: CalendarDate, _ v: inout Validator) -> DisclosedOwner? {
        let before = v.errors.count
        let kind = v.choice("\(path).kind", draft.kind, as: DisclosedOwner.Kind.self)
        let name = v.text("\(path).name", draft.name)
        let country = v.text("\(path).country", draft.country, required: false, maxLength: 2).uppercased()
        if !country.isEmpty, CountryCode(country) == nil { v.add("\(path).country", .invalidCountry) }
        let minimum = share(draft.shareMinimum, "\(path).shareMinimum", &v), maximum = share(draft.shareMaximum, "\(path).shareMaximum", &v)
        if let minimum, let maximum, minimum > maximum { v.add("\(path).shareMaximum", .outOfRange) }
        if minimum == nil, maximum == nil, !draft.controls { v.add("\(path).shareMinimum", .incomplete) }
        let identifier = v.text("\(path).identifier", draft.identifier, required: false, maxLength: 60)
        if kind == .entity, identifier.uppercased().hasPrefix("XI-LEI-") || identifier.count == 20,
           LegalEntityIdentifier(String(identifier.uppercased().replacingOccurrences(of: "XI-LEI-", with: ""))) == nil {
            v.add("\(path).identifier", .invalidIdentifier)
        }
        let birthDate = v.text("\(path).birthDate", draft.birthDate, required: false, maxLength: 10)
        if !birthDate.isEmpty {
            if let day = CalendarDate(birthDate) { if day > today { v.add("\(path).birthDate", .inFuture) } } else { v.add("\(path).birthDate", .invalidDate) }
        }
        let address = v.text("\(path).address", draft.address, required: false, maxLength: 300)
        guard v.errors.count == before, let kind else { return nil }
        let person = kind == .person
        return DisclosedOwner(kind: kind, name: name, country: country.isEmpty ? nil : country,
                              shareMinimum: minimum ?? maximum, shareMaximum: maximum ?? minimum, controls: draft.controls,
                              politicallyExposed: person && draft.politicallyExposed, identifier: identifier.isEmpty ? nil : identifier,
                              birthDate: person && !birthDate.isEmpty ? birthDate : nil, address: person && !address.isEmpty ? address : nil)
    }

    private static func share(_ raw: String?, _ field: String, _ v: inout Validator) -> Double? {
        let text = (raw ?? "").trimmingWhitespace().replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty else { return nil }
        guard let value = Double(text), value.isFinite else { v.add(field, .notANumber); return nil }
        guard value > 0, value <= 100 else { v.add(field, .outOfRange); return nil }
        return value
    }
}

/// BODS 0.4's unspecifiedReason codes a company may give for a partial disclosure.
public enum UnspecifiedReason: String, Sendable, CaseIterable {
    case noBeneficialOwners
    case subjectUnableToConfirmOrIdentifyBeneficialOwner
    case interestedPartyHasNotProvidedInformation
    case subjectExemptFromDisclosure
    case interestedPartyExemptFromDisclosure
    case unknown
    case informationUnknownToPublisher
}

public struct ValidationFailure: Error, Sendable, Equatable {
    public let errors: [FieldError]
}
