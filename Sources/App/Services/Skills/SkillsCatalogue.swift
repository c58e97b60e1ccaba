import ExchangeCore
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// The taxonomy in use: the shipped, versioned file with administrators' edits applied over it. Pages read it
/// synchronously, so it is held in memory and replaced whole after each edit and at start-up.
final class SkillsCatalogue: Sendable {
    let base: SkillsTaxonomy
    private let edited: NIOLockedValueBox<(taxonomy: SkillsTaxonomy, edits: Int)>

    init(base: SkillsTaxonomy) {
        self.base = base
        edited = NIOLockedValueBox((base, 0))
    }

    var current: SkillsTaxonomy { edited.withLockedValue { $0.taxonomy } }
    var editCount: Int { edited.withLockedValue { $0.edits } }

    /// Applies every stored edit, oldest first, over the file.
    func reload(from db: Database) async throws {
        let edits = try await SkillEdit.query(on: db).sort(\.$createdAt).sort(\.$skillID).all().map(\.skill)
        let taxonomy = try base.applying(edits)
        edited.withLockedValue { $0 = (taxonomy, edits.count) }
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
