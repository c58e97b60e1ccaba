import ExchangeCore
import Foundation

/// The skills taxonomy by group, or the skills a search found, and the form to add one.
struct SkillListPage: PageModel {
    static let template = "skills"
    let titleKey = "skills.title"

    struct SkillRow: Encodable, Sendable, Equatable {
        let id: String
        let label: String
        let synonyms: String
        let editHref: String?
    }

    struct GroupRows: Encodable, Sendable, Equatable {
        let label: String
        let skills: [SkillRow]
    }

    /// What the reader may change.
    struct Permissions: Sendable {
        var add = false
        var edit = false
    }

    let query: String
    let searched: Bool
    let groups: [GroupRows]
    let version: Int
    let edits: Int
    let canAdd: Bool
    let groupOptions: [Option]
    let form: FormState

    /// `values` and `group` are what the add form sent, when it comes back.
    init(taxonomy: SkillsTaxonomy, edits: Int, query: String, may: Permissions, group: String?, values: [String: String], errors: [FieldError],
         text: some Translating) {
        let language = text.language
        let row = { (skill: SkillsTaxonomy.Skill) in
            SkillRow(id: skill.id, label: skill.labels[language], synonyms: skill.synonyms.joined(separator: ", "),
                     editHref: may.edit ? SkillsRoute.editForm.link(skill.id) : nil)
        }
        let found = taxonomy.search(query)
        self.query = query
        searched = !query.isEmpty
        groups = query.isEmpty
            ? taxonomy.groups.map { g in GroupRows(label: g.labels[language], skills: taxonomy.skills.filter { $0.group == g.id }.map(row)) }
            : found.isEmpty ? [] : [GroupRows(label: text.t("skills.results", query), skills: found.map(row))]
        version = taxonomy.version
        self.edits = edits
        canAdd = may.add
        groupOptions = taxonomy.groups.map { Option(value: $0.id, label: $0.labels[language], selected: $0.id == group) }
        form = FormState(values: values, errors: errors, on: text)
    }
}

/// Renaming a skill: its labels in three languages and its synonyms, with a reason.
struct SkillFormPage: PageModel {
    static let template = "skill_form"
    let titleKey = "skills.edit_title"

    let id: String
    let group: String
    let form: FormState

    init(skill: SkillsTaxonomy.Skill, taxonomy: SkillsTaxonomy, values: [String: String], errors: [FieldError], text: some Translating) {
        id = skill.id
        group = taxonomy.groups.first { $0.id == skill.group }?.labels[text.language] ?? skill.group
        form = FormState(values: values, errors: errors, on: text)
    }
}
