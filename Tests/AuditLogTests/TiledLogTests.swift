import Crypto
import Foundation
import Testing
@testable import AuditLog

/// A tiled log read only through its tiles agrees with the RFC 9162 tree over the same leaves.
struct TiledLogTests {
    /// Tiles built the way a log builds them, one append at a time.
    final class TileStore: @unchecked Sendable {
        var levels: [[TreeHash]] = []

        init(_ leaves: [TreeHash]) {
            var range = CompactRange()
            for (index, leaf) in leaves.enumerated() {
                let proof = range.proofForNextLeaf
                let completed = range.append(leaf)
                #expect(index % 97 != 0 || ProofVerifier.verifyInclusion(leaf: leaf, index: UInt64(index), treeSize: range.size, proof: proof, root: range.root))
                for stored in TileHashes.afterAppending(leaf, at: UInt64(index), completed: completed) {
                    while levels.count <= stored.level { levels.append([]) }
                    #expect(levels[stored.level].count == Int(stored.position))
                    levels[stored.level].append(stored.hash)
                }
            }
        }

        func hashes(_ level: Int, _ start: UInt64, _ count: Int) -> [TreeHash] {
            Array(levels[level][Int(start)..<Int(start) + count])
        }

        func tile(_ address: TileAddress) -> [TreeHash] {
            hashes(address.level!, address.index * 256, address.count)
        }
    }

    static let leaves = (0..<70_000).map { TreeHash.leaf(Array("entry \($0)".utf8)) }
    static let store = TileStore(leaves)

    @Test(arguments: [1, 2, 3, 255, 256, 257, 511, 512, 1000, 65_535, 65_536, 65_537, 70_000])
    func rootFromTilesIsTheTreeHead(size: Int) throws {
        var tree = TiledTree(size: UInt64(size)) { Self.store.tile($0) }
        #expect(try tree.root() == MerkleTree.root(Self.leaves[..<size]))
    }

    @Test func proofsFromTilesAreTheRFCProofs() throws {
        let size = 70_000
        var tree = TiledTree(size: UInt64(size)) { Self.store.tile($0) }
        for index in [0, 1, 255, 256, 4_097, 65_535, 65_536, 69_999] {
            #expect(try tree.inclusionProof(index: UInt64(index)) == MerkleTree.inclusionProof(index: index, leaves: Self.leaves[..<size]))
        }
        for first in [1, 7, 256, 300, 65_536, 69_999, 70_000] {
            #expect(try tree.consistencyProof(from: UInt64(first)) == MerkleTree.consistencyProof(from: first, leaves: Self.leaves[..<size]))
        }
    }

    @Test func aShortTileIsAnErrorNotACrash() {
        var tree = TiledTree(size: 300) { Array(Self.store.tile($0).dropLast()) }
        #expect(throws: TiledTree.ShortTile.self) { try tree.root() }
    }

    @Test func tilePathsFollowTheSpecification() {
        #expect(TileAddress(level: 0, index: 1_234_067, count: 256).path == "tile/0/x001/x234/067")
        #expect(TileAddress(level: 1, index: 5, count: 17).path == "tile/1/005.p/17")
        #expect(TileAddress(level: nil, index: 0, count: 3).path == "tile/entries/000.p/3")
        #expect(TileAddress(path: "0/x001/x234/067") == TileAddress(level: 0, index: 1_234_067, count: 256))
        #expect(TileAddress(path: "entries/000.p/3") == TileAddress(level: nil, index: 0, count: 3))
        for bad in ["0/1234067", "0/x1/067", "0/001/067", "64/000", "01/000", "0/000.p/256", "0/000.p/0", "0/000.p/07", "entries", "0/"] {
            #expect(TileAddress(path: bad) == nil, "\(bad)")
        }
        // The specification's example: a tree of 70,000 leaves.
        #expect(TileAddress.tiles(level: 0, treeSize: 70_000).count == 274)
        #expect(TileAddress.tiles(level: 0, treeSize: 70_000).last == TileAddress(level: 0, index: 273, count: 112))
        #expect(TileAddress.tiles(level: 1, treeSize: 70_000).map(\.count) == [256, 17])
        #expect(TileAddress.tiles(level: 2, treeSize: 70_000).map(\.count) == [1])
        #expect(TileAddress.tiles(level: 1, treeSize: 256).map(\.count) == [1])
    }
}

