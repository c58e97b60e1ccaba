import Crypto
import Foundation

/// A report's data key and everything sealed under it. Each item (the answers, the demographics, the sealed
/// identity, one message, one file) has its own subkey, HKDF(data key, "…/item/v1/" + item id); its ciphertext is
/// bound to the report and the item, so it cannot be moved to another.
// SymmetricKey is an immutable value that swift-crypto does not yet mark Sendable.
public struct ReportKey: @unchecked Sendable {
    public let reportID: String
    let dataKey: SymmetricKey

    /// A fresh random data key for a new report.
    public init(reportID: String) {
        self.init(reportID: reportID, dataKey: SymmetricKey(size: .bits256))
    }

    init(reportID: String, dataKey: SymmetricKey) {
        (self.reportID, self.dataKey) = (reportID, dataKey)
    }

    func itemKey(_ itemID: String) -> SymmetricKey {
        ReportKDF.expand(dataKey, label: ReportKDF.Label.item + itemID)
    }

    func binding(_ itemID: String) -> Data { Data("\(reportID)|\(itemID)".utf8) }

    /// nonce (12) ‖ ciphertext ‖ tag (16), ChaCha20-Poly1305 under the item's subkey, with "report id|item id" as
    /// associated data.
    public func seal(_ plaintext: some DataProtocol, item itemID: String) throws -> Data {
        try ChaChaPoly.seal(plaintext, using: itemKey(itemID), authenticating: binding(itemID)).combined
    }

    public func open(_ sealed: Data, item itemID: String) throws -> Data {
        try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: sealed), using: itemKey(itemID), authenticating: binding(itemID))
    }

    public func seal<T: Encodable>(json value: T, item itemID: String) throws -> Data {
        try seal(JSONEncoder.sealing.encode(value), item: itemID)
    }

    public func open<T: Decodable>(_ type: T.Type, from sealed: Data, item itemID: String) throws -> T {
        try JSONDecoder().decode(type, from: open(sealed, item: itemID))
    }
}

extension JSONEncoder {
    static var sealing: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
