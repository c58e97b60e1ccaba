import ExchangeCore
import Fluent
import FluentSQL
import SQLKit
import Vapor

/// Public bodies and companies: a searchable list, a page per organisation, and forms to add and edit.
struct OrganisationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(OrganisationRoute.list, use: list)
        routes.on(OrganisationRoute.newForm, use: newForm)
        routes.on(OrganisationRoute.create, use: create)
        routes.on(OrganisationRoute.mine, use: mine)
        routes.on(OrganisationRoute.show, use: show)
        routes.on(OrganisationRoute.editForm, use: editForm)
        routes.on(OrganisationRoute.update, use: update)
    }

    // MARK: - List

    struct ListItem: Encodable {
        let name: String
        let href: String
        let kind: String
        let country: String
    }

    struct ListPage: Encodable {
        let items: [ListItem]
        let hasItems: Bool
        let query: String
        let kinds: [Option]
        let canCreate: Bool
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .organisationDirectory)
        let query = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingWhitespace()
        let kind = (try? req.query.get(String.self, at: "kind")).flatMap(OrganisationKind.init(rawValue:))
        var builder = Organisation.query(on: req.db).sort(\.$name)
        if !query.isEmpty { builder = builder.filter(Organisation.schema, "name", contains: query, on: req.db) }
        if let kind { builder = builder.filter(\.$kind == kind) }
        let items = try await builder.limit(200).all().map {
            ListItem(name: $0.name, href: OrganisationRoute.show.link(try $0.requireID()), kind: req.t("organisation.kind.\($0.kind.rawValue)"),
                     country: CountryCode($0.country)?.name(in: req.language) ?? $0.country)
        }
        let principal = req.principal!
        return try await req.page("organisations", title: "organisations.title", ListPage(
            items: items, hasItems: !items.isEmpty, query: query,
            kinds: Option.cases(OrganisationKind.allCases, labels: "organisation.kind", selected: kind?.rawValue, req),
            canCreate: AccessPolicy.decide(principal, .create, .organisationDirectory).isAllowed))
    }

    // MARK: - One organisation

    struct Detail: Encodable {
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
    }

    @Sendable func mine(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = user.$organisation.id else {
            struct Empty: Encodable {}
            return try await req.page("organisation_none", title: "organisation.none_title", Empty()).encodeResponse(for: req)
        }
        return req.redirect(to: OrganisationRoute.show.link(id))
    }

    @Sendable func show(req: Request) async throws -> View {
        let organisation = try await req.load(Organisation.self, for: .read)
        let principal = req.principal!
        let o = organisation
        return try await req.page("organisation", title: "organisation.title", Detail(
            id: try o.requireID().uuidString.lowercased(), name: o.name, kind: req.t("organisation.kind.\(o.kind.rawValue)"),
            country: CountryCode(o.country)?.name(in: req.language) ?? o.country, identifier: o.identifier,
            publicBodyType: o.publicBodyType.map { req.t("organisation.type.\($0.rawValue)") },
            jurisdiction: o.jurisdiction.map { req.t("organisation.jurisdiction.\($0.rawValue)") },
            mandate: o.mandate, legalBasis: o.legalBasis,
            workingLanguages: o.workingLanguages.compactMap { LanguageCode($0)?.name(in: req.language) },
            hasWorkingLanguages: !o.workingLanguages.isEmpty,
            sector: o.sector.map { req.t("organisation.sector.\($0.rawValue)") },
            canEdit: AccessPolicy.decide(principal, .update, .organisation(id: try o.requireID())).isAllowed,
            historyHref: AccessPolicy.decide(principal, .read, .auditLog).isAllowed
                ? AuditPageRoute.history(of: "organisation", try o.requireID()) : nil,
            participationHref: o.kind == .publicBody ? ParticipationRoute.show.link(try o.requireID()) : nil,
            participationStatus: o.kind == .publicBody ? req.t("participation.\((o.participationStatus ?? .draft).rawValue)") : nil))
    }


    // MARK: - Forms (the same `OrganisationInput` the API decodes)

    struct FormPage: Encodable {
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
    }

    @Sendable func newForm(req: Request) async throws -> View {
        try req.authorize(.create, .organisationDirectory)
        return try await req.page("organisation_form", title: "organisation.new_title",
                                  formPage(req, action: OrganisationRoute.create.link(), draft: OrganisationDraft(kind: "public_body"), errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorize(.create, .organisationDirectory)
        let form = try req.content.decode(OrganisationInput.self)
        return try await req.formAgainIfInvalid {
            let organisation = try await req.registry.organisations.create(form.draft, actor: .user(req.requireUser().requireID()))
            req.flash("organisation.created")
            return req.redirect(to: OrganisationRoute.show.link(try organisation.requireID()))
        } form: { errors in
            try await req.page("organisation_form", title: "organisation.new_title",
                                      formPage(req, action: OrganisationRoute.create.link(), draft: form.draft, errors: errors))
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let organisation = try await req.load(Organisation.self, for: .update)
        return try await req.page("organisation_form", title: "organisation.edit_title",
                                  formPage(req, action: OrganisationRoute.update.link(try organisation.requireID()), draft: organisation.draft, errors: []))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let organisation = try await req.load(Organisation.self, for: .update)
        var form = try req.content.decode(OrganisationInput.self)
        form.kind = organisation.kind.rawValue
        return try await req.formAgainIfInvalid {
            _ = try await req.registry.organisations.update(organisation, with: form.draft, actor: .user(req.requireUser().requireID()))
            req.flash("organisation.saved")
            return req.redirect(to: OrganisationRoute.show.link(try organisation.requireID()))
        } form: { errors in
            try await req.page("organisation_form", title: "organisation.edit_title",
                                      formPage(req, action: OrganisationRoute.update.link(try organisation.requireID()), draft: form.draft, errors: errors))
        }
    }

    private func formPage(_ req: Request, action: String, draft: OrganisationDraft, errors: [FieldError]) -> FormPage {
        let lang = req.language
        let values = ["kind": draft.kind ?? "", "name": draft.name ?? "", "mandate": draft.mandate ?? "", "legalBasis": draft.legalBasis ?? "", "identifier": draft.identifier ?? ""]
        let countries = CountryCode.sortedNames(in: lang)
            .map { Option(value: $0.code, label: $0.name, selected: $0.code == draft.country?.uppercased()) }
        let chosenLanguages = Set(draft.workingLanguages)
        let languages = LanguageCode.sortedNames(in: lang)
            .map { Option(value: $0.code, label: $0.name, selected: chosenLanguages.contains($0.code)) }
        return FormPage(
            action: action, isNew: action == OrganisationRoute.create.link(),
            showPublicBody: action == OrganisationRoute.create.link() || draft.kind == OrganisationKind.publicBody.rawValue,
            showCompany: action == OrganisationRoute.create.link() || draft.kind == OrganisationKind.company.rawValue,
            form: FormState(values: values, errors: errors, on: req),
            kinds: Option.cases(OrganisationKind.allCases, labels: "organisation.kind", selected: draft.kind, req),
            countries: countries,
            types: Option.cases(PublicBodyType.allCases, labels: "organisation.type", selected: draft.publicBodyType, req),
            jurisdictions: Option.cases(Jurisdiction.allCases, labels: "organisation.jurisdiction", selected: draft.jurisdiction, req),
            languages: languages,
            sectors: Option.cases(Sector.allCases, labels: "organisation.sector", selected: draft.sector, req))
    }
}

extension Organisation {
    var draft: OrganisationDraft {
        OrganisationDraft(kind: kind.rawValue, name: name, country: country, publicBodyType: publicBodyType?.rawValue,
                          jurisdiction: jurisdiction?.rawValue, mandate: mandate, legalBasis: legalBasis,
                          workingLanguages: workingLanguages, sector: sector?.rawValue, identifier: identifier)
    }
}
