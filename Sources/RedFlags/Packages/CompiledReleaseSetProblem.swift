extension CompiledReleaseSet {
    /// A part of an uploaded file that could not be read, by line. `description` is the English the command line
    /// prints; `code` and `arguments` let the platform say it in the reader's language.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            case invalidJSON(JSONSyntaxError)
            case notAReleaseOrPackage
            case recordWithoutOCID(record: Int)
            case recordOnlyLinked(record: Int)
            case withoutOCID(Part)
            case withoutDate(Part, ocid: String)
        }

        /// A release to be merged: in a release package, or embedded in a record.
        public enum Part: Sendable, Equatable {
            case release(Int)
            case recordRelease(record: Int, release: Int)
        }

        public let line: Int
        public let reason: Reason

        public var description: String { "line \(line): \(detail)" }

        /// For `invalidJSON`, the second argument is the syntax error's own code (`JSONSyntaxError.Reason`).
        public var code: String {
            switch reason {
            case .invalidJSON: "invalidJSON"
            case .notAReleaseOrPackage: "notAReleaseOrPackage"
            case .recordWithoutOCID: "recordWithoutOCID"
            case .recordOnlyLinked: "recordOnlyLinked"
            case .withoutOCID(.release): "releaseWithoutOCID"
            case .withoutOCID(.recordRelease): "recordReleaseWithoutOCID"
            case .withoutDate(.release, _): "releaseWithoutDate"
            case .withoutDate(.recordRelease, _): "recordReleaseWithoutDate"
            }
        }

        public var arguments: [String] {
            switch reason {
            case .invalidJSON(let error): [String(error.offset + 1), error.reason.code]
            case .notAReleaseOrPackage: []
            case .recordWithoutOCID(let record), .recordOnlyLinked(let record): [String(record)]
            case .withoutOCID(let part): part.numbers
            case .withoutDate(let part, let ocid): part.numbers + [ocid]
            }
        }

        /// What is wrong, in English, without the line.
        public var detail: String {
            switch reason {
            case .invalidJSON(let error): error.lineReason
            case .notAReleaseOrPackage: "neither a release (no ocid), a release package nor a record package"
            case .recordWithoutOCID(let record): "record \(record): the compiled release has no ocid"
            case .recordOnlyLinked(let record): "record \(record): no compiled release, and its releases are only linked"
            case .withoutOCID(let part): "\(part): no ocid"
            case .withoutDate(let part, let ocid): "\(part) (\(ocid)): no date, so it cannot be put in order to merge"
            }
        }
    }
}

extension CompiledReleaseSet.Problem.Part: CustomStringConvertible {
    public var description: String {
        switch self {
        case .release(let number): "release \(number)"
        case .recordRelease(let record, let release): "record \(record) release \(release)"
        }
    }

    var numbers: [String] {
        switch self {
        case .release(let number): [String(number)]
        case .recordRelease(let record, let release): [String(record), String(release)]
        }
    }
}
