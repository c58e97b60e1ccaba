import ExchangeCore
import Foundation

/// Public bodies and companies, searched by name and kind.
struct OrganisationListPage: PageModel {
    static let template = "organisations"
    let titleKey = "organisations.title"

    struct ListItem: Encodable, Sendable, Equatable {
        let name: String
        let href: String
        let kind: String
        let country: String
    }

    let items: [ListItem]
    let hasItems: Bool
    let query: String
    let kinds: [Option]
    let canCreate: Bool

    init(organisations: [Organisation], query: String, kind: OrganisationKind?, canCreate: Bool, text: some Translating) throws {
        items = try organisations.map {
            ListItem(name: $0.name, href: OrganisationRoute.show.link(try $0.requireID()), kind: text.t("organisation.kind.\($0.kind.rawValue)"),
                     country: CountryCode($0.country)?.name(in: text.language) ?? $0.country)
        }
        hasItems = !items.isEmpty
        self.query = query
        kinds = Option.cases(OrganisationKind.allCases, labels: "organisation.kind", selected: kind?.rawValue, text)
        self.canCreate = canCreate
    }
}

/// One organisation, with what the reader may do with it.
struct OrganisationPage: PageModel {
    static let template = "organisation"
    let titleKey = "organisation.title"

    let id: String
    let name: String
    let kind: String
    let country: String
    let identifier: String?
    let publicBodyType: String?
    let jurisdiction: String?
    let mandate: String?
    let legalBasis: String?
    let workingLanguages: [String]
    let hasWorkingLanguages: Bool
    let sector: String?
    let canEdit: Bool
    let historyHref: String?
    /// Public bodies only: where the body applies to take part, and how far it got.
    let participationHref: String?
    let participationStatus: String?

    init(_ o: Organisation, canEdit: Bool, seeHistory: Bool, text: some Translating) throws {
        let id = try o.requireID(), language = text.language, isBody = o.kind == .publicBody
        self.id = id.pathSegment
        name = o.name
        kind = text.t("organisation.kind.\(o.kind.rawValue)")
        country = CountryCode(o.country)?.name(in: language) ?? o.country
        identifier = o.identifier
        publicBodyType = o.publicBodyType.map { text.t("organisation.type.\($0.rawValue)") }
        jurisdiction = o.jurisdiction.map { text.t("organisation.jurisdiction.\($0.rawValue)") }
        mandate = o.mandate
        legalBasis = o.legalBasis
        workingLanguages = o.workingLanguages.compactMap { LanguageCode($0)?.name(in: language) }
        hasWorkingLanguages = !o.workingLanguages.isEmpty
        sector = o.sector.map { text.t("organisation.sector.\($0.rawValue)") }
        self.canEdit = canEdit
        historyHref = seeHistory ? AuditPageRoute.history(of: "organisation", id) : nil
        participationHref = isBody ? ParticipationRoute.show.link(id) : nil
        participationStatus = isBody ? text.t("participation.\((o.participationStatus ?? .draft).rawValue)") : nil
    }
}

/// For a person who belongs to no organisation.
struct NoOrganisationPage: PageModel {
    static let template = "organisation_none"
    let titleKey = "organisation.none_title"
}

/// The form to add an organisation, or to edit one (whose kind then stays).
struct OrganisationFormPage: PageModel {
    static let template = "organisation_form"
    let titleKey: String

    let action: String
    let isNew: Bool
    let showPublicBody: Bool
    let showCompany: Bool
    let form: FormState
    let kinds: [Option]
    let countries: [Option]
    let types: [Option]
    let jurisdictions: [Option]
    let languages: [Option]
    let sectors: [Option]

    /// `organisation` is nil for a new one.
    init(organisation: UUID?, draft: OrganisationDraft, errors: [FieldError], text: some Translating) {
        let language = text.language, isNew = organisation == nil
        titleKey = isNew ? "organisation.new_title" : "organisation.edit_title"
        action = organisation.map { OrganisationRoute.update.link($0) } ?? OrganisationRoute.create.link()
        self.isNew = isNew
        showPublicBody = isNew || draft.kind == OrganisationKind.publicBody.rawValue
        showCompany = isNew || draft.kind == OrganisationKind.company.rawValue
        form = FormState(values: ["kind": draft.kind ?? "", "name": draft.name ?? "", "mandate": draft.mandate ?? "", "legalBasis": draft.legalBasis ?? "",
                                  "identifier": draft.identifier ?? ""], errors: errors, on: text)
        kinds = Option.cases(OrganisationKind.allCases, labels: "organisation.kind", selected: draft.kind, text)
        countries = CountryCode.sortedNames(in: language).map { Option(value: $0.code, label: $0.name, selected: $0.code == draft.country?.uppercased()) }
        types = Option.cases(PublicBodyType.allCases, labels: "organisation.type", selected: draft.publicBodyType, text)
        jurisdictions = Option.cases(Jurisdiction.allCases, labels: "organisation.jurisdiction", selected: draft.jurisdiction, text)
        let chosen = Set(draft.workingLanguages)
        languages = LanguageCode.sortedNames(in: language).map { Option(value: $0.code, label: $0.name, selected: chosen.contains($0.code)) }
        sectors = Option.cases(Sector.allCases, labels: "organisation.sector", selected: draft.sector, text)
    }
}
