import Crypto
import _CryptoExtras
import Foundation

/// What a whistleblower keeps instead of an account: 16 random decimal digits (log2 10^16 ≈ 53.2 bits), shown once.
public struct Receipt: Equatable, Sendable, CustomStringConvertible {
    public static let digits = 16
    public let value: String

    /// A new receipt; every digit is uniform (bytes ≥ 250 are drawn again).
    public init<R: RandomNumberGenerator>(using generator: inout R) {
        var digits = ""
        while digits.count < Self.digits {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            if byte < 250 { digits.append(Character(String(byte % 10))) }
        }
        value = digits
    }

    public init() {
        var system = SystemRandomNumberGenerator()
        self.init(using: &system)
    }

    /// The receipt a report form's nonce gives under the installation's form key: the same form sent twice gives the
    /// same receipt, so a second click can show it again although it is stored nowhere. Digits are drawn from
    /// HKDF(key, "…/receipt/form/v1/" ‖ nonce) as `init(using:)` draws them.
    public init(formNonce: Data, key: SymmetricKey) {
        var stream = HKDFStream(key: key, info: Data(ReportKDF.Label.formReceipt.utf8) + formNonce)
        self.init(using: &stream)
    }

    /// Reads a receipt as people type it back: spaces and dashes are ignored; anything else but 16 digits is nil.
    public init?(typed: String) {
        let kept = typed.filter { $0 != " " && $0 != "-" }
        guard kept.count == Self.digits, kept.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        value = kept
    }

    /// Four groups of four, as it is shown and printed.
    public var description: String {
        stride(from: 0, to: Self.digits, by: 4).map { start in
            let from = value.index(value.startIndex, offsetBy: start)
            return String(value[from..<value.index(from, offsetBy: 4)])
        }.joined(separator: " ")
    }
}

/// scrypt's cost. The standard cost (N = 2^17, r = 8, p = 1) takes 128 MiB and a fraction of a second per stretch.
public struct StretchCost: Codable, Equatable, Sendable {
    public let n: Int
    public let r: Int
    public let p: Int

    public static let standard = StretchCost(n: 1 << 17, r: 8, p: 1)

    public init(n: Int, r: Int, p: Int) {
        (self.n, self.r, self.p) = (n, r, p)
    }

    /// The memory one stretch takes, in bytes (128 · N · r · p).
    public var memory: Int { 128 * n * r * p }

    func stretch(_ secret: some DataProtocol, salt: some DataProtocol) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(from: secret, salt: salt, outputByteCount: 32, rounds: n, blockSize: r, parallelism: p)
    }
}

/// The two keys a receipt opens, kept apart: the lookup tag finds the report (the only thing stored), and the
/// key-encryption key unseals the whistleblower's private key. Neither can be computed from the other.
// SymmetricKey is an immutable value that swift-crypto does not yet mark Sendable.
public struct ReceiptKeys: @unchecked Sendable {
    public let lookupTag: Data
    public let keyEncryptionKey: SymmetricKey

    public init(receipt: Receipt, installationSalt: Data, cost: StretchCost) throws {
        let stretched = try cost.stretch(Data(receipt.value.utf8), salt: installationSalt)
        lookupTag = ReportKDF.expand(stretched, label: ReportKDF.Label.receiptLookup).withUnsafeBytes { Data($0) }
        keyEncryptionKey = ReportKDF.expand(stretched, label: ReportKDF.Label.receiptKEK)
    }
}

/// HKDF-SHA256 with an empty salt and a labelled `info`, as docs/reporting-crypto.md lists the labels.
public enum ReportKDF {
    public enum Label {
        public static let receiptLookup = "integrity-exchange/receipt/lookup/v1"
        public static let receiptKEK = "integrity-exchange/receipt/kek/v1"
        public static let item = "integrity-exchange/report/item/v1/"
        public static let formReceipt = "integrity-exchange/receipt/form/v1/"
        public static let formToken = "integrity-exchange/form-token/v1"
    }

    public static func expand(_ key: SymmetricKey, label: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, salt: Data(), info: Data(label.utf8), outputByteCount: 32)
    }
}

/// Bytes from HKDF-SHA256 as a generator, 32 at a time (block i uses info ‖ i), for drawing digits deterministically.
struct HKDFStream: RandomNumberGenerator {
    let key: SymmetricKey
    let info: Data
    private var block: [UInt8] = []
    private var counter: UInt32 = 0

    init(key: SymmetricKey, info: Data) {
        (self.key, self.info) = (key, info)
    }

    mutating func next() -> UInt64 {
        if block.count < 8 {
            var label = info
            withUnsafeBytes(of: counter.bigEndian) { label.append(contentsOf: $0) }
            counter += 1
            block += HKDF<SHA256>.deriveKey(inputKeyMaterial: key, salt: Data(), info: label, outputByteCount: 32).withUnsafeBytes { Array($0) }
        }
        defer { block.removeFirst(8) }
        return block.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
