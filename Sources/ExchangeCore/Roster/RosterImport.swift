/// The columns an expert roster can provide.
public enum RosterField: String, CaseIterable, Codable, Sendable {
    case name, email, organisation, country, areas
}

/// Which column (0-based) holds which field; name and country are required.
public struct RosterMapping: Sendable, Equatable {
    public var columns: [RosterField: Int]

    public init(columns: [RosterField: Int]) {
        self.columns = columns
    }

    /// A first guess from the header, for the person to confirm or change in the mapping step.
    public static func suggested(for header: [String]) -> RosterMapping {
        let hints: [RosterField: [String]] = [
            .name: ["name", "full name", "nom", "nombre", "expert"],
            .email: ["email", "e-mail", "mail", "courriel", "correo"],
            .organisation: ["organisation", "organization", "employer", "company", "entreprise", "empresa", "organisme", "organismo"],
            .country: ["country", "pays", "país", "pais", "country of residence", "residence"],
            .areas: ["areas", "area", "expertise", "skills", "domaines", "áreas", "areas of expertise"],
        ]
        var columns: [RosterField: Int] = [:]
        for (index, title) in header.enumerated() {
            let key = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingWhitespace()
            for field in RosterField.allCases where columns[field] == nil {
                if hints[field]!.contains(where: { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) == key }) {
                    columns[field] = index
                }
            }
        }
        return RosterMapping(columns: columns)
    }
}

/// One person the import would create, possibly merged from several lines.
public struct PlannedExpert: Sendable, Equatable {
    public var name: String
    public var email: EmailAddress?
    public var organisation: String
    public var country: CountryCode
    public var areas: [String]
    public var lines: [Int]
}

public struct RosterProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case missingColumn(RosterField)
        case wrongFieldCount(expected: Int, found: Int)
        case missingName
        case notACountry(String)
        case ambiguousCountry(String, [String])
        case invalidEmail(String)
        case conflictingDuplicate(firstLine: Int, field: RosterField)
        /// The same name and organisation is already in the programme.
        case alreadyInProgramme
        /// Not an error: reported so a person can check it.
        case countryCorrected(String, to: String)
    }

    public let line: Int
    public let kind: Kind

    /// Rows with a blocking problem are not imported unless the person chooses to skip them.
    public var isBlocking: Bool {
        if case .countryCorrected = kind { return false }
        return true
    }

    public var description: String {
        let text: String = switch kind {
        case .missingColumn(let field): "no column is mapped to \(field.rawValue)"
        case .wrongFieldCount(let expected, let found): "expected \(expected) fields, found \(found)"
        case .missingName: "the name is empty"
        case .notACountry(let value): "\"\(value)\" is not a country (give the country, not a city or region)"
        case .ambiguousCountry(let value, let codes): "\"\(value)\" could be \(codes.joined(separator: " or ")); choose one"
        case .invalidEmail(let value): "\"\(value)\" is not an e-mail address"
        case .conflictingDuplicate(let first, let field): "same person as line \(first) but a different \(field.rawValue)"
        case .alreadyInProgramme: "this person (same name and organisation) is already in the programme"
        case .countryCorrected(let value, let code): "\"\(value)\" read as \(code)"
        }
        return "line \(line): \(text)"
    }
}

/// What an import would do, computed before anything is written.
public struct RosterPlan: Sendable, Equatable {
    public let experts: [PlannedExpert]
    public let problems: [RosterProblem]
    /// Lines with a blocking problem; their people are not in `experts`.
    public let flaggedLines: Set<Int>

    public var blockingProblems: [RosterProblem] { problems.filter(\.isBlocking) }

    /// The import may write only when nothing blocks it, or when the person chose to skip flagged rows.
    public func canImport(skippingFlagged: Bool) -> Bool {
        blockingProblems.isEmpty || (skippingFlagged && !problems.contains { if case .missingColumn = $0.kind { true } else { false } })
    }

    /// Lines merged into another line's person.
    public var mergedLines: Int { experts.reduce(0) { $0 + $1.lines.count - 1 } }

