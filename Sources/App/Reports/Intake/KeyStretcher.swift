import NIOPosix
import SecureReporting
import Vapor

/// Where receipts and recipients' passwords are stretched: on threads of their own, at most `limit` at once. A
/// stretch holds its thread for a good part of a second; on Swift's shared pool, or on the application's thread pool
/// that SQLite and bcrypt use, a few at once would stall every other request until they finished.
final class KeyStretcher: Sendable {
    let gate: StretchGate
    private let pool: NIOThreadPool

    init(limit: Int) {
        gate = StretchGate(limit: limit)
        pool = NIOThreadPool(numberOfThreads: limit)
        pool.start()
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await gate.run { [pool] in try await pool.runIfActive(work) }
    }

    func shutdown() throws { try pool.syncShutdownGracefully() }
}

extension Application {
    private struct KeyStretcherKey: StorageKey { typealias Value = KeyStretcher }

    /// One per process, made by `configure(_:)` with `reportStretchConcurrency` threads, stopped with the application.
    var keyStretcher: KeyStretcher {
        get {
            guard let stretcher = storage[KeyStretcherKey.self] else { fatalError("configure(_:) sets up key stretching") }
            return stretcher
        }
        set { storage.set(KeyStretcherKey.self, to: newValue) { try $0.shutdown() } }
    }
}
