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

    struct SkillRow: Encodable {
        let id: String
        let label: String
        let synonyms: String
        let editHref: String?
    }

    struct GroupRows: Encodable {
        let label: String
        let skills: [SkillRow]
    }

    struct ListPage: Encodable {
        let query: String
        let searched: Bool
        /// Every group, or when searching one table of the matches, best first.
        let groups: [GroupRows]
        let version: Int
        let edits: Int
        let canAdd: Bool
        let groupOptions: [Option]
        let form: FormState
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
        let taxonomy = catalogue.current
        let canEdit = AccessPolicy.decide(req.principal!, .update, .skillsTaxonomy).isAllowed
        let row = { (skill: SkillsTaxonomy.Skill) in
            SkillRow(id: skill.id, label: skill.labels[req.language], synonyms: skill.synonyms.joined(separator: ", "),
                     editHref: canEdit ? SkillsRoute.editForm.link(skill.id) : nil)
        }
        let query = (try? req.query.get(String.self, at: "q"))?.trimmingWhitespace() ?? ""
        let found = taxonomy.search(query)
        let groups = query.isEmpty
            ? taxonomy.groups.map { group in
                GroupRows(label: group.labels[req.language], skills: taxonomy.skills.filter { $0.group == group.id }.map(row))
            }
            : found.isEmpty ? [] : [GroupRows(label: req.t("skills.results", query), skills: found.map(row))]
        return try await req.page("skills", title: "skills.title", ListPage(
            query: query, searched: !query.isEmpty, groups: groups,
            version: taxonomy.version, edits: catalogue.editCount,
            canAdd: AccessPolicy.decide(req.principal!, .create, .skillsTaxonomy).isAllowed,
            groupOptions: taxonomy.groups.map { Option(value: $0.id, label: $0.labels[req.language], selected: $0.id == form.group) },
            form: FormState(values: form.values, errors: errors, on: req)))
    }

    // MARK: - Renaming

    struct EditPage: Encodable {
        let id: String
        let group: String
        let form: FormState
    }

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
        let group = req.application.taxonomy.groups.first { $0.id == skill.group }?.labels[req.language] ?? skill.group
        return try await req.page("skill_form", title: "skills.edit_title",
                                  EditPage(id: skill.id, group: group, form: FormState(values: form.values, errors: errors, on: req)))
    }

    static func skill(_ req: Request) throws -> SkillsTaxonomy.Skill {
        guard let id = req.parameters.get("skill"), let skill = req.application.taxonomy.skill(id) else { throw AppError.notFound }
        return skill
    }
}
