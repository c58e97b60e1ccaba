import Foundation

/// One organisation's role in one contracting process, as imported OCDS data states it.
public struct ProcurementParty: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable, Codable {
        case buyer
        case procuringEntity = "procuring_entity"
        case tenderer
        case supplier

        /// The roles that put a body on the buying side.
        public static let buying: Set<Role> = [.buyer, .procuringEntity]
        /// The roles that put a company on the selling side.
        public static let selling: Set<Role> = [.tenderer, .supplier]

        init?(ocds: String) {
            switch ocds {
            case "buyer": self = .buyer
            case "procuringEntity": self = .procuringEntity
            case "tenderer": self = .tenderer
            case "supplier": self = .supplier
            default: return nil
            }
        }
    }

    public let ocid: String
    public let role: Role
    public let name: String
    /// `SCHEME-ID`, upper case.
    public let identifiers: [String]

    public init(ocid: String, role: Role, name: String, identifiers: [String]) {
        self.ocid = ocid
        self.role = role
        self.name = name
        self.identifiers = identifiers
    }

    public var key: PartyKey { PartyKey(identifiers: identifiers, name: name) }
}

/// The buyers, procuring entities, tenderers and suppliers in an OCDS file: compiled releases one per line (the
/// preferred form), or release and record packages, which yield their releases and compiled releases.
public enum OCDSParties {
    public struct Result: Sendable {
        public let processes: Int
        public let parties: [ProcurementParty]
        public let problems: [DataFileProblem]
    }

    public static func read(_ text: String) -> Result {
        let (values, readProblems) = DataFileReader.values(text)
        var problems = readProblems
        var parties: [ProcurementParty] = []
        var processes = 0
        for value in values {
            let releases = self.releases(in: value.json)
            for (index, release) in releases.enumerated() {
                let item = isPackage(value.json) || value.json is [Any] ? index + 1 : nil
                guard let release = release as? [String: Any] else {
                    problems.append(DataFileProblem(line: value.line, item: item, kind: .notAnObject))
                    continue
                }
                guard let ocid = DataFileReader.string(release["ocid"]) else {
                    problems.append(DataFileProblem(line: value.line, item: item, kind: .missingField("ocid")))
                    continue
                }
                processes += 1
                parties += self.parties(of: release, ocid: ocid)
            }
        }
        if values.count > 0 && processes == 0 && problems.isEmpty { problems.append(DataFileProblem(line: 0, kind: .empty)) }
        return Result(processes: processes, parties: parties, problems: problems)
    }

    private static func isPackage(_ json: Any) -> Bool {
        guard let object = json as? [String: Any] else { return false }
        return object["releases"] != nil || object["records"] != nil
    }

    /// A package's releases, a record package's compiled releases, or the line itself.
    private static func releases(in json: Any) -> [Any] {
        if let array = json as? [Any] { return array }
        guard let object = json as? [String: Any] else { return [json] }
        if let releases = object["releases"] as? [Any] { return releases }
        if let records = object["records"] as? [Any] {
            return records.flatMap { record -> [Any] in
                guard let record = record as? [String: Any] else { return [record] }
                if let compiled = record["compiledRelease"] { return [compiled] }
                return (record["releases"] as? [Any] ?? []).filter { $0 is [String: Any] && ($0 as! [String: Any])["ocid"] != nil }
            }
        }
        return [object]
    }

    /// Roles from `parties[].roles` and from the organisation references (buyer, procuring entity, tenderers,
    /// award suppliers, bid tenderers), which older data uses without a parties list.
    static func parties(of release: [String: Any], ocid: String) -> [ProcurementParty] {
        let declared = (release["parties"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        let byID = Dictionary(declared.compactMap { party in DataFileReader.string(party["id"]).map { ($0, party) } },
                              uniquingKeysWith: { first, _ in first })
        var found: [ProcurementParty] = []
        func add(_ role: ProcurementParty.Role, _ reference: Any?) {
            guard let reference = reference as? [String: Any] else { return }
            let party = DataFileReader.string(reference["id"]).flatMap { byID[$0] }
            let name = DataFileReader.string(reference["name"]) ?? DataFileReader.string(party?["name"]) ?? ""
            let identifiers = self.identifiers(of: party ?? reference) + (party == nil ? [] : self.identifiers(of: reference))
            guard !name.isEmpty || !identifiers.isEmpty else { return }
            let candidate = ProcurementParty(ocid: ocid, role: role, name: name, identifiers: unique(identifiers))
            if !found.contains(where: { $0.role == role && $0.key == candidate.key }) { found.append(candidate) }
        }
        for party in declared {
            for role in (party["roles"] as? [Any] ?? []).compactMap({ ($0 as? String).flatMap(ProcurementParty.Role.init(ocds:)) }) {
                add(role, party)
            }
        }
        add(.buyer, release["buyer"])
        let tender = release["tender"] as? [String: Any]
        add(.procuringEntity, tender?["procuringEntity"])
        (tender?["tenderers"] as? [Any] ?? []).forEach { add(.tenderer, $0) }
        for award in (release["awards"] as? [Any] ?? []).compactMap({ $0 as? [String: Any] }) {
            (award["suppliers"] as? [Any] ?? []).forEach { add(.supplier, $0) }
        }
        let bids = (release["bids"] as? [String: Any])?["details"] as? [Any] ?? []
        for bid in bids.compactMap({ $0 as? [String: Any] }) {
            (bid["tenderers"] as? [Any] ?? []).forEach { add(.tenderer, $0) }
        }
        return found
    }

    private static func identifiers(of organisation: [String: Any]) -> [String] {
        let main = organisation["identifier"] as? [String: Any]
        let additional = (organisation["additionalIdentifiers"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        return ([main].compactMap { $0 } + additional)
            .map { PartyKey.identifier(scheme: DataFileReader.string($0["scheme"]), id: identifierText($0["id"])) }
            .filter { !$0.isEmpty }
    }

    /// OCDS ids are strings, but publishers do send numbers.
    private static func identifierText(_ value: Any?) -> String? {
        if let number = value as? NSNumber, !(value is Bool) { return number.stringValue }
        return DataFileReader.string(value)
    }

    private static func unique(_ items: [String]) -> [String] {
        items.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}
