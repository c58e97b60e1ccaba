extension Settings {
    /// Where a settings file is wrong: a line that does not parse, or the path of a setting (`R038.threshold`).
    /// `description` is the English the command line prints; `code` and `arguments` let the platform say it in the
    /// reader's language.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            case sectionNotBracketed, expectedKeyValue, missingKey
            case unknownSection, unknownSetting
            case wrongKind(SettingKind, got: String)
        }

        public let line: Int?
        public let path: String?
        public let reason: Reason

        init(line: Int, reason: Reason) {
            self.line = line
            path = nil
            self.reason = reason
        }

        init(path: String, reason: Reason) {
            line = nil
            self.path = path
            self.reason = reason
        }

        public var description: String { "\(line.map { "line \($0)" } ?? path ?? ""): \(english)" }

        public var code: String {
            switch reason {
            case .sectionNotBracketed: "sectionNotBracketed"
            case .expectedKeyValue: "expectedKeyValue"
            case .missingKey: "missingKey"
            case .unknownSection: "unknownSection"
            case .unknownSetting: "unknownSetting"
            case .wrongKind(let kind, _): "wrongKind.\(kind)"
            }
        }

        public var arguments: [String] {
            if case .wrongKind(_, let got) = reason { return [got] }
            return []
        }

        private var english: String {
            switch reason {
            case .sectionNotBracketed: "a section name must be in [brackets]"
            case .expectedKeyValue: "expected key = value"
            case .missingKey: "a key is missing before ="
            case .unknownSection: "unknown section"
            case .unknownSetting: "unknown setting"
            case .wrongKind(let kind, let got): "expected \(kind.expected), got \"\(got)\""
            }
        }
    }
}
