import ExchangeCore
import FastJSON

/// GLEIF's relationship records in the golden copy's CSV layout (RR-CDF): each row says that the start node (a
/// child entity) is consolidated by the end node (its parent), both known by LEI. Rows become BODS statements, so
/// that they go through the registry's one import: an entity statement for each LEI the registry does not hold, and
/// a relationship whose interest is the parent's control (and its share, when GLEIF gives a percentage).
public enum GLEIFRelationships {
    /// One row kept: a direct, active parent.
    public struct Parent: Sendable, Equatable {
        public let line: Int
        public let child: LegalEntityIdentifier
        public let parent: LegalEntityIdentifier
        public let startDate: String?
        public let endDate: String?
        /// The parent's share in percent, when the row gives one.
        public let percent: Double?
        /// `Registration.LastUpdateDate`'s day, or nil.
        public let updated: String?
    }

    public struct Reading: Sendable {
        public let parents: [Parent]
        /// Rows left out on purpose: inactive relationships, retired registrations, ultimate parents (the direct
        /// chain already reaches them), branches and fund relationships.
        public let skipped: Int
        public let problems: [BODSProblem]
    }

    public static let required = ["Relationship.StartNode.NodeID", "Relationship.EndNode.NodeID", "Relationship.RelationshipType",
                                  "Relationship.RelationshipStatus"]
    static let skippedTypes: Set<String> = ["IS_ULTIMATELY_CONSOLIDATED_BY", "IS_INTERNATIONAL_BRANCH_OF", "IS_FUND-MANAGED_BY",
                                            "IS_SUBFUND_OF", "IS_FEEDER_TO"]
    static let closedRegistrations: Set<String> = ["RETIRED", "ANNULLED", "DUPLICATE", "TRANSFERRED"]

    public static func read(_ text: String) -> Reading {
        let table: DelimitedText
        do { table = try DelimitedText.parse(text) } catch {
            let line = if case .unterminatedQuote(let line) = error { line } else { 0 }
            return Reading(parents: [], skipped: 0, problems: [BODSProblem(line: line, item: nil, pointer: "", rule: "invalid_csv", expected: "CSV")])
        }
        let columns = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            return Reading(parents: [], skipped: 0, problems: missing.map { BODSProblem(line: 1, item: nil, pointer: $0, rule: "missing_column", expected: $0) })
        }
        var parents: [Parent] = []
        var problems: [BODSProblem] = []
        var skipped = 0
        var pairs: Set<String> = []
        for record in table.records {
            let value = { (name: String) -> String? in
                columns[name].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let problem = { (column: String, rule: String, expected: String) in
                problems.append(BODSProblem(line: record.line, item: nil, pointer: column, rule: rule, expected: expected))
            }
            let type = value("Relationship.RelationshipType") ?? ""
            let status = value("Relationship.RelationshipStatus") ?? ""
            if skippedTypes.contains(type) || status == "INACTIVE" || closedRegistrations.contains(value("Registration.RegistrationStatus") ?? "") {
                skipped += 1
                continue
            }
            guard type == "IS_DIRECTLY_CONSOLIDATED_BY" else { problem("Relationship.RelationshipType", "enum", "IS_DIRECTLY_CONSOLIDATED_BY"); continue }
            guard status == "ACTIVE" else { problem("Relationship.RelationshipStatus", "enum", "ACTIVE, INACTIVE"); continue }
            var nodes: [LegalEntityIdentifier] = []
            for side in ["StartNode", "EndNode"] {
                if let kind = value("Relationship.\(side).NodeIDType"), kind != "LEI" { problem("Relationship.\(side).NodeIDType", "enum", "LEI") }
                if let lei = LegalEntityIdentifier(value("Relationship.\(side).NodeID") ?? "") { nodes.append(lei) } else {
                    problem("Relationship.\(side).NodeID", "lei_check_digits", "ISO 17442")
                }
            }
            let period = relationshipPeriod(value)
            let percent = quantifier(value)
            if case .failure(let failure) = percent { problem("Relationship.Quantifiers", "maximum", failure.reason) }
            guard nodes.count == 2, case .success(let share) = percent else { continue }
            // GLEIF lists a pair once; a file that repeats one keeps the first.
            guard pairs.insert(nodes[0].value + nodes[1].value).inserted else { skipped += 1; continue }
            parents.append(Parent(line: record.line, child: nodes[0], parent: nodes[1], startDate: period.start, endDate: period.end,
                                  percent: share, updated: value("Registration.LastUpdateDate").map { String($0.prefix(10)) }))
        }
        return Reading(parents: parents, skipped: skipped, problems: problems)
    }

