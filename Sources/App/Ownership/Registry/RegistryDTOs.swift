import BeneficialOwnership
import Foundation
import Vapor

/// A company or person in the registry's API answers. Shares are percentages.
struct RegistryPartyDTO: Content {
    let recordId: String
    let name: String?
    let kind: RegistryParty.Kind
    /// Set when the data says the party is anonymous or unknown: BODS's unspecifiedReason code and its description.
    let unspecifiedReason: String?
    let unspecifiedDescription: String?
    let politicalExposure: PersonDetails.PoliticalExposure?
    /// A Legal Entity Identifier whose check digits agree.
    let lei: String?

    init(_ party: RegistryParty) {
        recordId = party.recordID
        name = party.name
        kind = party.kind
        unspecifiedReason = party.unspecified?.reason
        unspecifiedDescription = party.unspecified?.description
        politicalExposure = party.politicalExposure
        lei = party.lei
    }
}

struct RegistryHoldingDTO: Content {
    let party: RegistryPartyDTO
    let shareMinimum: Double
    let shareMaximum: Double
    let standing: Holding.Standing
    let controls: Bool
    /// Separate chains (simple paths) through which the share is held.
    let paths: Int

    init(_ holding: RegistryHolding) {
        party = RegistryPartyDTO(holding.party)
        shareMinimum = RegistryPercent.value(holding.share.minimum)
        shareMaximum = RegistryPercent.value(holding.share.maximum)
        standing = holding.standing
        controls = holding.controls
        paths = holding.paths
    }
}

struct RegistryLinkDTO: Content {
    let subject: String
    let interestedParty: String
    let shareMinimum: Double?
    let shareMaximum: Double?
    let controls: Bool
    let statementId: String

    init(_ link: RegistryLink) {
        subject = link.subject
        interestedParty = link.owner
        shareMinimum = link.share.map { RegistryPercent.value($0.minimum) }
        shareMaximum = link.share.map { RegistryPercent.value($0.maximum) }
        controls = link.controls
        statementId = link.statementID
    }
}

struct RegistryRecordDTO: Content {
    struct Held: Content {
        let company: RegistryPartyDTO
        let holding: RegistryHoldingDTO
    }

    let party: RegistryPartyDTO
    /// The owner threshold, in percent.
    let threshold: Double
    let statements: [String]
    let owners: [RegistryHoldingDTO]
    let chain: [RegistryLinkDTO]
    let holds: [Held]

    init(_ profile: RegistryProfile) {
        party = RegistryPartyDTO(profile.party)
        threshold = RegistryPercent.value(profile.threshold)
        statements = profile.history.map(\.statementID)
        owners = profile.owners.map(RegistryHoldingDTO.init)
        chain = profile.chain.map(RegistryLinkDTO.init)
        holds = profile.holds.map { Held(company: RegistryPartyDTO($0.company), holding: RegistryHoldingDTO($0.holding)) }
    }
}

struct RegistryImportDTO: Content {
    let id: UUID?
    let read: Int
    let added: Int
    let dryRun: Bool

    init(_ outcome: OwnershipImportService.Outcome) {
        id = outcome.dataImport?.id
        read = outcome.read
        added = outcome.added
        dryRun = outcome.dryRun
    }
}

struct RegistryProblemDTO: Content {
    let line: Int
    let item: Int?
    let pointer: String
    let rule: String
    let message: String
}

struct RegistryRefusalDTO: Content {
    struct Body: Content {
        let code: String
        let message: String
        let problems: [RegistryProblemDTO]
        let problemCount: Int
    }
    let error: Body
}

/// One BODS 0.4 statement as published: its shape is the standard's schema (docs/ownership.md), not a Swift type's.
struct BODSStatementDocument: Decodable, SchemaDescribing {
    static let jsonSchema: OpenAPIValue = [
        "type": "object", "description": "A BODS 0.4 statement (https://standard.openownership.org/en/0.4.0/)",
        "required": ["statementId", "recordId", "recordType", "declarationSubject", "statementDate", "recordDetails"],
    ]
    static let schemaSample = BODSStatementDocument()

    init() {}
    init(from decoder: Decoder) throws {}
}

/// What an imported file holds: BODS 0.4 statements, or GLEIF relationship records (RR-CDF CSV) that become them.
enum RegistryFileFormat: String, Codable, CaseIterable, Sendable {
    case bods
    case gleifRR = "gleif-rr"
}

/// Percent with at most four decimals, so ranges multiplied along chains read cleanly.
enum RegistryPercent {
    static func value(_ share: Double) -> Double { (share * 100 * 10_000).rounded() / 10_000 }
}
