import Foundation
import Testing
@testable import AuditLog

/// Vectors come from Vectors/rfc9162_vectors.py, an independent hashlib implementation.
struct RFC9162VectorTests {
    struct Vectors: Decodable {
        struct Inclusion: Decodable { let index: Int; let treeSize: Int; let path: [String] }
        struct Consistency: Decodable { let first: Int; let second: Int; let proof: [String] }
        struct Digest: Decodable { let fields: [String: String]; let digest: String }
        struct Entry: Decodable {
            let sequence: UInt64, timestampMs: Int64
            let actor: String, action: String, subjectType: String, subjectID: String, reason: String
            let changeDigest: String, canonicalBytes: String, leafHash: String
        }
        let leaves: [String]
        let leafHashes: [String]
        let roots: [String]
        let inclusion: [Inclusion]
        let consistency: [Consistency]
        let changeDigest: Digest
        let entry: Entry
    }

    static let vectors: Vectors = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/rfc9162.json")
        return try! JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }()

    var leafHashes: [TreeHash] { Self.vectors.leaves.map { TreeHash.leaf(bytes(hex: $0)) } }

    @Test func emptyTreeAndEmptyLeaf() {
        #expect(TreeHash.emptyTree.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(TreeHash.leaf([]).hex.hasPrefix("6e340b9c"))
    }

    @Test func leafHashesAndRoots() {
        #expect(leafHashes.map(\.hex) == Self.vectors.leafHashes)
        for (size, expected) in Self.vectors.roots.enumerated() {
            #expect(MerkleTree.root(Array(leafHashes.prefix(size))).hex == expected, "size \(size)")
        }
    }

    @Test func compactRangeMatchesFullRecomputation() {
        var range = CompactRange()
        #expect(range.root.hex == Self.vectors.roots[0])
        for (index, leaf) in leafHashes.enumerated() {
            range.append(leaf)
            #expect(range.root.hex == Self.vectors.roots[index + 1])
            #expect(CompactRange(size: range.size, peaks: range.peaks) == range)
        }
    }

    @Test func inclusionProofsMatchAndVerify() throws {
        for vector in Self.vectors.inclusion {
            let leaves = leafHashes.prefix(vector.treeSize)
            let proof = try MerkleTree.inclusionProof(index: vector.index, leaves: leaves)
            #expect(proof.map(\.hex) == vector.path, "PATH(\(vector.index), \(vector.treeSize))")
            let root = TreeHash(hex: Self.vectors.roots[vector.treeSize])!
            #expect(ProofVerifier.verifyInclusion(
                leaf: leafHashes[vector.index], index: UInt64(vector.index), treeSize: UInt64(vector.treeSize),
                proof: proof, root: root))
        }
    }

    @Test func consistencyProofsMatchAndVerify() throws {
        for vector in Self.vectors.consistency {
            let proof = try MerkleTree.consistencyProof(from: vector.first, leaves: leafHashes.prefix(vector.second))
            #expect(proof.map(\.hex) == vector.proof, "PROOF(\(vector.first), \(vector.second))")
            #expect(ProofVerifier.verifyConsistency(
                firstSize: UInt64(vector.first), secondSize: UInt64(vector.second),
                firstRoot: TreeHash(hex: Self.vectors.roots[vector.first])!,
                secondRoot: TreeHash(hex: Self.vectors.roots[vector.second])!, proof: proof))
        }
    }

    @Test func canonicalEntryBytesMatchTheDocumentedFormat() {
        let v = Self.vectors.entry
        #expect(ChangeDigest.of(Self.vectors.changeDigest.fields).hex == Self.vectors.changeDigest.digest)
        let entry = AuditEntry(
            sequence: v.sequence, timestampMs: v.timestampMs, actor: v.actor, action: v.action,
            subjectType: v.subjectType, subjectID: v.subjectID, reason: v.reason,
            changeDigest: TreeHash(hex: v.changeDigest)!)
        #expect(entry.canonicalBytes == bytes(hex: v.canonicalBytes))
        #expect(entry.leafHash.hex == v.leafHash)
    }
}

func bytes(hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        out.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return out
}
