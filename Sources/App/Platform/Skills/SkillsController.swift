import ExchangeCore
import Vapor

/// The skills taxonomy: everyone signed in browses and searches it (labels and synonyms in all three languages);
/// administrators add skills and rename them.
struct SkillsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(SkillsRoute.list, use: list)
        routes.on(SkillsRoute.add, use: add)
        routes.on(SkillsRoute.editForm, use: editForm)
        routes.on(SkillsRoute.rename, use: rename)
    }

    /// Labels, synonyms one per line, and (new skills only) the group; a rename also needs a reason.
    struct SkillForm: Content {
        var group: String?
        var labelEN: String?
        var labelFR: String?
        var labelES: String?
        var synonyms: String?
        var reason: String?

        var draft: SkillDraft {
            SkillDraft(group: group ?? "", labels: .init(en: labelEN ?? "", fr: labelFR ?? "", es: labelES ?? ""),
                       synonyms: (synonyms ?? "").components(separatedBy: .newlines))
        }

        var values: [String: String] {
            ["labelEN": labelEN ?? "", "labelFR": labelFR ?? "", "labelES": labelES ?? "", "synonyms": synonyms ?? "", "reason": reason ?? ""]
        }
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .skillsTaxonomy)
        return try await listPage(req, form: SkillForm(), errors: [])
    }

    @Sendable func add(req: Request) async throws -> Response {
        try req.authorize(.create, .skillsTaxonomy)
        let form = try req.content.decode(SkillForm.self)
        return try await req.formAgainIfInvalid {
            let skill = try await req.registry.skillAdministration.add(form.draft, by: try req.requireUser())
            req.flash("skills.added", skill.labels[req.language])
            return req.redirect(to: SkillsRoute.list.link() + "?q=" + (skill.id.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""))
        } form: { errors in
            try await listPage(req, form: form, errors: errors)
        }
    }

    private func listPage(_ req: Request, form: SkillForm, errors: [FieldError]) async throws -> View {
        let catalogue = req.application.skillsCatalogue
        let principal = req.principal!
        let may = SkillListPage.Permissions(add: AccessPolicy.decide(principal, .create, .skillsTaxonomy).isAllowed,
                                            edit: AccessPolicy.decide(principal, .update, .skillsTaxonomy).isAllowed)
        return try await req.page(SkillListPage(
            taxonomy: catalogue.current, edits: catalogue.editCount, query: (try? req.query.get(String.self, at: "q"))?.trimmingWhitespace() ?? "",
            may: may, group: form.group, values: form.values, errors: errors, text: req))
    }

    // MARK: - Renaming

    @Sendable func editForm(req: Request) async throws -> View {
        try req.authorize(.update, .skillsTaxonomy)
        let skill = try Self.skill(req)
        let form = SkillForm(labelEN: skill.labels.en, labelFR: skill.labels.fr, labelES: skill.labels.es,
                             synonyms: skill.synonyms.joined(separator: "\n"))
        return try await editPage(req, skill, form: form, errors: [])
    }

    @Sendable func rename(req: Request) async throws -> Response {
        try req.authorize(.update, .skillsTaxonomy)
        let skill = try Self.skill(req)
        let form = try req.content.decode(SkillForm.self)
        return try await req.formAgainIfInvalid {
            let renamed = try await req.registry.skillAdministration.rename(skill.id, to: form.draft, reason: form.reason ?? "", by: try req.requireUser())
            req.flash("skills.renamed", renamed.labels[req.language])
            return req.redirect(to: SkillsRoute.list.link())
        } form: { errors in
            try await editPage(req, skill, form: form, errors: errors)
        }
    }

    private func editPage(_ req: Request, _ skill: SkillsTaxonomy.Skill, form: SkillForm, errors: [FieldError]) async throws -> View {
        try await req.page(SkillFormPage(skill: skill, taxonomy: req.application.taxonomy, values: form.values, errors: errors, text: req))
    }

    static func skill(_ req: Request) throws -> SkillsTaxonomy.Skill {
        guard let id = req.parameters.get("skill"), let skill = req.application.taxonomy.skill(id) else { throw AppError.notFound }
        return skill
    }
}
