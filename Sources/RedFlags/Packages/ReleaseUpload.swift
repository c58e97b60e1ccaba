/// An uploaded OCDS file turned, in one streaming pass, into what the indicators read: compiled releases, one JSON
/// object per line.
///
/// A file whose first document is a compiled release is read line by line and each good line is passed on as it
/// stands, so memory stays flat whatever the file's size. Packages must be merged by ocid, so a file that starts with
/// anything else (a release or record package, pretty-printed JSON) is read whole, up to `wholeDocumentLimit` bytes.
public struct ReleaseUpload {
    public struct Summary: Sendable {
        public var releases = 0
        public var forms: Set<CompiledReleaseSet.Form> = []
        public var mergedReleases = 0
        public var readAsLatin1 = false
        /// The first problems only; `problemCount` has them all.
        public var problems: [CompiledReleaseSet.Problem] = []
        public var problemCount = 0
        public var names = OrganizationNames()
    }

    /// The file starts as a package or one pretty-printed document and is larger than can be read whole.
    public struct DocumentTooLarge: Error, Equatable {
        public let limit: Int
    }

    private enum Mode { case lines, whole }

    private let keptProblems: Int
    private let wholeDocumentLimit: Int
    private var mode: Mode?
    private var held: [UInt8] = []
    private var heldLines = 0
    public private(set) var summary = Summary()

    public init(wholeDocumentLimit: Int, keptProblems: Int = 100) {
        self.wholeDocumentLimit = wholeDocumentLimit
        self.keptProblems = keptProblems
    }

    /// Reads every line of `reader`, handing `write` the compiled releases as JSON lines, batch by batch.
    public static func read(_ reader: inout LineReader, wholeDocumentLimit: Int, keptProblems: Int = 100,
                            write: ([UInt8]) throws -> Void) throws -> Summary {
        var upload = ReleaseUpload(wholeDocumentLimit: wholeDocumentLimit, keptProblems: keptProblems)
        try reader.forEachBatch { batch in
            var out: [UInt8] = []
            for index in batch.lines.indices {
                try batch.withLine(index) { try upload.read(line: $0, number: batch.lines[index].number, into: &out) }
            }
            if !out.isEmpty { try write(out) }
        }
        try write(upload.finish())
        return upload.summary
    }

    mutating func read(line: UnsafeBufferPointer<UInt8>, number: Int, into out: inout [UInt8]) throws {
        if mode == .whole { return try hold(line, number: number) }
        var bytes = Array(line)
        if String(validating: bytes, as: UTF8.self) == nil {
            bytes = Array(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })).utf8)
            summary.readAsLatin1 = true
        }
        let document: JSONValue
        do { document = try JSONParser.parse(bytes) } catch {
            if mode == nil { return try start(.whole, line, number: number) }
            return problem(.init(line: number, reason: .invalidJSON(error)))
        }
        guard Self.isCompiledRelease(document) else {
            if mode == nil { return try start(.whole, line, number: number) }
            return problem(.init(line: number, reason: .notAReleaseOrPackage))
        }
        mode = .lines
        summary.forms.insert(.compiledReleases)
        summary.releases += 1
        summary.names.add(document)
        out += bytes
        out.append(0x0A)
    }

    /// What a file read whole gives, once every line has been seen; nothing for a file read line by line.
    mutating func finish() -> [UInt8] {
        guard mode == .whole else { return [] }
        let set = CompiledReleaseSet(bytes: held)
        held = []
        summary.forms = set.forms
        summary.mergedReleases = set.mergedReleases
        summary.readAsLatin1 = set.readAsLatin1
        summary.releases = set.releases.count
        for release in set.releases { summary.names.add(release) }
        let inOrder = set.problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        for found in inOrder { problem(found.element) }
        return set.jsonLines
    }

    private static func isCompiledRelease(_ document: JSONValue) -> Bool {
        document["ocid"]?.string != nil && document["releases"] == nil && document["records"] == nil
    }

    private mutating func start(_ mode: Mode, _ line: UnsafeBufferPointer<UInt8>, number: Int) throws {
        self.mode = mode
        try hold(line, number: number)
    }

    /// Keeps a line of a file read whole, with the blank lines before it, so problems keep their line numbers.
    private mutating func hold(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws {
        guard held.count + line.count + (number - heldLines) <= wholeDocumentLimit else { throw DocumentTooLarge(limit: wholeDocumentLimit) }
        while heldLines < number - 1 {
            held.append(0x0A)
            heldLines += 1
        }
        held += line
        held.append(0x0A)
        heldLines = number
    }

    private mutating func problem(_ found: CompiledReleaseSet.Problem) {
        summary.problemCount += 1
        if summary.problems.count < keptProblems { summary.problems.append(found) }
    }
}
