import ExchangeCore
import FastJSON

/// BODS 0.4's normative rules that a JSON Schema cannot state: dates that cannot be, shares that contradict
/// themselves, references to records that are missing or of the wrong kind, and record series out of order. Each
/// rule is named as libcovebods names the same check, so that verdicts can be compared.
public enum BODSNormativeRules {
    /// What the rules need beyond the file: today's date (`yyyy-MM-dd`), and the records already held elsewhere (a
    /// registry), by record id, with their statements' dates and statuses.
    public struct Context: Sendable {
        public struct Held: Sendable {
            public let recordType: BODSStatement.RecordType
            /// `type/subtype`, as `entityType(_:)` gives it.
            public let entityType: String?
            public let series: [(statementID: String, date: String, status: BODSStatement.RecordStatus?)]

            public init(recordType: BODSStatement.RecordType, entityType: String?,
                        series: [(statementID: String, date: String, status: BODSStatement.RecordStatus?)]) {
                (self.recordType, self.entityType, self.series) = (recordType, entityType, series)
            }
        }

        public let today: String
        public let held: [String: Held]

        public init(today: String, held: [String: Held] = [:]) {
            (self.today, self.held) = (today, held)
        }
    }

    /// Each broken rule, with the index in `items` of the statement it belongs to. `items` is every statement of
    /// the file in order; the rules run on those that passed the schema (`passing`, by index), but every item names
    /// a record, so that one bad statement does not make its relationships look broken too.
    public static func problems(_ items: [JSONValue], passing: [Int: BODSStatement], context: Context) -> [(index: Int, violation: SchemaViolation)] {
        var found: [(Int, SchemaViolation)] = []
        var records: [String: (type: BODSStatement.RecordType, entityType: String?)] = context.held.mapValues { ($0.recordType, $0.entityType) }
        var firstNamed: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let record = item["recordId"]?.string, let type = item["recordType"]?.string.flatMap(BODSStatement.RecordType.init(rawValue:)) else { continue }
            records[record] = (type, passing[index].flatMap(Self.entityType))
            if firstNamed[record] == nil { firstNamed[record] = index }
        }
        // A component is published before the primary record that lists it: who lists it must come later.
        var listedLater: [Set<String>] = Array(repeating: [], count: items.count + 1)
        for index in items.indices.reversed() {
            listedLater[index] = listedLater[index + 1].union(items[index]["recordDetails", "componentRecords"]?.array?.compactMap(\.string) ?? [])
        }
        let held = Set(context.held.keys)
        for (index, statement) in passing.sorted(by: { $0.key < $1.key }) {
            let seen = { (record: String) in held.contains(record) || (firstNamed[record].map { $0 < index } ?? false) }
            let add = { (pointer: String, rule: String, expected: String) in
                found.append((index, SchemaViolation(pointer: pointer, keyword: rule, expected: expected)))
            }
            dates(statement, today: context.today, add)
            if statement.json["recordDetails", "isComponent"] == .bool(true), !listedLater[index + 1].contains(statement.recordID) {
                add("/recordDetails/isComponent", "statement_\(statement.recordType.rawValue)_is_component_not_in_component_details", statement.recordID)
            }
            switch records[statement.declarationSubject]?.type {
            case nil: add("/declarationSubject", "statement_declaration_subject_not_exist", statement.declarationSubject)
            case .relationship: add("/declarationSubject", "statement_declaration_subject_not_entity_person", statement.declarationSubject)
            default: break
            }
            if case .entity = statement.details { entity(statement.json["recordDetails"] ?? .null, add) }
            if case .person = statement.details { person(statement.json["recordDetails"] ?? .null, today: context.today, add) }
            if case .relationship(let details) = statement.details {
                relationship(statement, details, records: records, seen: seen, add)
            }
        }
        found += series(passing, context: context)
        return found
    }

    private typealias Add = (String, String, String) -> Void

    private static func dates(_ statement: BODSStatement, today: String, _ add: Add) {
        let json = statement.json
        if day(statement.statementDate) > today { add("/statementDate", "statement_date_is_future_date", statement.statementDate) }
        if let published = json["publicationDetails", "publicationDate"]?.string, day(published) > today {
            add("/publicationDetails/publicationDate", "statement_publication_date_is_future_date", published)
        }
        if let retrieved = json["source", "retrievedAt"]?.string, day(retrieved) > today {
            add("/source/retrievedAt", "statement_source_retrieved_at_future_date", retrieved)
        }
        for (index, annotation) in (json["annotations"]?.array ?? []).enumerated() {
            if let created = annotation["creationDate"]?.string, day(created) > today {
                add("/annotations/\(index)/creationDate", "statement_annotation_creation_date_is_future_date", created)
            }
        }
    }

    private static func entity(_ details: JSONValue, _ add: Add) {
        if let founded = details["foundingDate"]?.string, let dissolved = details["dissolutionDate"]?.string, day(dissolved) < day(founded) {
            add("/recordDetails/dissolutionDate", "statement_entity_dissolution_before_founding_date", founded)
        }
        if details["publicListing", "hasPublicListing"] == .bool(false),
           !(details["publicListing", "companyFilingsURLs"]?.array ?? []).isEmpty || !(details["publicListing", "securitiesListings"]?.array ?? []).isEmpty {
            add("/recordDetails/publicListing", "has_public_listing_information_but_has_public_listing_is_false", "hasPublicListing")
        }
    }

    private static func person(_ details: JSONValue, today: String, _ add: Add) {
        let birth = details["birthDate"]?.string.map(day)
        if let birth {
            if birth > today { add("/recordDetails/birthDate", "statement_person_birth_date_in_future", birth) }
            else if birth < "1800-01-01" { add("/recordDetails/birthDate", "statement_person_birth_date_too_far_in_past", birth) }
        }
        if let death = details["deathDate"]?.string.map(day) {
            let lifetime = birth.flatMap { born in CalendarDay(death).flatMap { end in CalendarDay(born).map { end.number - $0.number } } }
            if death > today || death < "1800-01-01" || (birth.map { death < $0 } ?? false) || (lifetime ?? 0) > 43_830 {
                add("/recordDetails/deathDate", "statement_person_death_date_not_sensible_value", death)
            }
        }
        for (index, identifier) in (details["identifiers"]?.array ?? []).enumerated() {
            let scheme = identifier["scheme"]?.string ?? ""
            let parts = scheme.split(separator: "-", omittingEmptySubsequences: false)
            let pointer = "/recordDetails/identifiers/\(index)/scheme"
            if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty { add(pointer, "person_identifiers_invalid_composition", scheme) }
            else if !IdentifierCountry.isKnown(String(parts[0])) { add(pointer, "person_identifiers_no_valid_iso_3166_1_alpha_3_code", scheme) }
            else if !["PASSPORT", "TAXID", "IDCARD"].contains(String(parts[1])) {
                add(pointer, "person_identifiers_not_passport_taxid_idcard", scheme)
            }
        }
    }

    private static func relationship(_ statement: BODSStatement, _ details: RelationshipDetails,
                                     records: [String: (type: BODSStatement.RecordType, entityType: String?)], seen: (String) -> Bool, _ add: Add) {
        if case .record(let subject) = details.subject {
            switch records[subject]?.type {
            case nil: add("/recordDetails/subject", "subject_must_be_record_id", subject)
            case .entity?: if !seen(subject) { add("/recordDetails/subject", "relationship_subject_not_before_relationship_in_dataset", subject) }
            default: add("/recordDetails/subject", "subject_can_only_refer_to_entity", subject)
            }
        }
        var partyType: BODSStatement.RecordType?
        if case .record(let party) = details.interestedParty {
            partyType = records[party]?.type
            switch partyType {
            case nil: add("/recordDetails/interestedParty", "interested_party_must_be_record_id", party)
            case .relationship?: add("/recordDetails/interestedParty", "interested_party_can_only_refer_to_entity_or_person", party)
            default:
                if !seen(party) {
                    add("/recordDetails/interestedParty", "relationship_interested_party_not_before_relationship_in_dataset", party)
                }
            }
        }
        let subjectType: String? = if case .record(let subject) = details.subject { records[subject]?.entityType } else { nil }
        for (index, interest) in (statement.json["recordDetails", "interests"]?.array ?? []).enumerated() {
            let pointer = "/recordDetails/interests/\(index)"
            if interest["beneficialOwnershipOrControl"] == .bool(true), let partyType, partyType != .person {
                add(pointer + "/beneficialOwnershipOrControl", "interest_beneficial_ownership_interested_party_not_person", partyType.rawValue)
            }
            if let start = interest["startDate"]?.string, let end = interest["endDate"]?.string, day(start) > day(end) {
                add(pointer + "/startDate", "statement_relationship_interests_start_after_end_date", end)
            }
            let type = interest["type"]?.string ?? ""
            if ["settlor", "trustee", "protector"].contains(type), subjectType?.hasSuffix("/trust") != true {
                add(pointer + "/type", "relationship_interests_subject_should_be_entity_trust", type)
            }
            if ["nominee", "nominator"].contains(type), subjectType?.hasSuffix("/nomination") != true {
                add(pointer + "/type", "relationship_interests_subject_should_be_entity_nomination_arrangement", type)
            }
            if let share = interest["share"] { shareRules(share, pointer: pointer + "/share", add) }
        }
    }

    private static func shareRules(_ share: JSONValue, pointer: String, _ add: Add) {
        let has = { (name: String) in share[name] != nil }
        if has("exclusiveMinimum") && has("minimum") { return add(pointer, "statement_relationship_interests_share_min_and_exclusivemin", "minimum") }
        if has("maximum") && has("exclusiveMaximum") { return add(pointer, "statement_relationship_interests_share_max_and_exclusivemax", "maximum") }
        if let exact = share["exact"]?.number, exact != 0, ["exclusiveMinimum", "minimum", "maximum", "exclusiveMaximum"].contains(where: has) {
            return add(pointer, "statement_relationship_interests_exact_has_min_max", "exact")
        }
        let low = (share["minimum"] ?? share["exclusiveMinimum"])?.number
        let high = (share["maximum"] ?? share["exclusiveMaximum"])?.number
        guard let low, let high, low != 0, high != 0 else { return }
        if high < low { add(pointer, "statement_relationship_interests_not_exact_max_greater_than_min", "maximum") }
        else if high == low { add(pointer, "statement_relationship_interests_exact_max_equals_min", "exact") }
    }

    /// A record's statements, the held ones and the file's, ordered by statement date: `new` only first and once,
    /// `closed` only last and once, and one record type throughout.
    /// A statement held already and sent again is counted once.
    private static func series(_ passing: [Int: BODSStatement], context: Context) -> [(Int, SchemaViolation)] {
        var byRecord: [String: [(date: String, status: BODSStatement.RecordStatus?, type: BODSStatement.RecordType, index: Int?)]] = [:]
        let resent = Set(passing.values.map(\.statementID))
        for (record, held) in context.held {
            byRecord[record] = held.series.filter { !resent.contains($0.statementID) }.map { ($0.date, $0.status, held.recordType, nil) }
        }
        for (index, statement) in passing.sorted(by: { $0.key < $1.key }) {
            byRecord[statement.recordID, default: []].append((statement.statementDate, statement.recordStatus, statement.recordType, index))
        }
        var found: [(Int, SchemaViolation)] = []
        for (record, entries) in byRecord.sorted(by: { $0.key < $1.key }) where entries.contains(where: { $0.index != nil }) {
            let ordered = entries.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            let statuses = ordered.map(\.status)
            let rule: String? = if statuses.filter({ $0 == .new }).count > 1 { "multiple_statements_in_series_with_record_status_new" }
                else if statuses.contains(.new) && statuses.first != .new { "statement_with_record_status_new_must_be_first" }
                else if statuses.filter({ $0 == .closed }).count > 1 { "multiple_statements_in_series_with_record_status_closed" }
                else if statuses.contains(.closed) && statuses.last != .closed { "statement_with_record_status_closed_must_be_last" }
                else if Set(ordered.map(\.type)).count > 1 { "statements_in_series_with_different_record_types" }
                else { nil }
            if let rule, let index = ordered.last(where: { $0.index != nil })?.index {
                found.append((index, SchemaViolation(pointer: "/recordStatus", keyword: rule, expected: record)))
            }
        }
        return found
    }

    /// An entity's type and subtype as `type/subtype` (`arrangement/trust`); nil for people and relationships.
    public static func entityType(_ statement: BODSStatement) -> String? {
        guard statement.recordType == .entity, let type = statement.json["recordDetails", "entityType", "type"]?.string else { return nil }
        return type + "/" + (statement.json["recordDetails", "entityType", "subtype"]?.string ?? "")
    }

    /// The date part of a date or date-time, with a year or a month alone read as its first day.
    static func day(_ text: String) -> String {
        let date = String(text.prefix(10))
        switch date.count {
        case 4: return date + "-01-01"
        case 7: return date + "-01"
        default: return date
        }
    }
}

/// A full date as a day number, for lifetimes.
struct CalendarDay {
    let number: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        number = CalendarDate.dayNumber(year: parts[0], month: parts[1], day: parts[2])
    }
}
