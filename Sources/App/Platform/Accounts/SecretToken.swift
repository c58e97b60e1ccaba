import Crypto
import Foundation

/// A random bearer secret and the only thing stored about it: its SHA-256.
struct SecretToken: Sendable {
    let plaintext: String

    init(prefix: String = "") {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        plaintext = prefix + Data(bytes).base64URLEncoded()
    }

    var digest: String { Self.digest(of: plaintext) }

    static func digest(of plaintext: String) -> String {
        SHA256.hash(data: Data(plaintext.utf8)).hex
    }
}

extension Data {
    func base64URLEncoded() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URLEncoded text: String) {
        var plain = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while plain.count % 4 != 0 { plain += "=" }
        self.init(base64Encoded: plain)
    }
}
