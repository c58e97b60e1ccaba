/// What a form or the API submits to create or change an organisation, before it is trusted.
public struct OrganisationDraft: Sendable, Equatable {
    public var kind: String?
    public var name: String?
    public var country: String?
    public var publicBodyType: String?
    public var jurisdiction: String?
    public var mandate: String?
    public var legalBasis: String?
    public var workingLanguages: [String]
    public var sector: String?
    /// A registry identifier in org-id form, `SCHEME-ID`; open data is matched on it before the name.
    public var identifier: String?

    public init(
        kind: String? = nil, name: String? = nil, country: String? = nil, publicBodyType: String? = nil,
        jurisdiction: String? = nil, mandate: String? = nil, legalBasis: String? = nil,
        workingLanguages: [String] = [], sector: String? = nil, identifier: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.country = country
        self.publicBodyType = publicBodyType
        self.jurisdiction = jurisdiction
        self.mandate = mandate
        self.legalBasis = legalBasis
        self.workingLanguages = workingLanguages
        self.sector = sector
        self.identifier = identifier
    }

    /// The checked form of a draft.
    public struct Valid: Sendable, Equatable {
        public enum Details: Sendable, Equatable {
            case publicBody(type: PublicBodyType, jurisdiction: Jurisdiction, mandate: String, legalBasis: String,
                            workingLanguages: [LanguageCode])
            case company(sector: Sector)
        }

        public let name: String
        public let country: CountryCode
        public let details: Details
        /// Upper case, or nil when none was given.
        public let identifier: String?

        public var kind: OrganisationKind {
            if case .company = details { return .company }
            return .publicBody
        }
    }

    public func validate() -> Result<Valid, ValidationFailure> {
        var v = Validator()
        let kind = v.choice("kind", kind, as: OrganisationKind.self)
        let name = v.text("name", name, maxLength: 200)
        let country = validCountry(&v)
        let identifier = validIdentifier(&v)
        let details: Valid.Details? = switch kind {
        case .publicBody: publicBodyDetails(&v)
        case .company: v.choice("sector", sector, as: Sector.self).map { .company(sector: $0) }
        case nil: nil
        }
        guard v.isValid, let country, let details else { return .failure(ValidationFailure(errors: v.errors)) }
        return .success(Valid(name: name, country: country, details: details, identifier: identifier))
    }

    /// org-id form: a registry list code of two letters and a code (`GB-COH`), a hyphen, then the id in that registry.
    private func validIdentifier(_ v: inout Validator) -> String? {
        let raw = PartyKey.identifier(identifier ?? "")
        guard !raw.isEmpty else { return nil }
        guard raw.count <= 100, raw.range(of: #"^[A-Z]{2}-[A-Z0-9]+-\S+$"#, options: .regularExpression) != nil else {
            v.add("identifier", .invalidIdentifier)
            return nil
        }
        return raw
    }

    private func validCountry(_ v: inout Validator) -> CountryCode? {
        guard let raw = country, !raw.trimmingWhitespace().isEmpty else {
            v.add("country", .required)
            return nil
        }
        guard let code = CountryCode(raw) else {
            v.add("country", .invalidCountry)
            return nil
        }
        return code
    }

    private func publicBodyDetails(_ v: inout Validator) -> Valid.Details? {
        let type = v.choice("publicBodyType", publicBodyType, as: PublicBodyType.self)
        let jurisdiction = v.choice("jurisdiction", jurisdiction, as: Jurisdiction.self)
        let mandate = v.text("mandate", mandate, maxLength: 4000)
        let legalBasis = v.text("legalBasis", legalBasis, required: false, maxLength: 1000)
        var languages: [LanguageCode] = []
        for raw in workingLanguages where !raw.trimmingWhitespace().isEmpty {
            guard let code = LanguageCode(raw) else {
                v.add("workingLanguages", .invalidLanguage)
                return nil
            }
            if !languages.contains(code) { languages.append(code) }
        }
        if languages.isEmpty { v.add("workingLanguages", .required) }
        guard let type, let jurisdiction, !languages.isEmpty else { return nil }
        return .publicBody(type: type, jurisdiction: jurisdiction, mandate: mandate, legalBasis: legalBasis,
                           workingLanguages: languages)
    }
}

public struct ValidationFailure: Error, Sendable, Equatable {
    public let errors: [FieldError]

    public init(errors: [FieldError]) {
        self.errors = errors
    }
}
