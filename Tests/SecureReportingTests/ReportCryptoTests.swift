import Crypto
import Foundation
import SecureReporting
import Testing

/// A cheap cost for tests; the standard cost is checked by value.
let testCost = StretchCost(n: 1 << 10, r: 8, p: 1)

@Suite struct ReceiptTests {
    @Test func aReceiptIsSixteenDigitsOfAtLeastFiftyThreeBits() {
        let receipt = Receipt()
        #expect(receipt.value.count == 16 && receipt.value.allSatisfy(\.isNumber))
        #expect(log2(pow(10.0, Double(Receipt.digits))) >= 53)
        #expect(receipt.description.split(separator: " ").map(\.count) == [4, 4, 4, 4])
        #expect(Receipt(typed: receipt.description) == receipt)
        #expect(Receipt(typed: "1234 5678 9012 345") == nil)
        #expect(Receipt(typed: "1234-5678-9012-345x") == nil)
    }

    @Test func digitsAreUniform() {
        var generator = SeededGenerator(seed: 7)
        var counts = [Character: Int]()
        for _ in 0..<2_000 { for digit in Receipt(using: &generator).value { counts[digit, default: 0] += 1 } }
        #expect(counts.count == 10)
        #expect(counts.values.allSatisfy { abs($0 - 3_200) < 300 }, "\(counts)")
    }

    @Test func theStandardCostIsScryptTwoToTheSeventeen() {
        #expect(StretchCost.standard == StretchCost(n: 131_072, r: 8, p: 1))
        #expect(StretchCost.standard.memory == 128 << 20)
    }

    @Test func theLookupTagAndTheKeyEncryptionKeyAreDerivedApart() throws {
        let salt = Data(repeating: 9, count: 32)
        let receipt = Receipt(typed: "0123456789012345")!
        let keys = try ReceiptKeys(receipt: receipt, installationSalt: salt, cost: testCost)
        let again = try ReceiptKeys(receipt: receipt, installationSalt: salt, cost: testCost)
        #expect(keys.lookupTag == again.lookupTag && keys.lookupTag.count == 32)
        #expect(keys.keyEncryptionKey.withUnsafeBytes { Data($0) } != keys.lookupTag)
        let other = try ReceiptKeys(receipt: Receipt(typed: "0123456789012346")!, installationSalt: salt, cost: testCost)
        #expect(other.lookupTag != keys.lookupTag)
        let elsewhere = try ReceiptKeys(receipt: receipt, installationSalt: Data(repeating: 1, count: 32), cost: testCost)
        #expect(elsewhere.lookupTag != keys.lookupTag, "another installation's salt gives another tag")
    }
}

@Suite struct ReportSealingTests {
    @Test func anItemOpensOnlyAsItself() throws {
        let key = ReportKey(reportID: "r-1")
        let sealed = try key.seal(Data("canary-7f3a".utf8), item: "answers")
        #expect(!sealed.containsBytes(Data("canary-7f3a".utf8)))
        #expect(try key.open(sealed, item: "answers") == Data("canary-7f3a".utf8))
        #expect(throws: (any Error).self) { try key.open(sealed, item: "message/1") }
        #expect(throws: (any Error).self) { try ReportKey(reportID: "r-1").open(sealed, item: "answers") }
    }

    @Test func theDataKeyIsWrappedForEachReaderAndOnlyTheirs() throws {
        let key = ReportKey(reportID: "r-2")
        let reader = Curve25519.KeyAgreement.PrivateKey(), stranger = Curve25519.KeyAgreement.PrivateKey()
        let wrapped = try WrappedKey(key, for: "reader-a", publicKey: reader.publicKey)
        let opened = try wrapped.open(reportID: "r-2", with: reader)
        let sealed = try key.seal(json: ["what": "a bribe"], item: "answers")
        #expect(try opened.open([String: String].self, from: sealed, item: "answers") == ["what": "a bribe"])
        #expect(throws: (any Error).self) { try wrapped.open(reportID: "r-2", with: stranger) }
        #expect(throws: (any Error).self) { try wrapped.open(reportID: "r-3", with: reader) }
        let moved = WrappedKey(readerID: "reader-b", enc: wrapped.enc, ciphertext: wrapped.ciphertext)
        #expect(throws: (any Error).self) { try moved.open(reportID: "r-2", with: reader) }
    }

