import Foundation

public enum ConflictSignalKind: String, CaseIterable, Codable, Sendable {
    case sameOrganisation = "same_organisation"
    case previousExchange = "previous_exchange"
    /// The expert's employer bid for or supplied the body, in imported OCDS data.
    case procurementRelation = "procurement_relation"
    /// The employer and a supplier of the body are linked by ownership, in imported BODS statements.
    case ownershipPath = "ownership_path"
    /// A party answered yes on its declaration.
    case declared
}

/// A reason to look harder at a match, with the facts that raised it.
public struct ConflictSignal: Sendable, Equatable, Hashable, Codable {
    public let kind: ConflictSignalKind
    /// Identifies the signal across re-checks, so only a new one reopens due diligence.
    public let key: String
    /// The facts behind it, in the order its message names them.
    public let evidence: [String]

    public init(kind: ConflictSignalKind, key: String, evidence: [String]) {
        self.kind = kind
        self.key = key
        self.evidence = evidence
    }

    public var fingerprint: String { "\(kind.rawValue):\(key)" }
}

/// Turns what is known about both sides into conflict signals.
public enum ConflictScreening {
    public struct PreviousExchange: Sendable, Equatable {
        public let engagementID: UUID
        public let needTitle: String
        public let stage: EngagementStage

        public init(engagementID: UUID, needTitle: String, stage: EngagementStage) {
            self.engagementID = engagementID
            self.needTitle = needTitle
            self.stage = stage
        }
    }

    public struct Facts: Sendable {
        public var expertOrganisationID: UUID?
        /// The employer as the expert names it on the profile.
        public var expertOrganisationName: String
        public var bodyID: UUID
        public var bodyName: String
        /// Other engagements between the same expert and body, whatever their stage.
        public var previousExchanges: [PreviousExchange]
        public var declarations: [DeclaringParty: ConflictDeclaration]
        public var procurement: [ProcurementRelation]
        public var ownership: [OwnershipPath]

        public init(expertOrganisationID: UUID?, expertOrganisationName: String = "", bodyID: UUID, bodyName: String, previousExchanges: [PreviousExchange] = [],
                    declarations: [DeclaringParty: ConflictDeclaration] = [:], procurement: [ProcurementRelation] = [],
                    ownership: [OwnershipPath] = []) {
            self.expertOrganisationID = expertOrganisationID
            self.expertOrganisationName = expertOrganisationName
            self.bodyID = bodyID
            self.bodyName = bodyName
            self.previousExchanges = previousExchanges
            self.declarations = declarations
            self.procurement = procurement
            self.ownership = ownership
        }
    }

    public static func signals(_ facts: Facts) -> [ConflictSignal] {
        var signals: [ConflictSignal] = []
        let employerName = OrganisationName.normalised(facts.expertOrganisationName)
        if facts.expertOrganisationID == facts.bodyID || (!employerName.isEmpty && employerName == OrganisationName.normalised(facts.bodyName)) {
            signals.append(ConflictSignal(kind: .sameOrganisation, key: facts.bodyID.uuidString.lowercased(),
                                          evidence: [facts.expertOrganisationName, facts.bodyName]))
        }
        signals += facts.previousExchanges.map {
            ConflictSignal(kind: .previousExchange, key: $0.engagementID.uuidString.lowercased(), evidence: [$0.needTitle, $0.stage.rawValue])
        }
        for party in DeclaringParty.allCases {
            guard let declaration = facts.declarations[party] else { continue }
            signals += declaration.declaredConflicts.map {
                ConflictSignal(kind: .declared, key: "\(party.rawValue):\($0.rawValue)",
                               evidence: [party.rawValue, $0.rawValue, declaration.answers[$0]?.details ?? ""])
            }
        }
        signals += facts.procurement.map(\.signal)
        signals += facts.ownership.map(\.signal)
        return signals
    }
}
