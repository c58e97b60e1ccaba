import ExchangeCore
import Fluent
import Foundation

/// One skill as an administrator last left it: added, or renamed over the shipped file.
final class SkillEdit: Model, @unchecked Sendable {
    static let schema = "skill_edits"

    @ID(key: .id) var id: UUID?
    @Field(key: "skill_id") var skillID: String
    @Field(key: "group_id") var groupID: String
    @Field(key: "label_en") var labelEN: String
    @Field(key: "label_fr") var labelFR: String
    @Field(key: "label_es") var labelES: String
    /// Synonyms separated by "; ".
    @Field(key: "synonyms") var storedSynonyms: JSONList<String>
    @Field(key: "updated_by") var updatedBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(skill: SkillsTaxonomy.Skill, by user: UUID, now: Date) {
        id = UUID()
        skillID = skill.id
        createdAt = now
        update(skill, by: user, now: now)
    }

    func update(_ skill: SkillsTaxonomy.Skill, by user: UUID, now: Date) {
        groupID = skill.group
        labelEN = skill.labels.en
        labelFR = skill.labels.fr
        labelES = skill.labels.es
        storedSynonyms = JSONList(skill.synonyms)
        updatedBy = user
        updatedAt = now
    }

    var skill: SkillsTaxonomy.Skill {
        SkillsTaxonomy.Skill(id: skillID, group: groupID, labels: .init(en: labelEN, fr: labelFR, es: labelES),
                             synonyms: storedSynonyms.items)
    }
}
