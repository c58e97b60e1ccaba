import Crypto

/// SHA-256 over a fixed text of the bid and a secret nonce: a sealed bid that no one can read before the opening and
/// that the bidder cannot change after it.
public struct BidCommitment: Sendable, Equatable {
    public let hex: String

    public init?(hex: String) {
        guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.hex = hex
    }

    /// The committed text is one field per line, so that no two bids share it.
    public static func of(procurement: String, supplier: String, offer: Money, nonce: String) -> BidCommitment {
        let text = "integrity-exchange/ledger/bid/v1\n\(procurement)\n\(supplier)\n\(offer.amount)\n\(offer.currency)\n\(nonce)\n"
        let digest = SHA256.hash(data: Array(text.utf8))
        return BidCommitment(hex: digest.map { String($0, radix: 16).leftPadded(to: 2) }.joined())!
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
