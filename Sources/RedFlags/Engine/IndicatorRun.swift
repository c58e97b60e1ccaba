import Foundation

/// One pass over line-delimited compiled releases: each line is parsed, filtered and read by every enabled
/// indicator. Bad lines never stop the run; each is reported with its number and counted.
public struct IndicatorRun: Sendable {
    public static let all: [any Indicator.Type] = [
        ShortSubmissionPeriod.self, SingleBidReceived.self, PriceCloseToWinningBid.self, ExcessiveUnsuccessfulBids.self,
        IdenticalBidPrices.self, LateBidWon.self,
        AllExceptWinningBidDisqualified.self, LowestBidDisqualified.self, ExcessiveDisqualifiedBids.self,
        HeterogeneousSupplier.self, HeavilyDiscountedBid.self,
        // Beyond cardinal.
        ContractSplitting.self, NonCompetitiveShare.self, AmendedContractValue.self, RoundAwardAmount.self,
        NonWorkingDayDates.self, SupplierWithoutIdentifier.self, BenfordDeviation.self, UnitPriceOutlier.self,
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

    let settings: Settings
    var indicators: [any Indicator]
    let filter: ReleaseFilter
    let priceRule: PriceComparisonRule
    /// Configured, or the first currency observed on a bid, in file order.
    var mainCurrency: String?
    public private(set) var results: Results
    public private(set) var totals = Totals()
    /// Processes whose organizations to remember (for validation and risk scores), and what was found for them.
    public var tracked = Tracking.none
    public private(set) var parties: [String: ProcessParties] = [:]
    /// Cardinal maps each process's tenderers only when an indicator about organizations runs.
    let mapsSubmittedTenderers: Bool

    public init(settings: Settings, mapping: Bool = false) {
        self.settings = settings
        results = Results(mapping: mapping)
        indicators = Self.all.filter { settings.enabled($0.code) }.map { $0.init(settings) }
        filter = ReleaseFilter(settings)
        priceRule = PriceComparisonRule(settings)
        mainCurrency = settings.global["currency"]
        mapsSubmittedTenderers = mapping && ["R025", "R038", "R048"].contains(where: settings.enabled)
    }

    /// A line once parsed: the release, or why it was not read. Parsing is pure, so lines parse on any thread.
    public enum ParsedLine<Release: Sendable>: Sendable {
        case release(Release)
        case problem(String)
    }

    /// Decodes the fields indicators read; the rest of the line is checked for syntax and skipped.
    public static func parse(_ line: UnsafeBufferPointer<UInt8>) -> ParsedLine<CompiledRelease> {
        do {
            guard let release = try CompiledRelease.decode(line: line) else { return .problem(notAnObject) }
            return .release(release)
        } catch {
            return .problem(error.lineReason)
        }
    }

    /// Parses a line whole, for the steps that rewrite releases (`prepare`), with the same problems as `parse`.
    public static func parseWhole(_ line: UnsafeBufferPointer<UInt8>) -> ParsedLine<JSONValue> {
        do {
            let value = try JSONParser.parse(line)
            return value.isObject ? .release(value) : .problem(notAnObject)
        } catch {
            return .problem(error.lineReason)
        }
    }

    private static let notAnObject = "not a JSON object"

    /// Reads one line; returns the problem, if any.
    public mutating func read(line: UnsafeBufferPointer<UInt8>, number: Int) -> LineProblem? {
        evaluate(Self.parse(line), number: number)
    }

    /// Runs the indicators over a parsed line, in file order.
    public mutating func evaluate(_ parsed: ParsedLine<CompiledRelease>, number: Int) -> LineProblem? {
        totals.lines += 1
        let release: CompiledRelease
        switch parsed {
        case .release(let value): release = value
        case .problem(let reason):
            totals.invalid += 1
            return LineProblem(line: number, reason: reason)
        }
        guard let ocid = filter.ocid(of: release) else {
            totals.excluded += 1
            return nil
        }
        totals.processes += 1
        if mainCurrency == nil {
            mainCurrency = release.bids.lazy.compactMap(\.currency).first
        }
        let process = ContractingProcess(ocid: ocid, release: release, comparesPrices: priceRule.compares(release), mainCurrency: mainCurrency)
        if mapsSubmittedTenderers {
            for bid in process.bids where bid.isSubmitted {
                for tenderer in bid.tenderers { results.maps!.add(.submitted, ocid: ocid, tenderer) }
            }
        }
        if tracked.includes(ocid) { parties[ocid] = ProcessParties(process) }
        for index in indicators.indices { indicators[index].read(process, into: &results) }
        return nil
    }

    /// Reads every line. With one thread, each batch is parsed then evaluated. With more, each batch is cut into
    /// contiguous runs of lines, one per thread, and each thread parses and evaluates its run into its own copy of
    /// the indicators; the copies are merged in file order while the threads go on with the next batch. Until the
    /// main currency is known (configured, or seen on a bid), lines are evaluated in order on this thread, because
    /// indicators then fall back on the first currency they meet.
    /// `progress` gets the bytes read so far after each batch.
    public mutating func run(_ reader: inout LineReader, threads: Int, progress: (Int) -> Void = { _ in },
                             problem: (LineProblem) -> Void) throws {
        guard threads > 1 else {
            while let batch = try reader.nextBatch() {
                for index in batch.lines.indices {
                    if let found = batch.withLine(index, { read(line: $0, number: batch.lines[index].number) }) { problem(found) }
                }
                reader.recycle(batch)
                progress(reader.bytesRead)
            }
            return
        }
        var inFlight: (batch: LineReader.Batch, evaluation: BatchEvaluation)?
        while let batch = try reader.nextBatch() {
            guard mainCurrency != nil else {
                evaluateInOrderUntilTheMainCurrency(batch, threads: threads, problem: problem)
                reader.recycle(batch)
                progress(reader.bytesRead)
                continue
            }
            let next = BatchEvaluation(batch, parsed: nil, from: 0, template: emptyCopy(), threads: threads)
            if let previous = inFlight {
                absorb(previous.evaluation.wait(), problem: problem)
                reader.recycle(previous.batch)
                progress(reader.bytesRead)
            }
            inFlight = (batch, next)
        }
        if let last = inFlight { absorb(last.evaluation.wait(), problem: problem) }
    }

    /// Evaluates lines in order until one names the main currency, and the rest of the batch on every thread.
    private mutating func evaluateInOrderUntilTheMainCurrency(_ batch: LineReader.Batch, threads: Int, problem: (LineProblem) -> Void) {
        let parsed = Self.parse(batch, threads: threads)
        var index = 0
        while mainCurrency == nil, index < parsed.count {
            if let found = evaluate(parsed[index], number: batch.lines[index].number) { problem(found) }
            index += 1
        }
        guard index < parsed.count else { return }
        absorb(BatchEvaluation(batch, parsed: parsed, from: index, template: emptyCopy(), threads: threads).wait(), problem: problem)
    }

    /// The same indicators, settings and main currency, with nothing read yet: one thread's share of a batch.
    func emptyCopy() -> IndicatorRun {
        var copy = IndicatorRun(settings: settings, mapping: results.maps != nil)
        copy.mainCurrency = mainCurrency
        copy.tracked = tracked
        return copy
    }

    /// Adds a run over the lines after this one's, as if this run had read them too.
    mutating func merge(_ later: IndicatorRun) {
        totals.lines += later.totals.lines
        totals.processes += later.totals.processes
        totals.excluded += later.totals.excluded
        totals.invalid += later.totals.invalid
        results.merge(later.results)
        parties.merge(later.parties) { $1 }
        for index in indicators.indices { indicators[index].merge(any: later.indicators[index]) }
    }

    private mutating func absorb(_ part: (run: IndicatorRun, problems: [LineProblem]), problem: (LineProblem) -> Void) {
        merge(part.run)
        part.problems.forEach(problem)
    }

    static func parse(_ batch: LineReader.Batch, threads: Int) -> [ParsedLine<CompiledRelease>] {
        let count = batch.lines.count
        guard threads > 1, count > 1 else { return (0..<count).map { index in batch.withLine(index) { parse($0) } } }
        let slices = min(threads, count)
        let parsed = Slots<ParsedLine<CompiledRelease>>(count: count, initial: .problem(""))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            for index in stride(from: slice, to: count, by: slices) { parsed.set(index, batch.withLine(index) { parse($0) }) }
        }
        return parsed.values
    }

