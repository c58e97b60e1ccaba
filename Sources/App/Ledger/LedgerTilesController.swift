import AuditLog
import Vapor

/// The C2SP tlog-tiles read API: the newest checkpoint with its cosignatures, and immutable tiles and entry bundles.
struct LedgerTilesController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(LedgerRoute.checkpoint, use: checkpoint)
        routes.on(LedgerRoute.tile, use: tile)
    }

    @Sendable func checkpoint(req: Request) async throws -> Response {
        guard let note = try await LedgerTileReader(db: req.db).checkpoint() else { throw AppError.notFound }
        let response = Response(status: .ok, body: .init(string: note.serialized))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
        // The checkpoint moves with every append.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    @Sendable func tile(req: Request) async throws -> Response {
        let path = req.parameters.getCatchall().joined(separator: "/")
        guard let address = TileAddress(path: path), let bytes = try await LedgerTileReader(db: req.db).tile(address) else {
            throw AppError.notFound
        }
        let response = Response(status: .ok, body: .init(data: Data(bytes)))
        response.headers.contentType = .binary
        // A tile never changes once served; a partial one is replaced by a wider one at another address.
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
    }
}
