import Crypto
import Foundation

/// Files are sealed in 64 KiB chunks under the file item's subkey, so a large file never sits whole in memory and
/// its size leaks only to within 5%. The plaintext stream is: length (8 bytes, big-endian) ‖ content ‖ zero
/// padding of a random length up to 5% of the content. Chunk i is ChaCha20-Poly1305 with nonce 0⁴ ‖ i (64-bit
/// big-endian) and associated data "report id|item id|i|last", where last is 1 for the final chunk, else 0; a chunk
/// stored is ciphertext ‖ tag. Dropping, reordering or truncating chunks fails to open.
public enum FileSealing {
    public static let chunkSize = 64 * 1024
    public static let tagSize = 16
    public static let maximumPadding = 0.05

    public static func seal<R: RandomNumberGenerator>(_ content: Data, item itemID: String, key: ReportKey, using generator: inout R) throws -> [Data] {
        let padding = Int.random(in: 0...Int(Double(content.count) * maximumPadding), using: &generator)
        var stream = Data(capacity: 8 + content.count + padding)
        withUnsafeBytes(of: UInt64(content.count).bigEndian) { stream.append(contentsOf: $0) }
        stream.append(content)
        stream.append(Data(count: padding))
        let itemKey = key.itemKey(itemID)
        let starts = Array(stride(from: 0, to: stream.count, by: chunkSize))
        return try starts.enumerated().map { index, start in
            let chunk = stream[start..<min(start + chunkSize, stream.count)]
            let box = try ChaChaPoly.seal(chunk, using: itemKey, nonce: nonce(index),
                                          authenticating: binding(key, itemID, index, last: index == starts.count - 1))
            return box.ciphertext + box.tag
        }
    }

    public static func seal(_ content: Data, item itemID: String, key: ReportKey) throws -> [Data] {
        var system = SystemRandomNumberGenerator()
        return try seal(content, item: itemID, key: key, using: &system)
    }

    public static func open(_ chunks: [Data], item itemID: String, key: ReportKey) throws -> Data {
        let itemKey = key.itemKey(itemID)
        var stream = Data()
        for (index, chunk) in chunks.enumerated() {
            guard chunk.count >= tagSize else { throw CryptoKitError.authenticationFailure }
            let box = try ChaChaPoly.SealedBox(nonce: nonce(index), ciphertext: chunk.dropLast(tagSize), tag: chunk.suffix(tagSize))
            stream.append(try ChaChaPoly.open(box, using: itemKey, authenticating: binding(key, itemID, index, last: index == chunks.count - 1)))
        }
        guard stream.count >= 8 else { throw CryptoKitError.authenticationFailure }
        let length = stream.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length <= UInt64(stream.count - 8) else { throw CryptoKitError.authenticationFailure }
        return stream.dropFirst(8).prefix(Int(length))
    }

    static func nonce(_ index: Int) -> ChaChaPoly.Nonce {
        var bytes = Data(count: 4)
        withUnsafeBytes(of: UInt64(index).bigEndian) { bytes.append(contentsOf: $0) }
        return try! ChaChaPoly.Nonce(data: bytes)  // 12 bytes by construction
    }

    static func binding(_ key: ReportKey, _ itemID: String, _ index: Int, last: Bool) -> Data {
        Data("\(key.reportID)|\(itemID)|\(index)|\(last ? 1 : 0)".utf8)
    }
}
