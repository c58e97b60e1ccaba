/// Comma- (or tab-) separated tables read straight from their bytes: no `String` per line or per field, so a file
/// of half a million rows reads at close to memory speed. Rows come with their line numbers for error messages.
public enum ByteTable {
    /// A header line, then rows; a line of spaces is skipped, a line's separator is a tab if it holds one, fields
    /// are trimmed of ASCII white space, and a final line may lack its newline. Calls `row` for each row after the
    /// header, which must be one of `expectedHeader` (compared in lower case), with the index of the one found.
    public static func read(
        _ bytes: UnsafeRawBufferPointer, name: String, expectedHeader: [[String]],
        _ row: (borrowing Row, Int) throws(InstanceFormats.ParseError) -> Void
    ) throws(InstanceFormats.ParseError) {
        var header: (names: [String], index: Int)?
        var lineNumber = 0
        var start = 0
        var fields = [Range<Int>](repeating: 0..<0, count: 16)
        while start < bytes.count {
            lineNumber += 1
            let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = newline + 1 }
            let line = start..<newline
            if bytes[line].allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            let count = split(bytes, line, into: &fields)
            let found = Row(line: lineNumber, bytes: bytes, fields: fields, count: count)
            guard let known = header else {
                let names = (0..<count).map { found.string($0) }
                guard let index = expectedHeader.firstIndex(of: names.map { $0.lowercased() }) else {
                    let alternatives = expectedHeader.map { $0.joined(separator: ",") }.joined(separator: " or ")
                    throw .init(file: name, line: lineNumber, reason: "expected the header \(alternatives), found \(names.joined(separator: ","))")
                }
                header = (names, index)
                continue
            }
            guard count == known.names.count else {
                throw .init(file: name, line: lineNumber, reason: "expected \(known.names.count) fields, found \(count)")
            }
            try row(found, known.index)
        }
        guard header != nil else { throw .init(file: name, line: nil, reason: "the file is empty") }
    }

    /// Splits one line into trimmed field ranges; returns how many, growing `fields` when a line has more.
    private static func split(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>, into fields: inout [Range<Int>]) -> Int {
        let separator: UInt8 = bytes[line].contains(0x09) ? 0x09 : 0x2C
        var count = 0
        var fieldStart = line.lowerBound
        var index = line.lowerBound
        while true {
            if index == line.upperBound || bytes[index] == separator {
                if count == fields.count { fields.append(0..<0) }
                fields[count] = trimmed(bytes, fieldStart..<index)
                count += 1
                if index == line.upperBound { return count }
                fieldStart = index + 1
            }
            index += 1
        }
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// One row during the call that reads it: its line number and its fields' bytes.
    public struct Row: ~Copyable {
        public let line: Int
        let bytes: UnsafeRawBufferPointer
        let fields: [Range<Int>]
        public let count: Int

        public func field(_ index: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[fields[index]]) }

        public func isEmpty(_ index: Int) -> Bool { fields[index].isEmpty }

        /// The field as text, for ids and messages.
        public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

        /// A whole number with an optional sign, as `Int64(String)` reads it.
        public func integer(_ index: Int) -> Int64? { ByteNumbers.integer(field(index)) }

        /// A decimal, as `Double(String)` reads it.
        public func decimal(_ index: Int) -> Double? { ByteNumbers.decimal(field(index)) }
    }
}

/// Numbers parsed from bytes, giving exactly what the standard library's `String` initialisers give.
public enum ByteNumbers {
    public static func integer(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var (negative, index) = sign(bytes)
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? times.subtractingReportingOverflow(Int64(digit)) : times.addingReportingOverflow(Int64(digit))
            guard !overflowA, !overflowB else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// Plain decimals of up to 15 significant digits (`0.4821`, `-12.5`, `7`) take a fast path that is exact: the
    /// digits form an integer below 2^53 and one division by an exact power of ten rounds correctly, as the full
    /// parser does. Anything else (exponents, long digit strings) goes to `Double(String)`.
    public static func decimal(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var (negative, index) = sign(bytes)
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else if byte &- 0x30 < 10 {
                mantissa = mantissa * 10 + UInt64(byte &- 0x30)
                digits += 1
                if seenPoint { fraction += 1 }
                if digits > 15 { return slow(bytes) }
            } else {
                return slow(bytes)
            }
            index += 1
        }
        guard digits > 0 else { return slow(bytes) }
        let value = Double(mantissa) / powersOfTen[fraction]
        return negative ? -value : value
    }

    /// Whether a leading sign says negative, and where the digits start.
    private static func sign(_ bytes: UnsafeRawBufferPointer) -> (negative: Bool, start: Int) {
        guard let first = bytes.first, first == 0x2B || first == 0x2D else { return (false, 0) }
        return (first == 0x2D, 1)
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    private static func slow(_ bytes: UnsafeRawBufferPointer) -> Double? { Double(String(decoding: bytes, as: UTF8.self)) }
}

/// Ids read as bytes, each given an index in first-seen order; a `String` is made only for an id not seen before.
struct IDTable: Sendable {
    private(set) var ids: [String] = []
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var keys: [UInt8] = []
    private var keyRanges: [Range<Int>] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
    }

    var count: Int { ids.count }

    /// The id's index, adding it if new.
    mutating func index(of id: UnsafeRawBufferPointer) -> Int {
        let hash = Self.hash(id)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let found = Int(slots[slot])
            if found < 0 { return add(id, hash: hash, at: slot) }
            if hashes[found] == hash, keys.withUnsafeBytes({ $0[keyRanges[found]].elementsEqual(id) }) { return found }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    mutating func index(of id: String) -> Int {
        var id = id
        return id.withUTF8 { index(of: UnsafeRawBufferPointer($0)) }
    }

    private mutating func add(_ id: UnsafeRawBufferPointer, hash: UInt64, at slot: Int) -> Int {
        let index = ids.count
        ids.append(String(decoding: id, as: UTF8.self))
        hashes.append(hash)
        keyRanges.append(keys.count..<(keys.count + id.count))
        keys.append(contentsOf: id)
        slots[slot] = Int32(index)
        if ids.count * 2 > slots.count { grow() }
        return index
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index)
        }
    }

    /// FNV-1a, then a final mix so that the low bits used for slots depend on every byte.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }
}
