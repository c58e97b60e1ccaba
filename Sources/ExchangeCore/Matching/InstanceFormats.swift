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
}

/// An edge list with its needs' demands and experts' capacities, keyed by the ids used in the files.
public struct MatchingInput: Sendable {
    public var needIDs: [String] { needs.ids }
    public var expertIDs: [String] { experts.ids }
    public private(set) var edges: [AssignmentProblem.Edge] = []
    /// By need and expert index; those not given are 1.
    public private(set) var demand: [Int: Int32] = [:]
    public private(set) var capacity: [Int: Int32] = [:]

    public static let scale: Int64 = 1_000_000

    private var needs = IDTable()
    private var experts = IDTable()

    public init() {}

    /// `need_id,expert_id,score` with score in [0, 1], or `need,expert,score_q` with integer scores out of 10000.
    public mutating func readEdges(_ bytes: UnsafeRawBufferPointer, name: String) throws(InstanceFormats.ParseError) {
        var lines: [Int32] = []
        edges.reserveCapacity(bytes.count / 12)
        lines.reserveCapacity(bytes.count / 12)
        let headers = [["need_id", "expert_id", "score"], ["need", "expert", "score_q"]]
        do {
            try ByteTable.read(bytes, name: name, expectedHeader: headers) { (row: borrowing ByteTable.Row, header: Int) throws(InstanceFormats.ParseError) in
                let score = try Self.score(row, quantised: header == 1, file: name)
                guard !row.isEmpty(0), !row.isEmpty(1) else {
                    throw .init(file: name, line: row.line, reason: "need and expert ids must not be empty")
                }
                edges.append(.init(need: needs.index(of: row.field(0)), expert: experts.index(of: row.field(1)), score: score))
                lines.append(Int32(truncatingIfNeeded: row.line))
            }
        } catch {
            // A pair repeated before the bad line is what a reader stopping at the first problem reports.
            if let repeated = firstRepeatedPair(lines: lines, file: name), repeated.line! < error.line ?? .max { throw repeated }
            throw error
        }
        if let repeated = firstRepeatedPair(lines: lines, file: name) { throw repeated }
    }

    public mutating func readEdges(_ text: String, name: String) throws(InstanceFormats.ParseError) {
        try Self.withBytes(text) { (bytes) throws(InstanceFormats.ParseError) in try readEdges(bytes, name: name) }
    }

    /// The earliest line whose need and expert were already paired: edges are bucketed by need, in file order, and
    /// a mark per expert says which need last listed it.
    private func firstRepeatedPair(lines: [Int32], file: String) -> InstanceFormats.ParseError? {
        let needCount = needs.count
        var start = [Int](repeating: 0, count: needCount + 1)
        for edge in edges { start[edge.need + 1] += 1 }
        for need in 0..<needCount { start[need + 1] += start[need] }
        var order = [Int](repeating: 0, count: edges.count)
        var next = start
        for (index, edge) in edges.enumerated() {
            order[next[edge.need]] = index
            next[edge.need] += 1
        }
        var lastNeed = [Int](repeating: -1, count: experts.count)
        var earliest: Int?
        for need in 0..<needCount {
            for index in order[start[need]..<start[need + 1]] {
                let expert = edges[index].expert
                if lastNeed[expert] == need {
                    if earliest.map({ lines[index] < lines[$0] }) ?? true { earliest = index }
                } else {
                    lastNeed[expert] = need
                }
            }
        }
        return earliest.map {
            .init(file: file, line: Int(lines[$0]), reason: "need \(needIDs[edges[$0].need]) lists expert \(expertIDs[edges[$0].expert]) twice")
        }
    }

    /// `need_id,demand` (or `need,demand`); a need missing from the edges is added with no admissible expert.
    public mutating func readDemands(_ bytes: UnsafeRawBufferPointer, name: String) throws(InstanceFormats.ParseError) {
        demand = try Self.readCounts(bytes, name: name, headers: [["need_id", "demand"], ["need", "demand"]], into: &needs)
    }

    public mutating func readDemands(_ text: String, name: String) throws(InstanceFormats.ParseError) {
        try Self.withBytes(text) { (bytes) throws(InstanceFormats.ParseError) in try readDemands(bytes, name: name) }
    }

    /// `expert_id,capacity` (or `expert,capacity`).
    public mutating func readCapacities(_ bytes: UnsafeRawBufferPointer, name: String) throws(InstanceFormats.ParseError) {
        capacity = try Self.readCounts(bytes, name: name, headers: [["expert_id", "capacity"], ["expert", "capacity"]], into: &experts)
    }

    public mutating func readCapacities(_ text: String, name: String) throws(InstanceFormats.ParseError) {
        try Self.withBytes(text) { (bytes) throws(InstanceFormats.ParseError) in try readCapacities(bytes, name: name) }
    }

    /// The problem in solver form; unspecified demands and capacities are 1.
    public func problem(penalty: Double) throws -> AssignmentProblem {
        try AssignmentProblem(
            needCount: needs.count, expertCount: experts.count, edges: edges,
            demand: (0..<needs.count).map { demand[$0] ?? 1 }, capacity: (0..<experts.count).map { capacity[$0] ?? 1 },
            penalty: Int64((penalty * Double(Self.scale)).rounded()), scale: Self.scale)
    }

    private static func readCounts(
        _ bytes: UnsafeRawBufferPointer, name: String, headers: [[String]], into ids: inout IDTable
    ) throws(InstanceFormats.ParseError) -> [Int: Int32] {
        var counts: [Int: Int32] = [:]
        try ByteTable.read(bytes, name: name, expectedHeader: headers) { (row: borrowing ByteTable.Row, _: Int) throws(InstanceFormats.ParseError) in
            guard !row.isEmpty(0) else { throw .init(file: name, line: row.line, reason: "the id must not be empty") }
            guard let count = row.integer(1).flatMap(Int32.init(exactly:)), count >= 0 else {
                throw .init(file: name, line: row.line, reason: "\(headers[0][1]) must be a whole number ≥ 0, found \(row.string(1))")
            }
            let index = ids.index(of: row.field(0))
            guard counts.updateValue(count, forKey: index) == nil else {
                throw .init(file: name, line: row.line, reason: "\(row.string(0)) appears twice")
            }
        }
        return counts
    }

    private static func score(_ row: borrowing ByteTable.Row, quantised: Bool, file: String) throws(InstanceFormats.ParseError) -> Int64 {
        if quantised {
            guard let q = row.integer(2), (0...10_000).contains(q) else {
                throw .init(file: file, line: row.line, reason: "score_q must be a whole number from 0 to 10000, found \(row.string(2))")
            }
            return q * (scale / 10_000)
        }
        guard let value = row.decimal(2), value.isFinite, (0...1).contains(value) else {
            throw .init(file: file, line: row.line, reason: "score must be a number from 0 to 1, found \(row.string(2))")
        }
        return Int64((value * Double(scale)).rounded())
    }

    private static func withBytes(
        _ text: String, _ body: (UnsafeRawBufferPointer) throws(InstanceFormats.ParseError) -> Void
    ) throws(InstanceFormats.ParseError) {
        var text = text
        let result: Result<Void, InstanceFormats.ParseError> = text.withUTF8 { bytes in
            do throws(InstanceFormats.ParseError) {
                try body(UnsafeRawBufferPointer(bytes))
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
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
