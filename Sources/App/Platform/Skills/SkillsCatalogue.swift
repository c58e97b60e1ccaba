import ExchangeCore
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// The taxonomy in use: the shipped, versioned file with administrators' edits applied over it. Pages read it
/// synchronously, so it is held in memory: replaced whole after each edit, at start-up, and when a check finds
/// that another instance has changed the stored edits.
final class SkillsCatalogue: Sendable {
    let base: SkillsTaxonomy

    /// What identifies the stored edits cheaply: how many, and the latest change.
    struct Fingerprint: Equatable, Sendable {
        let count: Int
        let latest: Date?
    }

    private struct State {
        var taxonomy: SkillsTaxonomy
        var fingerprint = Fingerprint(count: 0, latest: nil)
        var checkedAt: Date?
    }

    private let state: NIOLockedValueBox<State>

    init(base: SkillsTaxonomy) {
        self.base = base
        state = NIOLockedValueBox(State(taxonomy: base))
    }

    var current: SkillsTaxonomy { state.withLockedValue { $0.taxonomy } }
    var editCount: Int { state.withLockedValue { $0.fingerprint.count } }

    /// The file with every stored edit applied, oldest first, as `db` holds them now.
    func stored(on db: Database) async throws -> (SkillsTaxonomy, Fingerprint) {
        let edits = try await SkillEdit.query(on: db).sort(\.$createdAt).sort(\.$skillID).all()
        return (try base.applying(edits.map(\.skill)), Fingerprint(count: edits.count, latest: edits.map(\.updatedAt).max()))
    }

    func reload(from db: Database) async throws {
        let (taxonomy, fingerprint) = try await stored(on: db)
        state.withLockedValue {
            $0.taxonomy = taxonomy
            $0.fingerprint = fingerprint
        }
    }

    /// Several instances share one database: at most once per `interval`, compares the stored edits with those
    /// loaded and reloads when another instance has changed them.
    func refreshIfChanged(from db: Database, now: Date, interval: TimeInterval = 1) async throws {
        let due = state.withLockedValue { state in
            if let checked = state.checkedAt, now.timeIntervalSince(checked) < interval { return false }
            state.checkedAt = now
            return true
        }
        guard due else { return }
        let stored = Fingerprint(count: try await SkillEdit.query(on: db).count(), latest: try await SkillEdit.query(on: db).max(\.$updatedAt))
        if stored != state.withLockedValue({ $0.fingerprint }) { try await reload(from: db) }
    }
}

/// Keeps each instance's taxonomy within a second of the database's.
struct SkillsFreshnessMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        try await request.application.skillsCatalogue.refreshIfChanged(from: request.db, now: request.application.clock.now())
        return try await next.respond(to: request)
    }
}

extension Application {
    private struct SkillsCatalogueKey: StorageKey { typealias Value = SkillsCatalogue }

    var skillsCatalogue: SkillsCatalogue {
        guard let catalogue = storage[SkillsCatalogueKey.self] else { fatalError("configure(_:) loads the taxonomy") }
        return catalogue
    }

    /// The skills taxonomy in use. Setting it replaces the base (the shipped file) and drops applied edits.
    public var taxonomy: SkillsTaxonomy {
        get { skillsCatalogue.current }
        set { storage[SkillsCatalogueKey.self] = SkillsCatalogue(base: newValue) }
    }
}
