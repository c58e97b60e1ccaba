import AuditLog
import Foundation
import Vapor

/// Reads a tiled log over HTTP, as a witness or a verifying client does: the checkpoint, tiles and entry bundles
/// under one URL prefix, each checked for its expected length.
struct TiledLogClient: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let client: any Client
    /// The log's URL prefix, such as `https://integrity.example.org/ledger`.
    let prefix: String

    func checkpoint() async throws -> SignedNote {
        let text = try await get("checkpoint")
        do { return try SignedNote.parse(String(decoding: text, as: UTF8.self)) } catch {
            throw Failure(description: "\(prefix)/checkpoint is not a signed note")
        }
    }

    func hashes(_ address: TileAddress) async throws -> [TreeHash] {
        guard let hashes = TiledTree.hashes(try await get(address.path)), hashes.count == address.count else {
            throw Failure(description: "\(address.path) does not hold \(address.count) hashes")
        }
        return hashes
    }

    func entries(_ address: TileAddress) async throws -> [[UInt8]] {
        guard let entries = EntryBundle.decode(try await get(address.path)), entries.count == address.count else {
            throw Failure(description: "\(address.path) does not hold \(address.count) entries")
        }
        return entries
    }

    func get(_ path: String) async throws -> [UInt8] {
        let response = try await client.get(URI(string: "\(prefix)/\(path)"))
        guard response.status == .ok else { throw Failure(description: "\(prefix)/\(path) answered \(response.status.code)") }
        return response.body.map { Array($0.readableBytesView) } ?? []
    }

    func post(_ url: String, text: String) async throws -> ClientResponse {
        try await client.post(URI(string: url)) { request in
            request.headers.contentType = .plainText
            request.body = ByteBuffer(string: text)
        }
    }

    func getJSON<T: Decodable>(_ url: String, as type: T.Type) async throws -> T {
        let response = try await client.get(URI(string: url))
        guard response.status == .ok else { throw Failure(description: "\(url) answered \(response.status.code)") }
        return try response.content.decode(T.self)
    }
}
