/// A Legal Entity Identifier (ISO 17442): 18 letters or digits, then two check digits under ISO 7064 MOD 97-10.
public struct LegalEntityIdentifier: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Nil unless `text` (case and surrounding space ignored) is 20 characters whose check digits agree.
    public init?(_ text: String) {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.utf8.count == 20, code.utf8.allSatisfy(Self.isAlphanumeric),
              code.utf8.suffix(2).allSatisfy(Self.isDigit),
              ISO7064.mod97(code) == 1 else { return nil }
        value = code
    }

    public var description: String { value }

    /// The two check digits for an 18-character prefix, or nil when the prefix is not 18 letters or digits.
    public static func checkDigits(for prefix: String) -> String? {
        let code = prefix.uppercased()
        guard code.utf8.count == 18, code.utf8.allSatisfy(isAlphanumeric), let remainder = ISO7064.mod97(code + "00") else {
            return nil
        }
        let digits = 98 - remainder
        return digits < 10 ? "0\(digits)" : "\(digits)"
    }

    /// The BODS scheme under which an LEI is published.
    public static let bodsScheme = "XI-LEI"

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
}

/// ISO 7064 MOD 97-10, as ISO 17442 and IBAN use it.
enum ISO7064 {
    /// The remainder modulo 97 of the number that `code` spells, letters standing for 10 (A) to 35 (Z); nil for any
    /// other character.
    static func mod97(_ code: String) -> Int? {
        var remainder = 0
        for byte in code.utf8 {
            if LegalEntityIdentifier.isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - UInt8(ascii: "0"))) % 97
            } else if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
                remainder = (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
            } else {
                return nil
            }
        }
        return remainder
    }
}
