import ExchangeCore
import Fluent
import Foundation

/// A public body or a company taking part in the programme.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: OrganisationKind
    @Field(key: "name") var name: String
    @Field(key: "country") var country: String
    @OptionalField(key: "public_body_type") var publicBodyType: PublicBodyType?
    @OptionalField(key: "jurisdiction") var jurisdiction: Jurisdiction?
    @OptionalField(key: "mandate") var mandate: String?
    @OptionalField(key: "legal_basis") var legalBasis: String?
    /// ISO 639-1 codes (JSON, M035).
    @Field(key: "working_languages") var storedWorkingLanguages: JSONList<String>
    @OptionalField(key: "sector") var sector: Sector?
    /// org-id `SCHEME-ID`, upper case (M017).
    @OptionalField(key: "identifier") var identifier: String?
    // A public body's participation (M012).
    /// Nil until the body first submits its participation.
    @OptionalField(key: "participation_status") var participationStatus: ParticipationStatus?
    @OptionalField(key: "pro_bono") var proBono: Bool?
    @OptionalField(key: "work_hours") var workHours: Bool?
    @OptionalField(key: "public_communication") var publicCommunication: Bool?
    @OptionalField(key: "integrity_mandate") var integrityMandate: Bool?
    /// The last automatic screening (JSON, M035).
    @OptionalField(key: "screening") var storedScreening: JSONList<ScreeningResult>?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(id: UUID, valid: OrganisationDraft.Valid, now: Date) {
        self.id = id
        self.createdAt = now
        apply(valid, now: now)
    }

    var workingLanguages: [String] { storedWorkingLanguages.items }
    var screening: [ScreeningResult] { storedScreening?.items ?? [] }

    func apply(_ valid: OrganisationDraft.Valid, now: Date) {
        kind = valid.kind
        name = valid.name
        country = valid.country.value
        identifier = valid.identifier
        switch valid.details {
        case .publicBody(let type, let jurisdiction, let mandate, let legalBasis, let languages):
            publicBodyType = type
            self.jurisdiction = jurisdiction
            self.mandate = mandate
            self.legalBasis = legalBasis.isEmpty ? nil : legalBasis
            storedWorkingLanguages = JSONList(languages.map(\.value))
            sector = nil
        case .company(let sector):
            self.sector = sector
            publicBodyType = nil
            jurisdiction = nil
            mandate = nil
            legalBasis = nil
            storedWorkingLanguages = []
        }
        updatedAt = now
    }
}
