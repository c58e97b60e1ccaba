/// What a public body submits to take part, as screening sees it.
public struct PublicBodyApplication: Sendable, Equatable {
    /// The organisation record passed its own validation (name, country, type, mandate, languages).
    public var organisationComplete: Bool
    public var contactPeople: Int
    public var authorisations: Authorisations
    /// Confirms it works in anti-corruption, integrity, fraud, audit or compliance.
    public var confirmsIntegrityMandate: Bool

    public init(organisationComplete: Bool, contactPeople: Int, authorisations: Authorisations, confirmsIntegrityMandate: Bool) {
        self.organisationComplete = organisationComplete
        self.contactPeople = contactPeople
        self.authorisations = authorisations
        self.confirmsIntegrityMandate = confirmsIntegrityMandate
    }
}

public enum PublicBodyCriterion: String, CaseIterable, Codable, Sendable {
    case organisation, contacts
    case proBono = "pro_bono", workHours = "work_hours", publicCommunication = "public_communication"
    case mandate
}

public enum PublicBodyScreening {
    public static func screen(_ a: PublicBodyApplication) -> Screening<PublicBodyCriterion> {
        typealias R = CriterionResult<PublicBodyCriterion>
        return Screening([
            a.organisationComplete ? R(.organisation, .pass, "organisation_complete") : R(.organisation, .fail, "organisation_incomplete"),
            a.contactPeople > 0 ? R(.contacts, .pass, "contacts_given") : R(.contacts, .fail, "no_contact"),
            a.authorisations.proBono ? R(.proBono, .pass, "attested") : R(.proBono, .fail, "pro_bono_missing"),
            a.authorisations.workHours ? R(.workHours, .pass, "attested") : R(.workHours, .fail, "work_hours_missing"),
            a.authorisations.publicCommunication ? R(.publicCommunication, .pass, "attested")
                : R(.publicCommunication, .fail, "public_communication_missing"),
            a.confirmsIntegrityMandate ? R(.mandate, .pass, "integrity_mandate") : R(.mandate, .fail, "no_integrity_mandate"),
        ])
    }
}
