/// The string formats the BODS schema names, checked as RFC 3339 (`date`, `date-time`) and RFC 3986 (`uri`) define
/// them; `email` needs only an `@`, as JSON Schema's own checker asks.
enum StringFormat {
    static func accepts(_ text: String, format: String) -> Bool {
        switch format {
        case "date": isDate(Array(text.utf8)[...])
        case "date-time": isDateTime(Array(text.utf8))
        case "uri": isURI(text)
        case "email": text.contains("@")
        default: true
        }
    }

    /// `YYYY-MM-DD`, with a day that exists in that month.
    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10, bytes[bytes.startIndex + 4] == UInt8(ascii: "-"), bytes[bytes.startIndex + 7] == UInt8(ascii: "-"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              (1...12).contains(month) else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    /// A full date, `T`, a time with optional fraction, and `Z` or a numeric offset.
    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20, isDate(bytes[0..<10]), [UInt8(ascii: "T"), UInt8(ascii: "t")].contains(bytes[10]) else { return false }
        let time = bytes[11...]
        guard time.count >= 9, time[13] == UInt8(ascii: ":"), time[16] == UInt8(ascii: ":"),
              let hour = number(time, 0, 2), let minute = number(time, 3, 2), let second = number(time, 6, 2),
              hour < 24, minute < 60, second < 61 else { return false }
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let digits = bytes[index...].prefix { isDigit($0) }.count
            guard digits > 0 else { return false }
            index += digits
        }
        let zone = bytes[index...]
        if zone.count == 1 { return zone.first == UInt8(ascii: "Z") || zone.first == UInt8(ascii: "z") }
        guard zone.count == 6, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(zone[index]), zone[index + 3] == UInt8(ascii: ":"),
              let hours = number(zone, 1, 2), let minutes = number(zone, 4, 2) else { return false }
        return hours < 24 && minutes < 60
    }

    /// An absolute URI: a scheme, `:`, and only the characters RFC 3986 allows, with `%` always followed by two hex
    /// digits.
    static func isURI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(bytes[0]),
              bytes[1..<colon].allSatisfy({ isLetter($0) || isDigit($0) || "+-.".utf8.contains($0) }) else { return false }
        var index = colon + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isLetter(byte) || isDigit(byte) || "-._~:/?#[]@!$&'()*+,;=".utf8.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    private static func number(_ bytes: ArraySlice<UInt8>, _ offset: Int, _ length: Int) -> Int? {
        let digits = bytes.dropFirst(offset).prefix(length)
        guard digits.count == length, digits.allSatisfy(isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