    /// The period whose type is `RELATIONSHIP_PERIOD`, among GLEIF's numbered periods.
    private static func relationshipPeriod(_ value: (String) -> String?) -> (start: String?, end: String?) {
        for number in 1...5 where value("Relationship.Period.\(number).periodType") == "RELATIONSHIP_PERIOD" {
            return (value("Relationship.Period.\(number).startDate").map { String($0.prefix(10)) },
                    value("Relationship.Period.\(number).endDate").map { String($0.prefix(10)) })
        }
        return (nil, nil)
    }

    /// A percentage quantifier, 0–100.
    private static func quantifier(_ value: (String) -> String?) -> Result<Double?, QuantifierProblem> {
        for number in 1...5 where value("Relationship.Quantifiers.\(number).QuantifierUnits") == "PERCENTAGE" {
            guard let amount = value("Relationship.Quantifiers.\(number).QuantifierAmount").flatMap(Double.init), (0...100).contains(amount) else {
                return .failure(QuantifierProblem(reason: "100"))
            }
            return .success(amount)
        }
        return .success(nil)
    }

    struct QuantifierProblem: Error { let reason: String }

    /// BODS statements (JSON Lines) for the parents read. `heldRecord` gives the registry's record for an LEI it
    /// holds already; `heldRelationships` the statement ids held for each relationship record, so that a later
    /// record of the same pair is an update and the same record sent again is the same statement.
    public static func statements(_ parents: [Parent], heldRecord: (LegalEntityIdentifier) -> String?, heldRelationships: [String: Set<String>],
                                  today: String) -> String {
        var lines: [String] = []
        var made: [LegalEntityIdentifier: String] = [:]
        func record(_ lei: LegalEntityIdentifier, date: String) -> String {
            if let held = heldRecord(lei) ?? made[lei] { return held }
            let id = "gleif-entity-\(lei.value)"
            made[lei] = id
            lines.append(JSONWriter.string(.object([
                ("statementId", .string("\(id)-\(date)")), ("statementDate", .string(date)), ("recordId", .string(id)),
                ("recordType", .string("entity")), ("recordStatus", .string("new")), ("declarationSubject", .string(id)),
                ("source", .object([("type", .array([.string("officialRegister")])), ("description", .string("GLEIF Level 2 relationship record"))])),
                ("recordDetails", .object([
                    ("isComponent", .bool(false)), ("entityType", .object([("type", .string("registeredEntity"))])),
                    ("identifiers", .array([.object([("id", .string(lei.value)), ("scheme", .string(LegalEntityIdentifier.bodsScheme)),
                                                     ("schemeName", .string("Global Legal Entity Identifier Index"))])])),
                ])),
            ])))
            return id
        }
        for row in parents {
            let date = row.updated ?? today
            let child = record(row.child, date: date), parent = record(row.parent, date: date)
            let id = "gleif-rr-\(row.child.value)-\(row.parent.value)"
            let held = heldRelationships[id] ?? []
            let status = held.isEmpty || held.contains("\(id)-\(date)") && held.count == 1 ? "new" : "updated"
            var control: [(String, JSONValue)] = [("type", .string("otherInfluenceOrControl")), ("directOrIndirect", .string("direct")),
                                                 ("beneficialOwnershipOrControl", .bool(false)),
                                                 ("details", .string("Accounting consolidation (GLEIF IS_DIRECTLY_CONSOLIDATED_BY)"))]
            if let start = row.startDate { control.append(("startDate", .string(start))) }
            if let end = row.endDate { control.append(("endDate", .string(end))) }
            var interests: [JSONValue] = [.object(control)]
            if let percent = row.percent {
                interests.append(.object([("type", .string("shareholding")), ("directOrIndirect", .string("direct")),
                                          ("beneficialOwnershipOrControl", .bool(false)), ("share", .object([("exact", .number(percent))]))]))
            }
            lines.append(JSONWriter.string(.object([
                ("statementId", .string("\(id)-\(date)")), ("statementDate", .string(date)), ("recordId", .string(id)),
                ("recordType", .string("relationship")), ("recordStatus", .string(status)),
                ("declarationSubject", .string(child)),
                ("source", .object([("type", .array([.string("officialRegister")])), ("description", .string("GLEIF Level 2 relationship record"))])),
                ("recordDetails", .object([
                    ("isComponent", .bool(false)), ("subject", .string(child)), ("interestedParty", .string(parent)), ("interests", .array(interests)),
                ])),
            ])))
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
