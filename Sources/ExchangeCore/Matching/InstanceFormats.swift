/// Readers for matching instances. They parse bytes or text that the caller has read, so they stay pure.
public enum InstanceFormats {
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int?
        public let reason: String

        public var description: String {
            line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
        }
    }

    /// The shared benchmark's binary sparse format (`MATCHSP1`, little-endian; see ../shared/bench/matching).
    public static func matchSP1(_ bytes: [UInt8], name: String = "instance") throws(ParseError) -> AssignmentProblem {
        var reader = ByteReader(bytes: bytes)
        guard reader.take(8) == Array("MATCHSP1".utf8) else { throw ParseError(file: name, line: nil, reason: "not a MATCHSP1 file") }
        guard let header = reader.int64s(5) else { throw truncated(name) }
        let (m, n, nnz, penalty, scale) = (Int(header[0]), Int(header[1]), Int(header[2]), header[3], header[4])
        guard m >= 0, n >= 0, nnz >= 0, scale > 0 else { throw ParseError(file: name, line: nil, reason: "bad header") }
        guard let demand = reader.int32s(m), let capacity = reader.int32s(n), let rows = reader.int64s(m + 1),
              let columns = reader.int32s(nnz), let scores = reader.int32s(nnz) else { throw truncated(name) }
        do {
            return try AssignmentProblem(
                needCount: m, expertCount: n, demand: demand, capacity: capacity, rowStart: rows.map(Int.init),
                edgeExpert: columns, edgeScore: scores.map(Int64.init), penalty: penalty, scale: scale)
        } catch {
            throw ParseError(file: name, line: nil, reason: error.description)
        }
    }

    private static func truncated(_ name: String) -> ParseError {
        ParseError(file: name, line: nil, reason: "the file ends early")
    }

    /// A header line, then rows of comma- (or tab-) separated fields; blank lines are skipped.
    /// Calls `row` with the 1-based line number, the fields and the header as found.
    public static func readTable(
        _ text: String, name: String, expectedHeader: [[String]],
        _ row: (Int, [Substring], [String]) throws(ParseError) -> Void
    ) throws(ParseError) {
        var header: [String]?
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so split on any newline character, not on "\n".
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " }) { continue }
            let separator: Character = line.contains("\t") ? "\t" : ","
            let fields = line.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
            guard let known = header else {
                let names = fields.map { $0.lowercased() }
                guard expectedHeader.contains(names) else {
                    throw ParseError(file: name, line: lineNumber, reason: "expected the header \(expectedHeader.map { $0.joined(separator: ",") }.joined(separator: " or ")), found \(fields.joined(separator: ","))")
                }
                header = names
                continue
            }
            guard fields.count == known.count else {
                throw ParseError(file: name, line: lineNumber, reason: "expected \(known.count) fields, found \(fields.count)")
            }
            try row(lineNumber, fields, known)
        }
        guard header != nil else { throw ParseError(file: name, line: nil, reason: "the file is empty") }
    }
}

/// An edge list with its needs' demands and experts' capacities, keyed by the ids used in the files.
public struct MatchingInput: Sendable {
    public var needIDs: [String] = []
    public var expertIDs: [String] = []
    public var edges: [AssignmentProblem.Edge] = []
    public var demand: [String: Int32] = [:]
    public var capacity: [String: Int32] = [:]

    public static let scale: Int64 = 1_000_000

    public init() {}

    private var needIndex: [String: Int] = [:]
    private var expertIndex: [String: Int] = [:]

    /// `need_id,expert_id,score` with score in [0, 1], or `need,expert,score_q` with integer scores out of 10000.
    public mutating func readEdges(_ text: String, name: String) throws(InstanceFormats.ParseError) {
        var seen: Set<[Int]> = []
        try InstanceFormats.readTable(
            text, name: name, expectedHeader: [["need_id", "expert_id", "score"], ["need", "expert", "score_q"]]
        ) { (line: Int, fields: [Substring], header: [String]) throws(InstanceFormats.ParseError) in
            let score = try Self.score(fields[2], quantised: header[2] == "score_q", file: name, line: line)
            guard !fields[0].isEmpty, !fields[1].isEmpty else {
                throw .init(file: name, line: line, reason: "need and expert ids must not be empty")
            }
            let need = index(of: String(fields[0]), in: &needIndex, ids: &needIDs)
            let expert = index(of: String(fields[1]), in: &expertIndex, ids: &expertIDs)
            guard seen.insert([need, expert]).inserted else {
                throw .init(file: name, line: line, reason: "need \(fields[0]) lists expert \(fields[1]) twice")
            }
            edges.append(.init(need: need, expert: expert, score: score))
        }
    }

