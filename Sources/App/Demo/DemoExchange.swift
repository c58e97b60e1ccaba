import ExchangeCore
import Fluent
import Foundation
import Vapor

/// The living programme on top of the sign-in accounts: participants, needs and engagements at every stage,
/// publications and a red-flag run, all made through the same services (and audit log) a person would use. Dates
/// count from the clock's day, so a fixed clock gives the same programme. Only the command line seeds it, so tests
/// start from accounts alone.
enum DemoExchange {
    /// The second coordinator, who asks for the waiver the first must approve.
    static let colleague = DemoProgramme.PersonSeed(
        key: "user.coordinator-2", email: "coordinator2@demo.integrity.invalid", name: "Colin Oordinateur (démo)",
        role: .coordinator, organisation: nil, language: .fr)

    /// Sign-ins the living programme adds to the accounts'.
    static let logins = [DemoProgramme.Login(email: "expert-33@demo.integrity.invalid", role: Role.expert.rawValue, language: "es",
                                             tryFirst: "fill in an expert profile from scratch and submit it for screening")]

    static func seed(_ app: Application) async throws -> Int {
        guard let coordinator = try await User.find(StableID.make("user.coordinator"), on: app.db),
              let analyst = try await User.find(StableID.make("user.analyst"), on: app.db) else { return 0 }
        // Every demo account shares the one password, so the coordinator's hash serves: bcrypt is the seed's costliest step.
        let hash = coordinator.passwordHash
        var created = 0
        if try await User.find(StableID.make(colleague.key), on: app.db) == nil {
            try await DemoProgramme.createPerson(colleague, passwordHash: hash, app: app)
            created += 1
        }
        let today = CalendarDate(app.clock.now())
        created += try await DemoParticipants(app: app, coordinator: coordinator, today: today, passwordHash: hash).seed()
        guard let colleague = try await User.find(StableID.make(colleague.key), on: app.db) else { return created }
        created += try await DemoLifecycle(app: app, coordinator: coordinator, colleague: colleague, today: today).seed()
        created += try await DemoRedFlags(app: app, analyst: analyst).seed() ? 1 : 0
        created += try await DemoReporting(app: app, coordinator: coordinator).seed()
        created += try await DemoOwnership(app: app, analyst: analyst).seed()
        created += try await DemoLedger(app: app).seed()
        return created
    }
}
