import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Creating and changing organisations, with validation and an audit entry for each change.
struct OrganisationService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    func create(_ draft: OrganisationDraft, actor: AuditActor, id: UUID = UUID()) async throws -> Organisation {
        let valid = try validate(draft)
        return try await audit.transaction(on: db, actor: actor) { scope in
            let organisation = Organisation(id: id, valid: valid, now: clock.now())
            try await organisation.create(on: scope.db)
            try await scope.record(.organisationCreate, .organisation(id), changes: Self.fields(of: organisation))
            return organisation
        }
    }

    func update(_ organisation: Organisation, with draft: OrganisationDraft, actor: AuditActor) async throws -> Organisation {
        let valid = try validate(draft)
        guard valid.kind == organisation.kind else { throw AppError.validation([FieldError("kind", .invalidChoice)]) }
        let updated = try await audit.transactionIfChanged(on: db, actor: actor) { scope in
            // Compared with the row as stored now: the same form sent twice changes it once.
            let stored = try await organisation.stored(on: scope.db)
            let before = Self.fields(of: stored)
            stored.apply(valid, now: clock.now())
            let changed = Self.fields(of: stored).filter { before[$0.key] != $0.value }
            guard !changed.isEmpty else { throw AuditLogService.NothingToChange() }
            try await stored.save(on: scope.db)
            try await scope.record(.organisationUpdate, .organisation(stored.requireID()), changes: changed)
            return stored
        }
        if let updated { return updated }
        return try await organisation.stored(on: db)
    }

    private func validate(_ draft: OrganisationDraft) throws -> OrganisationDraft.Valid {
        switch draft.validate() {
        case .success(let valid): return valid
        case .failure(let failure): throw AppError.validation(failure.errors)
        }
    }

    static func fields(of o: Organisation) -> [String: String] {
        [
            "kind": o.kind.rawValue, "name": o.name, "country": o.country,
            "publicBodyType": o.publicBodyType?.rawValue ?? "", "jurisdiction": o.jurisdiction?.rawValue ?? "",
            "mandate": o.mandate ?? "", "legalBasis": o.legalBasis ?? "", "workingLanguages": o.workingLanguages.joined(separator: ","),
            "sector": o.sector?.rawValue ?? "", "identifier": o.identifier ?? "",
        ]
    }
}
