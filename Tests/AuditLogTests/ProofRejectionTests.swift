import Testing
@testable import AuditLog

struct ProofRejectionTests {
    let leaves = (0..<7).map { TreeHash.leaf([UInt8($0)]) }
    var root7: TreeHash { MerkleTree.root(leaves) }

    @Test func consistencyFromSizeZeroIsRejected() {
        #expect(throws: ProofError.fromEmptyTree) { try MerkleTree.consistencyProof(from: 0, leaves: leaves[...]) }
        #expect(!ProofVerifier.verifyConsistency(
            firstSize: 0, secondSize: 7, firstRoot: .emptyTree, secondRoot: root7, proof: []))
    }

    @Test func inclusionProofWithExtraOrMissingHashesFails() throws {
        let proof = try MerkleTree.inclusionProof(index: 3, leaves: leaves[...])
        #expect(ProofVerifier.verifyInclusion(leaf: leaves[3], index: 3, treeSize: 7, proof: proof, root: root7))
        #expect(!ProofVerifier.verifyInclusion(
            leaf: leaves[3], index: 3, treeSize: 7, proof: proof + [leaves[0]], root: root7))
        #expect(!ProofVerifier.verifyInclusion(
            leaf: leaves[3], index: 3, treeSize: 7, proof: Array(proof.dropLast()), root: root7))
        #expect(!ProofVerifier.verifyInclusion(leaf: leaves[4], index: 3, treeSize: 7, proof: proof, root: root7))
        #expect(!ProofVerifier.verifyInclusion(leaf: leaves[3], index: 7, treeSize: 7, proof: proof, root: root7))
    }

    @Test func consistencyProofWithExtraOrMissingHashesFails() throws {
        let root3 = MerkleTree.root(Array(leaves.prefix(3)))
        let proof = try MerkleTree.consistencyProof(from: 3, leaves: leaves[...])
        #expect(ProofVerifier.verifyConsistency(firstSize: 3, secondSize: 7, firstRoot: root3, secondRoot: root7, proof: proof))
        #expect(!ProofVerifier.verifyConsistency(
            firstSize: 3, secondSize: 7, firstRoot: root3, secondRoot: root7, proof: proof + [root3]))
        #expect(!ProofVerifier.verifyConsistency(
            firstSize: 3, secondSize: 7, firstRoot: root3, secondRoot: root7, proof: Array(proof.dropLast())))
        #expect(!ProofVerifier.verifyConsistency(
            firstSize: 3, secondSize: 7, firstRoot: root7, secondRoot: root7, proof: proof))
    }

    @Test func sameSizeConsistencyNeedsEmptyProofAndEqualRoots() {
        #expect(ProofVerifier.verifyConsistency(firstSize: 7, secondSize: 7, firstRoot: root7, secondRoot: root7, proof: []))
        #expect(!ProofVerifier.verifyConsistency(
            firstSize: 7, secondSize: 7, firstRoot: root7, secondRoot: root7, proof: [root7]))
    }

    @Test func compactRangeRejectsInconsistentPeaks() {
        #expect(CompactRange(size: 3, peaks: [leaves[0]]) == nil)
    }
}
