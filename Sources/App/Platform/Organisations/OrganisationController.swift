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

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .organisationDirectory)
        let query = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingWhitespace()
        let kind = (try? req.query.get(String.self, at: "kind")).flatMap(OrganisationKind.init(rawValue:))
        var builder = Organisation.query(on: req.db).sort(\.$name)
        if !query.isEmpty { builder = builder.filter(Organisation.schema, "name", contains: query, on: req.db) }
        if let kind { builder = builder.filter(\.$kind == kind) }
        let canCreate = AccessPolicy.decide(req.principal!, .create, .organisationDirectory).isAllowed
        return try await req.page(try OrganisationListPage(organisations: try await builder.limit(200).all(), query: query, kind: kind,
                                                           canCreate: canCreate, text: req))
    }

    // MARK: - One organisation

    @Sendable func mine(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = user.$organisation.id else {
            return try await req.page(NoOrganisationPage()).encodeResponse(for: req)
        }
        return req.redirect(to: OrganisationRoute.show.link(id))
    }

    @Sendable func show(req: Request) async throws -> View {
        let organisation = try await req.load(Organisation.self, for: .read)
        let principal = req.principal!
        return try await req.page(try OrganisationPage(
            organisation, canEdit: AccessPolicy.decide(principal, .update, .organisation(id: try organisation.requireID())).isAllowed,
            seeHistory: AccessPolicy.decide(principal, .read, .auditLog).isAllowed, text: req))
    }

    // MARK: - Forms (the same `OrganisationInput` the API decodes)

    @Sendable func newForm(req: Request) async throws -> View {
        try req.authorize(.create, .organisationDirectory)
        return try await req.page(OrganisationFormPage(organisation: nil, draft: OrganisationDraft(kind: "public_body"), errors: [], text: req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorize(.create, .organisationDirectory)
        let form = try req.content.decode(OrganisationInput.self)
        return try await req.formAgainIfInvalid {
            let organisation = try await req.registry.organisations.create(form.draft, actor: .user(req.requireUser().requireID()))
            req.flash("organisation.created")
            return req.redirect(to: OrganisationRoute.show.link(try organisation.requireID()))
        } form: { errors in
            try await req.page(OrganisationFormPage(organisation: nil, draft: form.draft, errors: errors, text: req))
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let organisation = try await req.load(Organisation.self, for: .update)
        return try await req.page(OrganisationFormPage(organisation: try organisation.requireID(), draft: organisation.draft, errors: [], text: req))
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
            try await req.page(OrganisationFormPage(organisation: try organisation.requireID(), draft: form.draft, errors: errors, text: req))
        }
    }
}

extension Organisation {
    var draft: OrganisationDraft {
        OrganisationDraft(kind: kind.rawValue, name: name, country: country, publicBodyType: publicBodyType?.rawValue,
                          jurisdiction: jurisdiction?.rawValue, mandate: mandate, legalBasis: legalBasis,
                          workingLanguages: workingLanguages, sector: sector?.rawValue, identifier: identifier)
    }
}
