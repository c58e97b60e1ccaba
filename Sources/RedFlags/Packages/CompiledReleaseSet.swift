/// The compiled releases in an uploaded OCDS file, whatever its form: compiled releases one per line, record
/// packages (their `compiledRelease`, or their embedded releases merged), or release packages, whose releases are
/// merged by ocid. A file may be one JSON document (pretty-printed or not) or one document per line.
public struct CompiledReleaseSet: Sendable {

    public enum Form: String, Sendable, CaseIterable {
        case compiledReleases = "compiled releases"
        case releasePackage = "release package"
        case recordPackage = "record package"
    }

    public private(set) var releases: [JSONValue] = []
    public private(set) var problems: [Problem] = []
    public private(set) var forms: Set<Form> = []
    /// Individual releases merged into compiled ones.
    public private(set) var mergedReleases = 0
    /// The file was not UTF-8 and was read as ISO-8859-1, as older publishers' exports often are.
    public private(set) var readAsLatin1 = false

    /// Releases waiting to be merged, by ocid in the order first seen.
    private var pending: [String: [JSONValue]] = [:]
    private var pendingOrder: [String] = []

    public init(bytes: [UInt8], rules: MergeRules = .ocds114) {
        var text = bytes
        if String(validating: bytes, as: UTF8.self) == nil {
            text = Array(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })).utf8)
            readAsLatin1 = true
        }
        for (line, document) in documents(text) { read(document, line: line) }
        for ocid in pendingOrder {
            releases.append(ReleaseMerge.compile(pending[ocid]!, rules: rules))
            mergedReleases += pending[ocid]!.count
        }
        pending = [:]
    }

    /// The compiled releases as line-delimited JSON, which the indicators read.
    public var jsonLines: [UInt8] {
        var out: [UInt8] = []
        for release in releases {
            out += JSONWriter.string(release).utf8
            out.append(0x0A)
        }
        return out
    }

    /// The whole file as one document if it parses as one; otherwise one document per non-blank line.
    private mutating func documents(_ bytes: [UInt8]) -> [(Int, JSONValue)] {
        if let whole = try? JSONParser.parse(bytes) { return [(1, whole)] }
        var found: [(Int, JSONValue)] = []
        var number = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do { found.append((number, try JSONParser.parse(line))) } catch {
                problems.append(Problem(line: number, reason: .invalidJSON(error)))
            }
        }
        return found
    }

    private mutating func read(_ document: JSONValue, line: Int) {
        if let records = document["records"]?.array {
            forms.insert(.recordPackage)
            for (index, record) in records.enumerated() { readRecord(record, number: index + 1, line: line) }
        } else if let packaged = document["releases"]?.array {
            forms.insert(.releasePackage)
            for (index, release) in packaged.enumerated() { queue(release, part: .release(index + 1), line: line) }
        } else if case .array(let items) = document {
            for item in items { read(item, line: line) }
        } else if document["ocid"]?.string != nil {
            forms.insert(.compiledReleases)
            releases.append(document)
        } else {
            problems.append(Problem(line: line, reason: .notAReleaseOrPackage))
        }
    }

    private mutating func readRecord(_ record: JSONValue, number: Int, line: Int) {
        if let compiled = record["compiledRelease"], compiled.isObject {
            guard compiled["ocid"]?.string != nil else {
                problems.append(Problem(line: line, reason: .recordWithoutOCID(record: number)))
                return
            }
            releases.append(compiled)
            return
        }
        let embedded = record["releases"]?.array?.filter { $0["ocid"] != nil } ?? []
        guard !embedded.isEmpty else {
            problems.append(Problem(line: line, reason: .recordOnlyLinked(record: number)))
            return
        }
        for (index, release) in embedded.enumerated() { queue(release, part: .recordRelease(record: number, release: index + 1), line: line) }
    }

    private mutating func queue(_ release: JSONValue, part: Problem.Part, line: Int) {
        guard let ocid = release["ocid"]?.string else {
            problems.append(Problem(line: line, reason: .withoutOCID(part)))
            return
        }
        guard release["date"]?.string != nil else {
            problems.append(Problem(line: line, reason: .withoutDate(part, ocid: ocid)))
            return
        }
        if pending[ocid] == nil { pendingOrder.append(ocid) }
        pending[ocid, default: []].append(release)
    }
}
