import Fluent
import Foundation
import Vapor

/// Keeps sessions in the database with a sliding expiry equal to the cookie's lifetime,
/// and sweeps expired rows whenever a new session starts.
struct ExpiringSessionDriver: AsyncSessionDriver {
    static let lifetime: TimeInterval = 8 * 3600

    let clock: WallClock

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let now = clock.now()
        try await StoredSession.query(on: request.db).filter(\.$expiresAt < now).delete()
        let id = SecretToken().plaintext
        try await StoredSession(id: id, data: try Self.encode(data), expiresAt: now.addingTimeInterval(Self.lifetime))
            .create(on: request.db)
        return SessionID(string: id)
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let stored = try await StoredSession.find(sessionID.string, on: request.db), stored.expiresAt > clock.now() else {
            return nil
        }
        return try JSONDecoder().decode(SessionData.self, from: Data(stored.data.utf8))
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        try await StoredSession.query(on: request.db).filter(\.$id == sessionID.string)
            .set(\.$data, to: try Self.encode(data))
            .set(\.$expiresAt, to: clock.now().addingTimeInterval(Self.lifetime))
            .update()
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await StoredSession.query(on: request.db).filter(\.$id == sessionID.string).delete()
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
    }
}
