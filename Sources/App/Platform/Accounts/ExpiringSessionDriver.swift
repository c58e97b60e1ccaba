import Fluent
import SQLKit
import Foundation
import Vapor

/// Keeps sessions in the database with a sliding expiry equal to the cookie's lifetime,
/// and sweeps expired rows whenever a new session starts. The row is written only when its data changes or its
/// expiry would move by a minute or more, so reading a page does not write to the database.
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
        // Two plain columns: every signed-in request reads its session, and a model would be built by reflection.
        guard let row = try await request.db.sql.select().column("data").column("expires_at")
            .from(StoredSession.schema).where("id", .equal, sessionID.string).first()
        else { return nil }
        let stored = AsRead(data: try row.decode(column: "data", as: String.self),
                            expiresAt: try row.decode(column: "expires_at", as: Date.self))
        guard stored.expiresAt > clock.now() else { return nil }
        request.storage[AsRead.self] = stored
        return try JSONDecoder().decode(SessionData.self, from: Data(stored.data.utf8))
    }

    /// The row as this request read it.
    private struct AsRead: StorageKey, Sendable {
        typealias Value = AsRead
        let data: String
        let expiresAt: Date
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        let encoded = try Self.encode(data)
        let expiresAt = clock.now().addingTimeInterval(Self.lifetime)
        if let read = request.storage[AsRead.self], read.data == encoded, expiresAt.timeIntervalSince(read.expiresAt) < 60 {
            return sessionID
        }
        try await StoredSession.query(on: request.db).filter(\.$id == sessionID.string)
            .set(\.$data, to: encoded)
            .set(\.$expiresAt, to: expiresAt)
            .update()
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await StoredSession.query(on: request.db).filter(\.$id == sessionID.string).delete()
    }

    private static func encode(_ data: SessionData) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // equal data, equal text: unchanged sessions are not rewritten
        return String(decoding: try encoder.encode(data), as: UTF8.self)
    }
}
