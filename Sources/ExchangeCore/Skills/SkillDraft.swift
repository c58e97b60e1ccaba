/// What an administrator enters to add a skill or rename one: a label per language, synonyms, and (for a new skill)
/// its group.
public struct SkillDraft: Sendable, Equatable {
    public var group: String
    public var labels: SkillsTaxonomy.Labels
    public var synonyms: [String]

    public static let maximumSynonyms = 20

    public init(group: String, labels: SkillsTaxonomy.Labels, synonyms: [String]) {
        self.group = group
        self.labels = labels
        self.synonyms = synonyms.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Every rule at once; `renaming` skips the group, which never changes.
    public func validate(against taxonomy: SkillsTaxonomy, renaming: Bool = false) -> [FieldError] {
        var v = Validator()
        v.text("labelEN", labels.en, maxLength: 120)
        v.text("labelFR", labels.fr, maxLength: 120)
        v.text("labelES", labels.es, maxLength: 120)
        if !renaming, !taxonomy.groups.contains(where: { $0.id == group }) { v.add("group", .invalidChoice) }
        // A second skill under an existing English name would split profiles and needs between two ids.
        let name = SkillsTaxonomy.fold(labels.en.trimmingWhitespace()).lowercased()
        if !renaming, !name.isEmpty, taxonomy.skills.contains(where: { SkillsTaxonomy.fold($0.labels.en).lowercased() == name }) {
            v.add("labelEN", .nameTaken)
        }
        if synonyms.count > Self.maximumSynonyms || synonyms.contains(where: { $0.count > 120 || $0.contains(";") }) {
            v.add("synonyms", .invalidChoice)
        }
        return v.errors
    }

    public func skill(id: String, group: String? = nil) -> SkillsTaxonomy.Skill {
        let trimmed = SkillsTaxonomy.Labels(en: labels.en.trimmingWhitespace(), fr: labels.fr.trimmingWhitespace(), es: labels.es.trimmingWhitespace())
        return .init(id: id, group: group ?? self.group, labels: trimmed, synonyms: synonyms)
    }
}
