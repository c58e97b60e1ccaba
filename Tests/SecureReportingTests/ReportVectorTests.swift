import Crypto
import Foundation
import SecureReporting
import Testing

/// The committed example of docs/reporting-crypto.md; tests/crypto/test_report_vector.py reads it independently.
struct ReportVector: Codable {
    struct Cost: Codable { let n: Int; let r: Int; let p: Int }
    struct Wrapped: Codable { let readerID: String; let enc: String; let ciphertext: String }
    struct Item: Codable { let id: String; let sealed: String; let plaintext: String }
    struct File: Codable { let id: String; let chunks: [String]; let length: Int; let sha256: String }

    let format: String
    let reportID: String
    let installationSalt: String
    let cost: Cost
    let receipt: String
    let lookupTag: String
    let recipientID: String
    let recipientPrivateKey: String
    let wrappedKeys: [Wrapped]
    let whistleblowerKey: String
    let items: [Item]
    let files: [File]

    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/report-v1.json")
}

@Suite struct ReportVectorTests {
    @Test func theCommittedVectorOpensThroughTheRecipientAndThroughTheReceipt() throws {
        if ProcessInfo.processInfo.environment["WRITE_REPORT_VECTOR"] == "1" { try Self.write() }
        let vector = try JSONDecoder().decode(ReportVector.self, from: Data(contentsOf: ReportVector.url))
        let cost = StretchCost(n: vector.cost.n, r: vector.cost.r, p: vector.cost.p)
        let recipient = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: try hex(vector.recipientPrivateKey))
        let wrapped = vector.wrappedKeys.map { WrappedKey(readerID: $0.readerID, enc: try! hex($0.enc), ciphertext: try! hex($0.ciphertext)) }
        let viaRecipient = try #require(wrapped.first { $0.readerID == vector.recipientID }).open(reportID: vector.reportID, with: recipient)

        let keys = try ReceiptKeys(receipt: try #require(Receipt(typed: vector.receipt)), installationSalt: try hex(vector.installationSalt), cost: cost)
        let lookupTag = try hex(vector.lookupTag)
        #expect(keys.lookupTag == lookupTag)
        let own = try SealedPrivateKey(sealed: try hex(vector.whistleblowerKey))
            .open(with: keys.keyEncryptionKey, purpose: SealedPrivateKey.whistleblowerPurpose(reportID: vector.reportID))
        let viaReceipt = try #require(wrapped.first { $0.readerID == WrappedKey.whistleblower }).open(reportID: vector.reportID, with: own)

        for key in [viaRecipient, viaReceipt] {
            for item in vector.items {
                #expect(String(decoding: try key.open(try hex(item.sealed), item: item.id), as: UTF8.self) == item.plaintext)
            }
            for file in vector.files {
                let content = try FileSealing.open(try file.chunks.map(hex), item: file.id, key: key)
                let expected = try hex(file.sha256)
                #expect(content.count == file.length)
                #expect(Data(SHA256.hash(data: content)) == expected)
            }
        }
    }

    /// Writes a new vector; run only when the format changes.
    static func write() throws {
        let reportID = "5b0a2f3e-8c1d-4e7a-9f00-2a6b1c3d4e5f", recipientID = "0d7c3b2a-1e9f-4a8b-8c6d-5e4f3a2b1c0d"
        let salt = Data((0..<32).map { UInt8($0) }), cost = StretchCost(n: 1 << 10, r: 8, p: 1)
        let receipt = Receipt(typed: "4921 0387 5516 2048")!
        let keys = try ReceiptKeys(receipt: receipt, installationSalt: salt, cost: cost)
        let key = ReportKey(reportID: reportID)
        let recipient = Curve25519.KeyAgreement.PrivateKey(), own = Curve25519.KeyAgreement.PrivateKey()
        let wrapped = [try WrappedKey(key, for: recipientID, publicKey: recipient.publicKey),
                       try WrappedKey(key, for: WrappedKey.whistleblower, publicKey: own.publicKey)]
        let answers = #"{"service":{"choices":{"_0":["health"]}},"what":{"text":{"_0":"canary-answers"}}}"#
        let message = "The invoices are in the second drawer. canary-message"
        let file = Data((0..<70_000).map { UInt8(($0 * 7) % 256) })
        let vector = ReportVector(
            format: "integrity-exchange/report/v1", reportID: reportID, installationSalt: hex(salt), cost: .init(n: cost.n, r: cost.r, p: cost.p),
            receipt: receipt.value, lookupTag: hex(keys.lookupTag), recipientID: recipientID, recipientPrivateKey: hex(recipient.rawRepresentation),
            wrappedKeys: wrapped.map { .init(readerID: $0.readerID, enc: hex($0.enc), ciphertext: hex($0.ciphertext)) },
            whistleblowerKey: hex(try SealedPrivateKey(own, under: keys.keyEncryptionKey, purpose: SealedPrivateKey.whistleblowerPurpose(reportID: reportID)).sealed),
            items: [.init(id: "answers", sealed: hex(try key.seal(Data(answers.utf8), item: "answers")), plaintext: answers),
                    .init(id: "message/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", sealed: hex(try key.seal(Data(message.utf8), item: "message/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")),
                          plaintext: message)],
            files: [.init(id: "file/3c2b1a09-8f7e-4d6c-9b5a-493827160504",
                          chunks: try FileSealing.seal(file, item: "file/3c2b1a09-8f7e-4d6c-9b5a-493827160504", key: key).map(hex),
                          length: file.count, sha256: hex(Data(SHA256.hash(data: file))))])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(vector).write(to: ReportVector.url)
    }
}

func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

func hex(_ text: String) throws -> Data {
    var bytes = Data()
    var index = text.startIndex
    while index < text.endIndex {
        let next = text.index(index, offsetBy: 2)
        guard let byte = UInt8(text[index..<next], radix: 16) else { throw CocoaError(.coderInvalidValue) }
        bytes.append(byte)
        index = next
    }
    return bytes
}
