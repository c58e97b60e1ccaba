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
        let taxonomy = catalogue.current
        let errors = draft.validate(against: taxonomy)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let skill = draft.skill(id: taxonomy.suggestedID(for: draft.labels.en))
        try await write(skill, action: .skillAdd, reason: "", by: user)
        return skill
    }

    func rename(_ id: String, to draft: SkillDraft, reason: String, by user: User) async throws -> SkillsTaxonomy.Skill {
        let taxonomy = catalogue.current
        guard let existing = taxonomy.skill(id) else { throw AppError.notFound }
        var errors = draft.validate(against: taxonomy, renaming: true)
        if reason.trimmingWhitespace().isEmpty { errors.append(FieldError("reason", .required)) }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let skill = draft.skill(id: id, group: existing.group)
        try await write(skill, action: .skillRename, reason: reason.trimmingWhitespace(), by: user)
        return skill
    }

    private func write(_ skill: SkillsTaxonomy.Skill, action: AuditAction, reason: String, by user: User) async throws {
        let now = clock.now()
        try await audit.transaction(on: db, actor: .user(user.id!)) { scope in
            if let stored = try await SkillEdit.query(on: scope.db).filter(\.$skillID == skill.id).first() {
                stored.update(skill, by: user.id!, now: now)
                try await stored.save(on: scope.db)
            } else {
                try await SkillEdit(skill: skill, by: user.id!, now: now).create(on: scope.db)
            }
            try await scope.record(action, .skill(skill.id), reason: reason,
                                   changes: ["en": skill.labels.en, "fr": skill.labels.fr, "es": skill.labels.es, "group": skill.group])
        }
        try await catalogue.reload(from: db)
    }
}

extension Request {
    var skillAdministration: SkillAdministrationService {
        SkillAdministrationService(db: db, audit: application.auditLog, clock: application.clock, catalogue: application.skillsCatalogue)
    }
}
