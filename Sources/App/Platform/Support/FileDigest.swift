import Crypto
import Foundation

/// SHA-256 of a file read a megabyte at a time, lower-case hex: the same digest `StreamedUpload` gives its bytes.
enum FileDigest {
    static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        return hash.finalize().hex
    }
}

extension Digest {
    /// Lower-case hex, as the platform keeps and compares digests.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
