import ExchangeCore
import Fluent
import Foundation

/// Experts say which open needs interest them and which they decline; stable matching honours both.
struct NeedInterestService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    /// The expert's profile, which interest is recorded against; experts without one have nothing to match yet.
    static func profile(of user: User, on db: Database) async throws -> ExpertProfile? {
        try await ExpertProfile.query(on: db).filter(\.$user.$id == user.requireID()).first()
    }

    func stances(of profile: ExpertProfile) async throws -> [UUID: NeedInterest.Stance] {
        let rows = try await NeedInterest.query(on: db).filter(\.$expert.$id == profile.requireID()).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.$need.id, $0.stance) })
    }

    func set(_ stance: NeedInterest.Stance, on need: Need, for profile: ExpertProfile, by user: User) async throws {
        guard try await BatchMatchingService.isOpen(need, on: db) else {
            throw AppError.conflict(code: "need_not_open")
        }
        _ = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            let stored = try await NeedInterest.query(on: scope.db).filter(\.$need.$id == need.requireID()).filter(\.$expert.$id == profile.requireID()).first()
            // The stance already stored (a retry, a second tab) changes nothing.
            if stored?.stance == stance { throw AuditLogService.NothingToChange() }
            let row = try stored ?? NeedInterest(need: need.requireID(), expert: profile.requireID())
            row.stance = stance
            row.updatedAt = clock.now()
            try await row.save(on: scope.db)
            try await scope.record(.needInterest, .need(need.requireID()), changes: ["expert_profile": profile.requireID().uuidString.lowercased(),
                                                                             "stance": stance.rawValue])
        }
    }
}
