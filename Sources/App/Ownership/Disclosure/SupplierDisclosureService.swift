import BeneficialOwnership
import ExchangeCore
import Fluent
import Foundation

/// Companies' own disclosures of their beneficial owners. Each declaration is a new version; one made from an
/// older version than the newest is refused, so two people declaring at once cannot overwrite each other.
struct SupplierDisclosureService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    /// Declares version `base + 1`; `declaration` is the text the declarant accepted, in their language.
    func declare(_ draft: SupplierDisclosureDraft, organisation: UUID, base: Int, declaration: String, by user: UUID) async throws -> SupplierDisclosure {
        let valid: (owners: [DisclosedOwner], unspecified: Unspecified?)
        do { valid = try draft.validate(today: CalendarDate(clock.now())) } catch { throw AppError.validation(error.errors) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let owners = String(decoding: try encoder.encode(valid.owners), as: UTF8.self)
        return try await audit.transaction(on: db, actor: .user(user)) { scope in
            let newest = try await latest(of: organisation, on: scope.db)?.version ?? 0
            guard newest == base else { throw AppError.conflict(code: "disclosure_outdated") }
            let disclosure = SupplierDisclosure()
            disclosure.id = UUID()
            disclosure.$organisation.id = organisation
            disclosure.version = base + 1
            disclosure.complete = valid.unspecified == nil
            disclosure.unspecifiedReason = valid.unspecified?.reason
            disclosure.unspecifiedDescription = valid.unspecified?.description
            disclosure.owners = owners
            disclosure.declaration = declaration
            disclosure.$declaredBy.id = user
            disclosure.declaredAt = clock.now()
            try await disclosure.create(on: scope.db)
            try await scope.record(.disclosureDeclare, .disclosure(try disclosure.requireID()),
                                   changes: ["organisation": organisation.lowercased, "version": String(base + 1), "owners": owners])
            return disclosure
        }
    }

    func latest(of organisation: UUID, on db: Database? = nil) async throws -> SupplierDisclosure? {
        try await SupplierDisclosure.query(on: db ?? self.db).filter(\.$organisation.$id == organisation).sort(\.$version, .descending).first()
    }

    func history(of organisation: UUID) async throws -> [SupplierDisclosure] {
        try await SupplierDisclosure.query(on: db).filter(\.$organisation.$id == organisation).sort(\.$version, .descending).all()
    }
}

extension SupplierDisclosure {
    /// The declared owners, protected details included.
    var declaredOwners: [DisclosedOwner] {
        (try? JSONDecoder().decode([DisclosedOwner].self, from: Data(owners.utf8))) ?? []
    }
}
