import FastJSON

/// One BODS 0.4 statement, as the registry reads it: what the ownership graph and the pages need, typed, and the
/// whole statement kept as it came so that it is exported unchanged.
public struct BODSStatement: Sendable {
    public enum RecordType: String, Sendable, Codable, CaseIterable { case entity, person, relationship }
    public enum RecordStatus: String, Sendable, Codable, CaseIterable { case new, updated, closed }

    public let statementID: String
    public let recordID: String
    public let recordType: RecordType
    public let recordStatus: RecordStatus?
    /// As published: a full date or a date-time (RFC 3339).
    public let statementDate: String
    public let declarationSubject: String
    public let details: Details
    public let json: JSONValue

    public enum Details: Sendable {
        case entity(EntityDetails)
        case person(PersonDetails)
        case relationship(RelationshipDetails)
    }

    /// Nil when a field the schema requires is missing or of another type; the schema check names which.
    public init?(_ json: JSONValue) {
        guard let statementID = json["statementId"]?.string, let recordID = json["recordId"]?.string,
              let recordType = json["recordType"]?.string.flatMap(RecordType.init(rawValue:)),
              let statementDate = json["statementDate"]?.string, let subject = json["declarationSubject"]?.string,
              let details = json["recordDetails"], details.isObject else { return nil }
        self.statementID = statementID
        self.recordID = recordID
        self.recordType = recordType
        self.recordStatus = json["recordStatus"]?.string.flatMap(RecordStatus.init(rawValue:))
        self.statementDate = statementDate
        self.declarationSubject = subject
        self.json = json
        switch recordType {
        case .entity: self.details = .entity(EntityDetails(details))
        case .person: self.details = .person(PersonDetails(details))
        case .relationship:
            guard let relationship = RelationshipDetails(details) else { return nil }
            self.details = .relationship(relationship)
        }
    }

    /// The statement as the public may see it: a person's protected details removed.
    public var publicJSON: JSONValue {
        guard recordType == .person else { return json }
        var copy = json
        copy.update("recordDetails") { details in
            guard case .object(let members) = details else { return }
            details = .object(members.filter { !PersonDetails.protectedFields.contains($0.0) })
        }
        return copy
    }
}

/// Why a person, an entity or a party is not named (BODS `unspecifiedReason`).
public struct Unspecified: Sendable, Equatable, Codable {
    public let reason: String
    public let description: String?

    init?(_ json: JSONValue?) {
        guard let reason = json?["reason"]?.string else { return nil }
        self.reason = reason
        self.description = json?["description"]?.string
    }

    public init(reason: String, description: String? = nil) {
        self.reason = reason
        self.description = description
    }

    /// BODS 0.4's unspecifiedReason codelist, in its order.
    public static let reasons = [
        "noBeneficialOwners", "subjectUnableToConfirmOrIdentifyBeneficialOwner", "interestedPartyHasNotProvidedInformation",
        "subjectExemptFromDisclosure", "interestedPartyExemptFromDisclosure", "unknown", "informationUnknownToPublisher",
    ]
}

public struct BODSIdentifier: Sendable, Equatable, Codable {
    public let id: String?
    public let scheme: String?
    public let schemeName: String?

    init(_ json: JSONValue) {
        id = json["id"]?.string
        scheme = json["scheme"]?.string
        schemeName = json["schemeName"]?.string
    }

    public init(id: String?, scheme: String?, schemeName: String? = nil) {
        self.id = id
        self.scheme = scheme
        self.schemeName = schemeName
    }

    public var isLEI: Bool { scheme?.uppercased() == LegalEntityIdentifier.bodsScheme }

    /// `SCHEME-ID`, how the platform matches organisations across data sets.
    public var key: String? {
        guard let id, let scheme, !id.isEmpty, !scheme.isEmpty else { return nil }
        return "\(scheme)-\(id)".uppercased()
    }
}

public struct EntityDetails: Sendable {
    public let name: String?
    public let entityType: String
    public let unspecified: Unspecified?
    public let identifiers: [BODSIdentifier]
    public let foundingDate: String?
    public let jurisdiction: String?

