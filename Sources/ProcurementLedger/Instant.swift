import ExchangeCore

/// A UTC instant in milliseconds, written `2026-12-10T12:00:00Z` (RFC 3339, UTC only, optional milliseconds).
public enum Instant {
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let date = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = number(bytes[11..<13]), hour < 24, let minute = number(bytes[14..<16]), minute < 60,
              let second = number(bytes[17..<19]), second < 60 else { return nil }
        var millis = 0
        if bytes.count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(bytes[20..<23]) else { return nil }
            millis = fraction
        }
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1000 + Int64(millis)
    }

    /// Always with milliseconds, so that two entries in the same second still order.
    public static func format(_ ms: Int64) -> String {
        let (days, rest) = ms.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, dayMs) = rest < 0 ? (days - 1, rest + 86_400_000) : (days, rest)
        let date = CalendarDate(dayNumber: Int(day))
        let seconds = dayMs / 1000
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let millis = String(dayMs % 1000).leftPadded(to: 3)
        return "\(date)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).\(millis)Z"
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