    /// Which processes' organizations a run remembers: memory grows with their number, so only when asked.
    public enum Tracking: Sendable {
        case none, only(Set<String>), all

        func includes(_ ocid: String) -> Bool {
            switch self {
            case .none: false
            case .only(let ocids): ocids.contains(ocid)
            case .all: true
            }
        }
    }

    /// For each tracked process that was read, the codes that flag it or any of its organizations.
    public func flags(in results: Results) -> [String: Set<String>] {
        Dictionary(uniqueKeysWithValues: parties.map { ($0.key, $0.value.flags(in: results, ocid: $0.key)) })
    }

    /// Codes of the indicators this run calculates, in order.
    public var codes: [String] { indicators.map { type(of: $0).code } }

    public mutating func finish() -> Results {
        for index in indicators.indices { indicators[index].finish(&results) }
        return results
    }
}

/// Values written by several threads, each to its own indexes. The buffer is allocated once, so writers never race
/// on the array's storage.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value>

    init(count: Int, initial: Value) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    /// The value at `index`, with the slot no longer sharing its storage, so that it can be changed without a copy.
    func take(_ index: Int, leaving placeholder: Value) -> Value {
        let value = storage[index]
        storage[index] = placeholder
        return value
    }

    var values: [Value] { Array(storage) }
}