    @Test func theWhistleblowersKeyIsSealedUnderTheReceipt() throws {
        let keys = try ReceiptKeys(receipt: Receipt(typed: "1111222233334444")!, installationSalt: Data(count: 32), cost: testCost)
        let own = Curve25519.KeyAgreement.PrivateKey()
        let sealed = try SealedPrivateKey(own, under: keys.keyEncryptionKey, purpose: SealedPrivateKey.whistleblowerPurpose(reportID: "r-4"))
        let back = try sealed.open(with: keys.keyEncryptionKey, purpose: SealedPrivateKey.whistleblowerPurpose(reportID: "r-4"))
        #expect(back.rawRepresentation == own.rawRepresentation)
        let wrong = try ReceiptKeys(receipt: Receipt(typed: "1111222233334445")!, installationSalt: Data(count: 32), cost: testCost)
        #expect(throws: (any Error).self) { try sealed.open(with: wrong.keyEncryptionKey, purpose: SealedPrivateKey.whistleblowerPurpose(reportID: "r-4")) }
    }
}

@Suite struct FileSealingTests {
    let key = ReportKey(reportID: "r-5")

    @Test func aFileIsSealedInChunksWithAtMostFivePercentPadding() throws {
        let content = Data((0..<200_000).map { UInt8($0 % 251) })
        var generator = SeededGenerator(seed: 1)
        let chunks = try FileSealing.seal(content, item: "file/1", key: key, using: &generator)
        #expect(chunks.dropLast().allSatisfy { $0.count == FileSealing.chunkSize + FileSealing.tagSize })
        let stored = chunks.map(\.count).reduce(0, +) - chunks.count * FileSealing.tagSize - 8
        #expect(stored >= content.count && Double(stored) <= Double(content.count) * 1.05)
        #expect(try FileSealing.open(chunks, item: "file/1", key: key) == content)
    }

    @Test func droppedReorderedOrMovedChunksDoNotOpen() throws {
        let chunks = try FileSealing.seal(Data(repeating: 7, count: 150_000), item: "file/2", key: key)
        #expect(chunks.count == 3)
        #expect(throws: (any Error).self) { try FileSealing.open(Array(chunks.dropLast()), item: "file/2", key: key) }
        #expect(throws: (any Error).self) { try FileSealing.open([chunks[1], chunks[0], chunks[2]], item: "file/2", key: key) }
        #expect(throws: (any Error).self) { try FileSealing.open(chunks, item: "file/3", key: key) }
    }

    @Test func anEmptyFileRoundTrips() throws {
        let chunks = try FileSealing.seal(Data(), item: "file/4", key: key)
        #expect(try FileSealing.open(chunks, item: "file/4", key: key) == Data())
    }
}

@Suite struct RecipientKeyringTests {
    @Test func thePasswordOrTheRecoveryKeyUnlocksItAndNothingElse() throws {
        let (keyring, recovery) = try RecipientKeyring.create(readerID: "u-1", password: "correct horse battery", cost: testCost)
        let key = try keyring.unlock(password: "correct horse battery")
        #expect(key.publicKey.rawRepresentation == keyring.publicKey)
        #expect(throws: (any Error).self) { try keyring.unlock(password: "correct horse batterY") }
        let printed = recovery.description
        #expect(printed.split(separator: " ").count == 8)
        #expect(try keyring.unlock(recovery: RecoveryKey(printed: printed.uppercased())!).rawRepresentation == key.rawRepresentation)
        #expect(throws: (any Error).self) { try keyring.unlock(recovery: RecoveryKey()) }
        let changed = try keyring.resealed(key, password: "new passphrase here")
        #expect(try changed.unlock(password: "new passphrase here").rawRepresentation == key.rawRepresentation)
        #expect(throws: (any Error).self) { try changed.unlock(password: "correct horse battery") }
        #expect(try changed.unlock(recovery: recovery).rawRepresentation == key.rawRepresentation)
    }
}

/// SplitMix64, so random draws in tests repeat.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Data {
    func containsBytes(_ needle: Data) -> Bool { range(of: needle) != nil }
}

@Suite struct FormReceiptTests {
    @Test func theSameFormGivesTheSameReceiptAndAnotherFormAnother() {
        let key = SymmetricKey(data: Data(repeating: 3, count: 32))
        let nonce = Data(repeating: 1, count: 16)
        let receipt = Receipt(formNonce: nonce, key: key)
        #expect(receipt == Receipt(formNonce: nonce, key: key))
        #expect(receipt != Receipt(formNonce: Data(repeating: 2, count: 16), key: key))
        #expect(receipt != Receipt(formNonce: nonce, key: SymmetricKey(data: Data(repeating: 4, count: 32))))
        #expect(receipt.value.count == 16)
    }
}
