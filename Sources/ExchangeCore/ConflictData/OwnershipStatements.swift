import Foundation

/// A company, a person or another entity in imported BODS data.
public struct OwnershipNode: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable { case entity, person }

    /// The statement id (BODS 0.2–0.3) or record id (0.4) that relationships point at.
    public let id: String
    public let kind: Kind
    public let name: String
    public let identifiers: [String]

    public init(id: String, kind: Kind, name: String, identifiers: [String]) {
        self.id = id
        self.kind = kind
        self.name = name
        self.identifiers = identifiers
    }

    public var key: PartyKey { PartyKey(identifiers: kind == .entity ? identifiers : [], name: kind == .entity ? name : "") }
}

/// An ownership-or-control relationship: the interested party owns or controls the subject.
public struct OwnershipLink: Sendable, Equatable {
    /// The statement id, which a conflict signal cites as evidence.
    public let id: String
    public let subject: String
    public let interestedParty: String

    public init(id: String, subject: String, interestedParty: String) {
        self.id = id
        self.subject = subject
        self.interestedParty = interestedParty
    }
}

/// Entities, people and ownership-or-control relationships from BODS statements: 0.2 and 0.3
/// (`statementType`, `describedBy…Statement`) and 0.4 (`recordType`, `recordDetails`), as one JSON array, a
/// JSON array per line, or one statement per line.
public enum BODSStatements {
    public struct Result: Sendable {
        public let statements: Int
        public let nodes: [OwnershipNode]
        public let links: [OwnershipLink]
        public let problems: [DataFileProblem]
    }

    public static func read(_ text: String) -> Result {
        let (values, readProblems) = DataFileReader.values(text)
        var problems = readProblems
        var nodes: [OwnershipNode] = []
        var links: [OwnershipLink] = []
        var statements = 0
        for value in values {
            let items = value.json as? [Any] ?? [value.json]
            for (index, item) in items.enumerated() {
                let position = value.json is [Any] ? index + 1 : nil
                guard let statement = item as? [String: Any] else {
                    problems.append(DataFileProblem(line: value.line, item: position, kind: .notAnObject))
                    continue
                }
                switch parse(statement) {
                case .node(let node): nodes.append(node)
                case .link(let link): links.append(link)
                case .unlinked: break
                case .problem(let kind):
                    problems.append(DataFileProblem(line: value.line, item: position, kind: kind))
                    continue
                }
                statements += 1
            }
        }
        if !values.isEmpty && statements == 0 && problems.isEmpty { problems.append(DataFileProblem(line: 0, kind: .empty)) }
        return Result(statements: statements, nodes: nodes, links: links, problems: problems)
    }

    private enum Parsed {
        case node(OwnershipNode)
        case link(OwnershipLink)
        /// A relationship to an unknown or unspecified party: valid, but it links nothing.
        case unlinked
        case problem(DataFileProblem.Kind)
    }

    private static func parse(_ statement: [String: Any]) -> Parsed {
        if let type = DataFileReader.string(statement["recordType"]) { return parseRecord(statement, type: type) }
        guard let type = DataFileReader.string(statement["statementType"]) else { return .problem(.missingField("statementType")) }
        guard let id = DataFileReader.string(statement["statementID"]) ?? DataFileReader.string(statement["statementId"]) else {
            return .problem(.missingField("statementID"))
        }
        switch type {
        case "entityStatement":
            return .node(OwnershipNode(id: id, kind: .entity, name: DataFileReader.string(statement["name"]) ?? "",
                                       identifiers: identifiers(statement["identifiers"])))
        case "personStatement":
            return .node(OwnershipNode(id: id, kind: .person, name: personName(statement["names"]), identifiers: []))
        case "ownershipOrControlStatement":
            let subject = (statement["subject"] as? [String: Any]).flatMap { DataFileReader.string($0["describedByEntityStatement"]) }
            guard let subject else { return .problem(.missingField("subject.describedByEntityStatement")) }
            let party = statement["interestedParty"] as? [String: Any]
            let interested = DataFileReader.string(party?["describedByEntityStatement"]) ?? DataFileReader.string(party?["describedByPersonStatement"])
            guard let interested else { return .unlinked }
            return .link(OwnershipLink(id: id, subject: subject, interestedParty: interested))
        default:
            return .problem(.unknownStatementType(type))
        }
    }

    /// BODS 0.4: relationships point at record ids, so nodes are known by theirs.
    private static func parseRecord(_ statement: [String: Any], type: String) -> Parsed {
        guard let statementID = DataFileReader.string(statement["statementId"]) else { return .problem(.missingField("statementId")) }
        guard let recordID = DataFileReader.string(statement["recordId"]) else { return .problem(.missingField("recordId")) }
        let details = statement["recordDetails"] as? [String: Any] ?? [:]
        switch type {
        case "entity":
            return .node(OwnershipNode(id: recordID, kind: .entity, name: DataFileReader.string(details["name"]) ?? "",
                                       identifiers: identifiers(details["identifiers"])))
        case "person":
            return .node(OwnershipNode(id: recordID, kind: .person, name: personName(details["names"]), identifiers: []))
        case "relationship":
            guard let subject = DataFileReader.string(details["subject"]) else { return .problem(.missingField("recordDetails.subject")) }
            guard let interested = DataFileReader.string(details["interestedParty"]) else { return .unlinked }
            return .link(OwnershipLink(id: statementID, subject: subject, interestedParty: interested))
        default:
            return .problem(.unknownStatementType(type))
        }
    }

    private static func identifiers(_ value: Any?) -> [String] {
        (value as? [Any] ?? []).compactMap { $0 as? [String: Any] }
            .map { PartyKey.identifier(scheme: DataFileReader.string($0["scheme"]), id: DataFileReader.string($0["id"])) }
            .filter { !$0.isEmpty }
    }

    private static func personName(_ value: Any?) -> String {
        guard let name = (value as? [Any])?.first as? [String: Any] else { return "" }
        if let full = DataFileReader.string(name["fullName"]) { return full }
        return [name["givenName"], name["familyName"]].compactMap(DataFileReader.string).joined(separator: " ")
    }
}
