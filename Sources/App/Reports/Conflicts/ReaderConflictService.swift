import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// A reader's declared conflicts: declared and withdrawn by the reader alone, audited, and read at each submission
/// and forward, inside its transaction, to keep the reports that name a party from the readers who declared it.
struct ReaderConflictService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    func declared(by user: User) async throws -> [ReaderConflict] {
        try await ReaderConflict.query(on: db).filter(\.$user.$id == user.requireID()).sort(\.$party).all()
    }

    /// 409 when the reader declared the same party already (however it was written).
    func declare(_ raw: String, as user: User) async throws {
        let party = raw.trimmingWhitespace()
        guard !party.isEmpty else { throw AppError.validation([FieldError("party", .required)]) }
        guard party.count <= DeclaredConflict.longest else { throw AppError.validation([FieldError("party", .tooLong)]) }
        guard let conflict = DeclaredConflict(party: party) else { throw AppError.validation([FieldError("party", .tooShort)]) }
        let userID = try user.requireID()
        try await audit.transaction(on: db, actor: .user(userID)) { scope in
            // Read inside the serialised transaction: of eight clicks, the first declares and the rest find it.
            if try await ReaderConflict.query(on: scope.db).filter(\.$user.$id == userID).filter(\.$normalised == conflict.party).count() > 0 {
                throw AppError.conflict(code: "reader_conflict_declared")
            }
            let row = ReaderConflict()
            (row.$user.id, row.party, row.normalised, row.declaredAt) = (userID, party, conflict.party, clock.now())
            try await row.create(on: scope.db)
            try await scope.record(.readerConflictDeclare, .user(userID), changes: ["party": party])
        }
    }

    /// 404 for anyone's but the reader's own, and for one withdrawn already.
    func withdraw(_ id: UUID, as user: User) async throws {
        let userID = try user.requireID()
        try await audit.transaction(on: db, actor: .user(userID)) { scope in
            guard let row = try await ReaderConflict.query(on: scope.db).filter(\.$id == id).filter(\.$user.$id == userID).first() else {
                throw AppError.notFound
            }
            try await row.delete(on: scope.db)
            try await scope.record(.readerConflictWithdraw, .user(userID), changes: ["party": row.party])
        }
    }

    /// Of `readers` (user ids), those whose declared conflict the answers name; called inside the caller's transaction.
    static func conflicted(_ readers: [UUID], answers: [String: Answer], on db: Database) async throws -> Set<UUID> {
        let rows = try await ReaderConflict.query(on: db).filter(\.$user.$id ~~ readers).all()
        let declared = Dictionary(grouping: rows, by: \.$user.id).mapValues { $0.compactMap(\.declared) }
        return DeclaredConflict.conflicted(declared, answers: answers)
    }
}
