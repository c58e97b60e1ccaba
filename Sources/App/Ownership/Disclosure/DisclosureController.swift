import BeneficialOwnership
import ExchangeCore
import Vapor

/// The disclosure page for a company's own people: what was declared, each version, and the form for a new one.
struct DisclosureController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(DisclosureRoute.show, use: show)
        routes.on(DisclosureRoute.declare, use: declare)
    }

    @Sendable func show(req: Request) async throws -> View {
        let organisation = try await Self.company(req)
        try req.authorize(.read, .supplierDisclosure(organisationID: organisation.id))
        return try await req.page(try await page(req, organisation: organisation, form: nil))
    }

    @Sendable func declare(req: Request) async throws -> Response {
        let organisation = try await Self.company(req)
        try req.authorize(.create, .supplierDisclosure(organisationID: organisation.id))
        let fields = try req.content.decode([String: String].self)
        let draft = DisclosureForm.draft(fields)
        do {
            _ = try await req.registry.disclosures.declare(draft, organisation: organisation.id, base: Int(fields["base"] ?? "") ?? -1,
                                                           declaration: req.t("disclosure.declaration"), by: try req.requireUser().requireID())
            req.flash("disclosure.declared")
            return req.redirect(to: DisclosureRoute.show.link())
        } catch AppError.validation(let errors) {
            let form = FormState(values: fields, errors: errors, on: req, labels: DisclosureForm.labels(errors.map(\.field), req))
            return try await req.page(try await page(req, organisation: organisation, form: form), status: .unprocessableEntity)
        }
    }

    private func page(_ req: Request, organisation: (id: UUID, name: String), form: FormState?) async throws -> DisclosurePage {
        let history = try await req.registry.disclosures.history(of: organisation.id)
        return DisclosurePage(organisation: organisation.name, history: history.map(DisclosureVersion.init), form: form, text: req)
    }

    /// The signed-in person's company; people of a public body have no disclosure to make.
    static func company(_ req: Request) async throws -> (id: UUID, name: String) {
        guard let id = try req.requireUser().$organisation.id, let organisation = try await Organisation.find(id, on: req.db),
              organisation.kind == .company else { throw AppError.forbidden }
        return (id, organisation.name)
    }
}

/// The form's flat fields (`owners.0.name`) as a draft.
enum DisclosureForm {
    static let ownerFields = ["kind", "name", "country", "shareMinimum", "shareMaximum", "identifier", "birthDate", "address"]

    static func draft(_ fields: [String: String]) -> SupplierDisclosureDraft {
        let rows = fields.keys.compactMap { key -> Int? in
            let parts = key.split(separator: ".")
            return parts.count == 3 && parts[0] == "owners" ? Int(parts[1]) : nil
        }
        let count = min((rows.max() ?? -1) + 1, SupplierDisclosureDraft.maximumOwners + 1)
        let owners = (0..<count).map { index -> SupplierDisclosureDraft.Owner in
            func field(_ name: String) -> String? { fields["owners.\(index).\(name)"] }
            return .init(kind: field("kind"), name: field("name"), country: field("country"), shareMinimum: field("shareMinimum"),
                         shareMaximum: field("shareMaximum"), controls: field("controls") == "yes",
                         politicallyExposed: field("politicallyExposed") == "yes", identifier: field("identifier"),
                         birthDate: field("birthDate"), address: field("address"))
        }
        return SupplierDisclosureDraft(completeness: fields["completeness"], owners: owners, reason: fields["reason"],
                                       reasonDescription: fields["reasonDescription"], declared: fields["declared"] == "yes")
    }

    /// "Owner 2: Name" for `owners.1.name`; the catalog's field label otherwise.
    static func labels(_ fields: [String], _ text: some Translating) -> [String: String] {
        Dictionary(fields.compactMap { field -> (String, String)? in
            let parts = field.split(separator: ".")
            guard parts.count == 3, let index = Int(parts[1]) else { return (field, text.t("disclosure.field.\(field)")) }
            return (field, text.t("disclosure.owner_label", text.number(index + 1)) + ": " + text.t("disclosure.field.\(parts[2])"))
        }, uniquingKeysWith: { first, _ in first })
    }
}
