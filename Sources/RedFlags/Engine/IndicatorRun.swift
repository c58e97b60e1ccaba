import Foundation

/// One pass over line-delimited compiled releases: each line is parsed, filtered and read by every enabled
/// indicator. Bad lines never stop the run; each is reported with its number and counted.
public struct IndicatorRun {
    public static let all: [any Indicator.Type] = [
        ShortSubmissionPeriod.self, SingleBidReceived.self, PriceCloseToWinningBid.self, ExcessiveUnsuccessfulBids.self,
        IdenticalBidPrices.self, LateBidWon.self,
        AllExceptWinningBidDisqualified.self, LowestBidDisqualified.self, HeavilyDiscountedBid.self,
    ]

    public struct Totals: Sendable, Equatable {
        public var lines = 0
        public var processes = 0
        public var excluded = 0
        public var invalid = 0
    }

    public struct LineProblem: Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    var indicators: [any Indicator]
    let filter: ReleaseFilter
    let priceRule: PriceComparisonRule
    /// Configured, or the first currency observed on a bid, in file order.
    var mainCurrency: String?
    public private(set) var results = Results()
    public private(set) var totals = Totals()

    public init(settings: Settings) {
        indicators = Self.all.filter { settings.enabled($0.code) }.map { $0.init(settings) }
        filter = ReleaseFilter(settings)
        priceRule = PriceComparisonRule(settings)
        mainCurrency = settings.global["currency"]
    }

    /// Reads one line; returns the problem, if any.
    public mutating func read(line: UnsafeBufferPointer<UInt8>, number: Int) -> LineProblem? {
        totals.lines += 1
        let release: JSONValue
        do {
            release = try JSONParser.parse(line)
        } catch {
            totals.invalid += 1
            return LineProblem(line: number, reason: "not valid JSON (\(error.description))")
        }
        guard release.isObject else {
            totals.invalid += 1
            return LineProblem(line: number, reason: "not a JSON object")
        }
        guard let ocid = filter.ocid(of: release) else {
            totals.excluded += 1
            return nil
        }
        totals.processes += 1
        if mainCurrency == nil {
            mainCurrency = release["bids", "details"]?.array?.lazy.compactMap { $0["value", "currency"]?.string }.first
        }
        let context = ProcessContext(comparesPrices: priceRule.compares(release), mainCurrency: mainCurrency)
        for index in indicators.indices { indicators[index].read(release, ocid: ocid, context: context, into: &results) }
        return nil
    }

    public mutating func finish() -> Results {
        for index in indicators.indices { indicators[index].finish(&results) }
        return results
    }

    /// Streams a file (or standard input) line by line in fixed-size chunks, so memory never grows with the file.
    public static func lines(of handle: FileHandle, chunkSize: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var pending: [UInt8] = []
        var number = 0
        func emit(_ bytes: ArraySlice<UInt8>) {
            number += 1
            var slice = bytes
            if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            slice.withUnsafeBufferPointer { body($0, number) }
        }
        while true {
            let chunk = handle.readData(ofLength: chunkSize)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                emit(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(pending.startIndex..<start)
        }
        if !pending.isEmpty { emit(pending[...]) }
    }
}
