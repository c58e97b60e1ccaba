import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Administrators add skills and rename them. Each change is stored, audited, and applied to the taxonomy in use
/// at once; ids never change, so profiles and needs that name a skill keep resolving.
struct SkillAdministrationService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let catalogue: SkillsCatalogue

    func add(_ draft: SkillDraft, by user: User) async throws -> SkillsTaxonomy.Skill {
        try await write(action: .skillAdd, reason: "", by: user) { taxonomy in
            let errors = draft.validate(against: taxonomy)
            guard errors.isEmpty else { throw AppError.validation(errors) }
            return draft.skill(id: taxonomy.suggestedID(for: draft.labels.en))
        }
    }

    func rename(_ id: String, to draft: SkillDraft, reason: String, by user: User) async throws -> SkillsTaxonomy.Skill {
        try await write(action: .skillRename, reason: reason.trimmingWhitespace(), by: user) { taxonomy in
            guard let existing = taxonomy.skill(id) else { throw AppError.notFound }
            var errors = draft.validate(against: taxonomy, renaming: true)
            if reason.trimmingWhitespace().isEmpty { errors.append(FieldError("reason", .required)) }
            guard errors.isEmpty else { throw AppError.validation(errors) }
            return draft.skill(id: id, group: existing.group)
        }
    }

    /// Validates against the taxonomy as stored inside the transaction, so two administrators adding the same
    /// skill, or two instances, make one skill.
    private func write(action: AuditAction, reason: String, by user: User,
                       _ make: @escaping @Sendable (SkillsTaxonomy) throws -> SkillsTaxonomy.Skill) async throws -> SkillsTaxonomy.Skill {
        let now = clock.now()
        let written: SkillsTaxonomy.Skill
        do {
            written = try await audit.transaction(on: db, actor: .user(user.requireID())) { [catalogue] scope in
                let taxonomy = try await catalogue.stored(on: scope.db).0
                let skill = try make(taxonomy)
                // A rename to what the skill is already called (a retry, a second tab) changes nothing.
                if taxonomy.skill(skill.id) == skill { throw Unchanged(skill: skill) }
                if let stored = try await SkillEdit.query(on: scope.db).filter(\.$skillID == skill.id).first() {
                    stored.update(skill, by: try user.requireID(), now: now)
                    try await stored.save(on: scope.db)
                } else {
                    try await SkillEdit(skill: skill, by: user.requireID(), now: now).create(on: scope.db)
                }
                try await scope.record(action, .skill(skill.id), reason: reason,
                                       changes: ["en": skill.labels.en, "fr": skill.labels.fr, "es": skill.labels.es, "group": skill.group])
                return skill
            }
        } catch let unchanged as Unchanged {
            return unchanged.skill
        }
        try await catalogue.reload(from: db)
        return written
    }

    private struct Unchanged: Error {
        let skill: SkillsTaxonomy.Skill
    }
}