    init(_ json: JSONValue) {
        name = json["name"]?.string
        entityType = json["entityType", "type"]?.string ?? "unknownEntity"
        unspecified = Unspecified(json["unspecifiedEntityDetails"])
        identifiers = (json["identifiers"]?.array ?? []).map(BODSIdentifier.init)
        foundingDate = json["foundingDate"]?.string
        jurisdiction = json["jurisdiction", "code"]?.string ?? json["jurisdiction", "name"]?.string
    }
}

public struct PersonDetails: Sendable {
    public enum PoliticalExposure: String, Sendable, Codable, CaseIterable { case isPep, isNotPep, unknown }

    public let name: String?
    public let personType: String
    public let unspecified: Unspecified?
    public let politicalExposure: PoliticalExposure?
    /// Where the PEP status comes from, as the statement's `politicalExposure.source` or details' sources name it.
    public let politicalExposureSource: String?

    /// Stored, never published: a natural person's addresses, birth date and identifiers.
    public static let protectedFields: Set<String> = ["addresses", "placeOfBirth", "birthDate", "identifiers", "taxResidencies"]

    init(_ json: JSONValue) {
        let first = json["names"]?.array?.first
        name = first?["fullName"]?.string
            ?? [first?["givenName"]?.string, first?["familyName"]?.string].compactMap { $0 }.joined(separator: " ").nonEmpty
        personType = json["personType"]?.string ?? "unknownPerson"
        unspecified = Unspecified(json["unspecifiedPersonDetails"])
        politicalExposure = json["politicalExposure", "status"]?.string.flatMap(PoliticalExposure.init(rawValue:))
        let detail = json["politicalExposure", "details"]?.array?.first
        politicalExposureSource = detail?["source", "description"]?.string ?? detail?["reason"]?.string
            ?? json["politicalExposure", "source", "description"]?.string
    }
}

public struct RelationshipDetails: Sendable {
    public enum Party: Sendable, Equatable {
        case record(String)
        case unspecified(Unspecified)
    }

    public let subject: Party
    public let interestedParty: Party
    public let interests: [Interest]

    init?(_ json: JSONValue) {
        guard let subject = Self.party(json["subject"]), let interestedParty = Self.party(json["interestedParty"]) else { return nil }
        self.subject = subject
        self.interestedParty = interestedParty
        interests = (json["interests"]?.array ?? []).compactMap(Interest.init)
    }

    public init(subject: Party, interestedParty: Party, interests: [Interest]) {
        self.subject = subject
        self.interestedParty = interestedParty
        self.interests = interests
    }

    private static func party(_ json: JSONValue?) -> Party? {
        if let record = json?.string { return .record(record) }
        return Unspecified(json).map(Party.unspecified)
    }
}

/// One interest of a relationship: its type, and its share as a range where the interest is countable.
public struct Interest: Sendable, Equatable {
    public let type: String
    public let share: ShareRange?
    public let beneficialOwnershipOrControl: Bool?
    public let startDate: String?
    public let endDate: String?

    public init(type: String, share: ShareRange?, beneficialOwnershipOrControl: Bool? = nil, startDate: String? = nil, endDate: String? = nil) {
        self.type = type
        self.share = share
        self.beneficialOwnershipOrControl = beneficialOwnershipOrControl
        self.startDate = startDate
        self.endDate = endDate
    }

    init?(_ json: JSONValue) {
        guard let type = json["type"]?.string else { return nil }
        self.type = type
        share = json["share"].flatMap(ShareRange.init(bods:))
        if case .bool(let flag) = json["beneficialOwnershipOrControl"] { beneficialOwnershipOrControl = flag } else { beneficialOwnershipOrControl = nil }
        startDate = json["startDate"]?.string
        endDate = json["endDate"]?.string
    }

    /// Interests that carry a share of the company's value.
    public var isOwnership: Bool { type == "shareholding" }

    /// Interests that give control without (or besides) shares: votes, the board, a trust's powers, a veto.
    public var isControl: Bool { Self.controlTypes.contains(type) }

    public static let controlTypes: Set<String> = [
        "votingRights", "appointmentOfBoard", "otherInfluenceOrControl", "seniorManagingOfficial", "settlor", "trustee",
        "protector", "controlViaCompanyRulesOrArticles", "controlByLegalFramework", "boardMember", "boardChair", "nominator",
        "rightsGrantedByContract", "conditionalRightsGrantedByContract",
    ]
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