    /// `need_id,demand` (or `need,demand`); a need missing from the edges is added with no admissible expert.
    public mutating func readDemands(_ text: String, name: String) throws(InstanceFormats.ParseError) {
        for (id, count) in try Self.readCounts(text, name: name, headers: [["need_id", "demand"], ["need", "demand"]]) {
            _ = index(of: id, in: &needIndex, ids: &needIDs)
            demand[id] = count
        }
    }

    /// `expert_id,capacity` (or `expert,capacity`).
    public mutating func readCapacities(_ text: String, name: String) throws(InstanceFormats.ParseError) {
        for (id, count) in try Self.readCounts(text, name: name, headers: [["expert_id", "capacity"], ["expert", "capacity"]]) {
            _ = index(of: id, in: &expertIndex, ids: &expertIDs)
            capacity[id] = count
        }
    }

    /// The problem in solver form; unspecified demands and capacities are 1.
    public func problem(penalty: Double) throws -> AssignmentProblem {
        try AssignmentProblem(
            needCount: needIDs.count, expertCount: expertIDs.count, edges: edges,
            demand: needIDs.map { demand[$0] ?? 1 }, capacity: expertIDs.map { capacity[$0] ?? 1 },
            penalty: Int64((penalty * Double(Self.scale)).rounded()), scale: Self.scale)
    }

    private static func readCounts(
        _ text: String, name: String, headers: [[String]]
    ) throws(InstanceFormats.ParseError) -> [(String, Int32)] {
        var seen: Set<String> = []
        var counts: [(String, Int32)] = []
        try InstanceFormats.readTable(text, name: name, expectedHeader: headers) { (line: Int, fields: [Substring], _: [String]) throws(InstanceFormats.ParseError) in
            let id = String(fields[0])
            guard !id.isEmpty else { throw .init(file: name, line: line, reason: "the id must not be empty") }
            guard let count = Int32(fields[1]), count >= 0 else {
                throw .init(file: name, line: line, reason: "\(headers[0][1]) must be a whole number ≥ 0, found \(fields[1])")
            }
            guard seen.insert(id).inserted else { throw .init(file: name, line: line, reason: "\(id) appears twice") }
            counts.append((id, count))
        }
        return counts
    }

    private func index(of id: String, in table: inout [String: Int], ids: inout [String]) -> Int {
        if let known = table[id] { return known }
        table[id] = ids.count
        ids.append(id)
        return ids.count - 1
    }

    private static func score(_ field: Substring, quantised: Bool, file: String, line: Int) throws(InstanceFormats.ParseError) -> Int64 {
        if quantised {
            guard let q = Int64(field), (0...10_000).contains(q) else {
                throw .init(file: file, line: line, reason: "score_q must be a whole number from 0 to 10000, found \(field)")
            }
            return q * (scale / 10_000)
        }
        guard let value = Double(field), value.isFinite, (0...1).contains(value) else {
            throw .init(file: file, line: line, reason: "score must be a number from 0 to 1, found \(field)")
        }
        return Int64((value * Double(scale)).rounded())
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func int64s(_ count: Int) -> [Int64]? { integers(count) }
    mutating func int32s(_ count: Int) -> [Int32]? { integers(count) }

    /// `count` little-endian integers, or nil if the bytes run out.
    private mutating func integers<T: FixedWidthInteger>(_ count: Int) -> [T]? {
        let width = MemoryLayout<T>.size
        guard count >= 0, offset + width * count <= bytes.count else { return nil }
        var out = [T](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            for i in 0..<count { out[i] = T(littleEndian: raw.loadUnaligned(fromByteOffset: offset + width * i, as: T.self)) }
        }
        offset += width * count
        return out
    }
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
