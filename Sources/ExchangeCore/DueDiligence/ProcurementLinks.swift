/// A procurement process in which the public body bought and the expert's employer bid or supplied.
public struct ProcurementRelation: Sendable, Equatable {
    public enum MatchedBy: String, Sendable, Codable { case identifier, name }

    public let ocid: String
    /// `buyer` or `procuring_entity`.
    public let bodyRole: String
    /// `tenderer` or `supplier`.
    public let employerRole: String
    /// The employer as the data names it.
    public let partyName: String
    public let matchedBy: MatchedBy

    public init(ocid: String, bodyRole: String, employerRole: String, partyName: String, matchedBy: MatchedBy) {
        self.ocid = ocid
        self.bodyRole = bodyRole
        self.employerRole = employerRole
        self.partyName = partyName
        self.matchedBy = matchedBy
    }

    var signal: ConflictSignal {
        ConflictSignal(kind: .procurementRelation, key: "\(ocid):\(employerRole)",
                       evidence: [ocid, bodyRole, employerRole, partyName, matchedBy.rawValue])
    }
}

/// A chain of ownership or control linking the employer to a supplier of the body.
public struct OwnershipPath: Sendable, Equatable {
    /// Names from the employer to the supplier, people and companies alike.
    public let names: [String]
    /// The BODS statement ids along the path, which identify it.
    public let statementIDs: [String]

    public init(names: [String], statementIDs: [String]) {
        self.names = names
        self.statementIDs = statementIDs
    }

    public var hops: Int { names.count - 1 }

    var signal: ConflictSignal {
        ConflictSignal(kind: .ownershipPath, key: statementIDs.joined(separator: ">"),
                       evidence: [names.joined(separator: " → "), String(hops)])
    }
}
