import Foundation

/// The text of a C2SP checkpoint: the log's origin, the tree size and the base64 root hash, one per line
/// (c2sp.org/tlog-checkpoint). Extension lines are kept but carry no meaning here.
public struct TlogCheckpoint: Sendable, Equatable {
    public let origin: String
    public let treeSize: UInt64
    public let rootHash: TreeHash
    public let extensions: [String]

    public init(origin: String, treeSize: UInt64, rootHash: TreeHash, extensions: [String] = []) {
        self.origin = origin
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.extensions = extensions
    }

    public var text: String {
        ([origin, String(treeSize), rootHash.base64] + extensions).map { $0 + "\n" }.joined()
    }

    public init(text: String) throws(SignedNote.ParseError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.last == "" else { throw .malformed("the checkpoint does not end with a newline") }
        lines.removeLast()
        guard lines.count >= 3, !lines[0].isEmpty,
              lines[1] == "0" || (!lines[1].hasPrefix("0") && lines[1].allSatisfy(\.isASCII)),
              let size = UInt64(lines[1]),
              let root = Data(base64Encoded: String(lines[2])).flatMap({ TreeHash(bytes: Array($0)) }),
              lines[2] == Substring(root.base64) else {
            throw .malformed("not a checkpoint: origin, size and base64 root hash on three lines")
        }
        self.init(origin: String(lines[0]), treeSize: size, rootHash: root, extensions: lines.dropFirst(3).map(String.init))
    }
}
