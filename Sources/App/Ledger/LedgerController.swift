import AuditLog
import Fluent
import Vapor

/// The ledger's public pages: the log's checkpoint and procurements, and one procurement's entries.
struct LedgerController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(LedgerRoute.index, use: index)
        routes.on(LedgerRoute.procurement, use: procurement)
    }

    @Sendable func index(req: Request) async throws -> View {
        let note = try await LedgerTileReader(db: req.db).checkpoint()
        let checkpoint = note.flatMap { try? TlogCheckpoint(text: $0.text) }
        let witnesses = try await req.registry.ledgerWitnesses.witnesses().filter { witness in
            NoteKey(verifierKey: witness.verifierKey).map { note?.verifiedSignature(by: $0) != nil } ?? false
        }
        let procurements = try await req.registry.ledger.procurements()
        let names = try await Organisation.names(of: procurements.flatMap(\.organisations), on: req.db)
        return try await req.page(LedgerIndexPage(checkpoint: checkpoint, witnesses: witnesses.map(\.name), procurements: procurements,
                                                  names: names, text: req))
    }

    @Sendable func procurement(req: Request) async throws -> View {
        guard let id = req.parameters.get("procurement"), let procurement = try await req.registry.ledger.procurement(id) else {
            throw AppError.notFound
        }
        let names = try await Organisation.names(of: procurement.organisations, on: req.db)
        return try await req.page(LedgerProcurementPage(procurement, names: names, text: req))
    }
}

extension LedgerProcurement {
    /// The buyer and every organisation that signed one of its entries.
    var organisations: [UUID] {
        [UUID(uuidString: tender.buyer)].compactMap { $0 } + events.map { $0.record.$organisation.id }
    }
}

extension Organisation {
    static func names(of ids: [UUID], on db: Database) async throws -> [UUID: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await Organisation.query(on: db).filter(\.$id ~~ unique).all()
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.id.map { ($0, row.name) } })
    }
}
