import Foundation

/// Settings in cardinal's INI format: global keys before the first section, then one section per indicator (an
/// indicator runs only if its section exists) and `[exclusions]`. Lines starting with `;` or `#` are comments.
public struct Settings: Sendable, Equatable {
    public var global: [String: String] = [:]
    public var sections: [String: [String: String]] = [:]

    public init() {}

    public static func parse(_ text: String) throws(Problem) -> Settings {
        var settings = Settings()
        var section: String?
        // Browsers send a textarea's lines with CRLF, as do files saved on Windows; "\r\n" is one Character.
        for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw Problem(line: number + 1, reason: .sectionNotBracketed) }
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                section = name
                settings.sections[name, default: [:]] = settings.sections[name] ?? [:]
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { throw Problem(line: number + 1, reason: .expectedKeyValue) }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            // A value may carry a comment, as cardinal's documented examples do: `threshold = 15 # default`.
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            for marker in [" #", " ;"] where value.contains(marker) {
                value = String(value[..<value.range(of: marker)!.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
            guard !key.isEmpty else { throw Problem(line: number + 1, reason: .missingKey) }
            if let section { settings.sections[section, default: [:]][key] = value } else { settings.global[key] = value }
        }
        try SettingsSchema.validate(settings)
        return settings
    }

    public func enabled(_ code: String) -> Bool { sections[code] != nil }

    /// A section's value; the schema has already checked its kind.
    func integer(_ key: String, in section: String) -> Int? { sections[section]?[key].flatMap { Int($0) } }
    func decimal(_ key: String, in section: String) -> Double? { sections[section]?[key].flatMap(Double.init) }

    /// A pipe-separated list, e.g. `open|selective`.
    public func list(_ key: String, in section: String? = nil) -> [String]? {
        let value = section.map { sections[$0]?[key] } ?? global[key]
        return value.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: CharacterSet) -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