struct SignedNoteTests {
    let logKey = Curve25519.Signing.PrivateKey()
    let witnessKey = Curve25519.Signing.PrivateKey()

    func checkpoint() throws -> SignedNote {
        let body = TlogCheckpoint(origin: "example.org/ledger", treeSize: 5, rootHash: .leaf([1]))
        var note = SignedNote(text: body.text)
        try note.sign(with: logKey, name: "example.org/ledger")
        return note
    }

    @Test func aSignedCheckpointRoundTripsAndVerifies() throws {
        let note = try checkpoint()
        let parsed = try SignedNote.parse(note.serialized)
        #expect(parsed == note)
        let verifier = try #require(NoteKey(name: "example.org/ledger", algorithm: .ed25519, publicKey: logKey.publicKey))
        #expect(parsed.verifiedSignature(by: verifier) != nil)
        #expect(NoteKey(verifierKey: verifier.verifierKey) == verifier)
        #expect(try TlogCheckpoint(text: parsed.text).treeSize == 5)
        let other = try #require(NoteKey(name: "example.org/ledger", algorithm: .ed25519, publicKey: witnessKey.publicKey))
        #expect(parsed.verifiedSignature(by: other) == nil)
    }

    @Test func anEditedCheckpointFailsItsSignature() throws {
        let note = try checkpoint()
        let edited = try SignedNote.parse(note.serialized.replacingOccurrences(of: "\n5\n", with: "\n6\n"))
        let verifier = try #require(NoteKey(name: "example.org/ledger", algorithm: .ed25519, publicKey: logKey.publicKey))
        #expect(edited.verifiedSignature(by: verifier) == nil)
    }

    @Test func aCosignatureVerifiesOverTheTimeAndTheCheckpoint() throws {
        var note = try checkpoint()
        note.signatures.append(try Cosignature.sign(note, timestamp: 1_700_000_000, with: witnessKey, name: "witness.example/w1"))
        let parsed = try SignedNote.parse(note.serialized)
        let witness = try #require(NoteKey(name: "witness.example/w1", algorithm: .cosignatureV1, publicKey: witnessKey.publicKey))
        let line = try #require(parsed.verifiedSignature(by: witness))
        #expect(line.bytes.count == 72)
        #expect(Cosignature(line)?.timestamp == 1_700_000_000)
        // A cosignature key is not a log key: the algorithm byte is in the key ID.
        let asLogKey = try #require(NoteKey(name: "witness.example/w1", algorithm: .ed25519, publicKey: witnessKey.publicKey))
        #expect(parsed.verifiedSignature(by: asLogKey) == nil)
    }

    /// The signed-note known answer published with Go's sumdb/note package.
    @Test func theReferenceNoteVerifies() throws {
        let key = try #require(NoteKey(verifierKey: "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        #expect(key.keyIDHex == "c74f20a3")
        let note = try SignedNote.parse(
            "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n"
                + "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
        #expect(note.verifiedSignature(by: key) != nil)
        #expect(NoteKey(verifierKey: "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == nil)
    }

    /// A verifier key whose base64 holds a "+" (from transparency-dev/formats' tests).
    @Test func aVerifierKeyMayHoldAPlusInItsKeyMaterial() throws {
        let key = try #require(NoteKey(verifierKey: "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6"))
        #expect(key.name == "TEST")
        #expect(key.keyIDHex == "7997405c")
    }

    @Test func malformedNotesAreRefused() {
        for text in ["no signatures\n", "a\n\n", "a\n\n— name\n", "a\n\n— name !!!\n", "a\n\n— a b c\n"] {
            #expect(throws: SignedNote.ParseError.self) { try SignedNote.parse(text) }
        }
        #expect(throws: SignedNote.ParseError.self) { try TlogCheckpoint(text: "origin\n01\nAAAA\n") }
    }
}