    /// Each person found on several lines, with those lines, in file order.
    public var merges: [RosterMerge] {
        experts.filter { $0.lines.count > 1 }.map { RosterMerge(lines: $0.lines, name: $0.name) }
    }
}

/// Lines of a roster that name one person (same name and organisation, no conflicting detail): imported once.
public struct RosterMerge: Sendable, Equatable {
    public let lines: [Int]
    public let name: String

    public init(lines: [Int], name: String) {
        self.lines = lines
        self.name = name
    }
}

public enum RosterImport {
    /// `existing` holds the identities (see `identity(name:organisation:)`) of people already in the programme.
    public static func plan(_ table: DelimitedText, mapping: RosterMapping, existing: Set<String> = [],
                            countries: CountryNormalizer = .shared) -> RosterPlan {
        var problems: [RosterProblem] = []
        for field in [RosterField.name, .country] where mapping.columns[field] == nil {
            problems.append(.init(line: 1, kind: .missingColumn(field)))
        }
        guard problems.isEmpty else { return RosterPlan(experts: [], problems: problems, flaggedLines: []) }

        var experts: [PlannedExpert] = []
        var index: [String: Int] = [:]
        var flagged: Set<Int> = []
        for record in table.records {
            guard record.fields.count == table.header.count else {
                problems.append(.init(line: record.line, kind: .wrongFieldCount(expected: table.header.count, found: record.fields.count)))
                flagged.insert(record.line)
                continue
            }
            func value(_ field: RosterField) -> String { mapping.columns[field].map { record.fields[$0] } ?? "" }
            var rowProblems: [RosterProblem.Kind] = []
            let name = value(.name)
            if name.isEmpty { rowProblems.append(.missingName) }
            let rawCountry = value(.country)
            var country: CountryCode?
            switch countries.match(rawCountry) {
            case .exact(let code): country = code
            case .corrected(let code, _):
                country = code
                problems.append(.init(line: record.line, kind: .countryCorrected(rawCountry, to: code.value)))
            case .ambiguous(let codes): rowProblems.append(.ambiguousCountry(rawCountry, codes.map(\.value)))
            case .notACountry: rowProblems.append(.notACountry(rawCountry))
            }
            let rawEmail = value(.email)
            let email = rawEmail.isEmpty ? nil : EmailAddress(rawEmail)
            if !rawEmail.isEmpty && email == nil { rowProblems.append(.invalidEmail(rawEmail)) }
            let areas = value(.areas).split(whereSeparator: { $0 == ";" || $0 == "|" }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            let organisation = value(.organisation)

            let key = identity(name: name, organisation: organisation)
            if !name.isEmpty && existing.contains(key) { rowProblems.append(.alreadyInProgramme) }
            if rowProblems.isEmpty, let country, let existing = index[key] {
                if experts[existing].country != country {
                    rowProblems.append(.conflictingDuplicate(firstLine: experts[existing].lines[0], field: .country))
                } else if let email, let known = experts[existing].email, known != email {
                    rowProblems.append(.conflictingDuplicate(firstLine: experts[existing].lines[0], field: .email))
                } else {
                    experts[existing].email = experts[existing].email ?? email
                    for area in areas where !experts[existing].areas.contains(area) { experts[existing].areas.append(area) }
                    experts[existing].lines.append(record.line)
                    continue
                }
            }
            guard rowProblems.isEmpty, let country else {
                problems += rowProblems.map { RosterProblem(line: record.line, kind: $0) }
                flagged.insert(record.line)
                continue
            }
            index[key] = experts.count
            experts.append(PlannedExpert(name: name, email: email, organisation: organisation, country: country, areas: areas, lines: [record.line]))
        }
        problems.sort { $0.line < $1.line }
        return RosterPlan(experts: experts, problems: problems, flaggedLines: flagged)
    }

    /// The same person is the same name at the same organisation, whatever the case, accents or spacing.
    public static func identity(name: String, organisation: String) -> String {
        func fold(_ s: String) -> String {
            s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return fold(name) + "\u{1F}" + fold(organisation)
    }
}
