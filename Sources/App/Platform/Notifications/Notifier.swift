import Fluent
import Foundation

/// Creates in-app notifications inside the caller's transaction.
struct Notifier: Sendable {
    let clock: WallClock

    func notify(_ userID: UUID, _ key: String, arguments: [String] = [], link: String? = nil, on db: Database) async throws {
        try await UserNotification(id: UUID(), userID: userID, messageKey: key, arguments: arguments, link: link, now: clock.now())
            .create(on: db)
    }
}