/// One batch evaluated in the background: contiguous runs of lines, each parsed (unless already) and evaluated by
/// its own thread into its own copy of the run.
private final class BatchEvaluation: @unchecked Sendable {
    typealias Part = (run: IndicatorRun, problems: [IndicatorRun.LineProblem])
    private let done = DispatchSemaphore(value: 0)
    private var part: Part?

    init(_ batch: LineReader.Batch, parsed: [IndicatorRun.ParsedLine<CompiledRelease>]?, from start: Int, template: IndicatorRun, threads: Int) {
        DispatchQueue.global().async { [self] in
            let count = batch.lines.count - start
            let slices = max(1, min(threads, count))
            let slots = Slots<Part>(count: slices, initial: (template, []))
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                var part: Part = (template, [])
                for index in (start + count * slice / slices)..<(start + count * (slice + 1) / slices) {
                    let line = parsed?[index] ?? batch.withLine(index) { IndicatorRun.parse($0) }
                    if let found = part.run.evaluate(line, number: batch.lines[index].number) { part.problems.append(found) }
                }
                slots.set(slice, part)
            }
            Self.mergeInPairs(slots, count: slices, empty: (template, []))
            part = slots.take(0, leaving: (template, []))
            done.signal()
        }
    }

    /// Merges neighbouring parts two by two on all threads, then the pairs, until part 0 holds the whole batch in
    /// file order: the thread that merges batches into the run then merges one part per batch, not one per thread.
    private static func mergeInPairs(_ slots: Slots<Part>, count: Int, empty: Part) {
        var width = 1
        while width < count {
            let step = width
            let pairs = (count - step + 2 * step - 1) / (2 * step)
            DispatchQueue.concurrentPerform(iterations: pairs) { pair in
                let left = pair * 2 * step
                var merged = slots.take(left, leaving: empty)
                let right = slots.take(left + step, leaving: empty)
                merged.run.merge(right.run)
                merged.problems += right.problems
                slots.set(left, merged)
            }
            width *= 2
        }
    }

    /// The whole batch as one part, once done; the semaphore orders the write before this read.
    func wait() -> Part {
        done.wait()
        return part!
    }
}
