import ExchangeCore
import Fluent
import Foundation

/// Settings a coordinator can change for the programme; missing settings read as the standard ones.
struct ProgrammeSettings {
    let db: Database

    static let matchingKey = "matching"
    private typealias Matching = ProgrammeSetting<BatchMatching.Settings>

    func matching() async throws -> BatchMatching.Settings {
        try await Matching.query(on: db).filter(\.$key == Self.matchingKey).first()?.value ?? .standard
    }

    /// Changing the weights changes every later score, so it is audited with its reason.
    func saveMatching(_ settings: BatchMatching.Settings, reason: String, by user: User, audit: AuditLogService, clock: WallClock) async throws {
        var errors: [FieldError] = []
        if !settings.weights.isValid { errors.append(FieldError("weights", .outOfRange)) }
        if !(settings.penalty.isFinite && settings.penalty >= 0 && settings.penalty <= 1) { errors.append(FieldError("penalty", .outOfRange)) }
        if !(0...10).contains(settings.alternates) { errors.append(FieldError("alternates", .outOfRange)) }
        if reason.trimmingWhitespace().isEmpty { errors.append(FieldError("reason", .required)) }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        _ = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            if let stored = try await Matching.query(on: scope.db).filter(\.$key == Self.matchingKey).first() {
                // The settings in force again (a retry, a second tab) change nothing.
                if stored.value == settings { throw AuditLogService.NothingToChange() }
                stored.value = settings
                stored.updatedAt = clock.now()
                try await stored.save(on: scope.db)
            } else {
                try await Matching(key: Self.matchingKey, value: settings, now: clock.now()).create(on: scope.db)
            }
            try await scope.record(.matchingSettingsUpdate, .setting(Self.matchingKey), reason: reason.trimmingWhitespace(),
                                   changes: ["value": try AuditText.json(settings)])
        }
    }
}
