import ExchangeCore
import Fluent
import Foundation

/// An expert in the programme. Imported experts start as invited, without an account, until they confirm.
final class ExpertProfile: Model, @unchecked Sendable {
    static let schema = "expert_profiles"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "full_name") var fullName: String
    @OptionalField(key: "email") var email: String?
    @Field(key: "organisation_name") var organisationName: String
    /// Name and organisation folded, so the same person is never added twice.
    @Field(key: "identity_key") var identityKey: String
    @Field(key: "country") var country: String
    /// Areas of expertise as the roster gave them.
    @Field(key: "areas") var storedAreas: JSONList<String>
    @Field(key: "status") var status: ParticipationStatus
    @Field(key: "source") var source: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // Completed by the expert (M010).
    @OptionalField(key: "years") var years: Int?
    // Lists are JSON (M035).
    @OptionalField(key: "experience_fields") var storedFields: JSONList<ExperienceField>?
    @OptionalField(key: "transfer_statement") var transferStatement: String?
    @OptionalField(key: "skills") var storedSkills: JSONList<SkillEntry>?
    @OptionalField(key: "languages") var storedLanguages: JSONList<LanguageEntry>?
    @OptionalField(key: "hours_per_week") var hoursPerWeek: Int?
    @OptionalField(key: "available_from") var availableFrom: Date?
    @OptionalField(key: "available_until") var availableUntil: Date?
    @OptionalField(key: "capacity") var capacity: Int?
    @OptionalField(key: "pro_bono") var proBono: Bool?
    @OptionalField(key: "work_hours") var workHours: Bool?
    @OptionalField(key: "public_communication") var publicCommunication: Bool?
    @OptionalField(key: "values_alignment") var valuesAlignment: Bool?
    @OptionalField(key: "motivation") var motivation: String?
    /// The last automatic screening.
    @OptionalField(key: "screening") var storedScreening: JSONList<ScreeningResult>?

    // Where and in what the expert has worked (M013): country codes, UN M49 region codes, sectors.
    @OptionalField(key: "countries_worked") var storedCountriesWorked: JSONList<String>?
    @OptionalField(key: "regions_worked") var storedRegionsWorked: JSONList<String>?
    @OptionalField(key: "sectors") var storedSectors: JSONList<WorkSector>?

    struct SkillEntry: Codable, Sendable, Equatable {
        let id: String
        let level: Int
    }

    struct LanguageEntry: Codable, Sendable, Equatable {
        let code: String
        let level: LanguageLevel
    }

    init() {}

    init(id: UUID, planned: PlannedExpert, source: String, now: Date) {
        self.id = id
        fullName = planned.name
        email = planned.email?.value
        organisationName = planned.organisation
        identityKey = RosterImport.identity(name: planned.name, organisation: planned.organisation)
        country = planned.country.value
        storedAreas = JSONList(planned.areas)
        status = .invited
        self.source = source
        createdAt = now
        updatedAt = now
    }

    /// A profile an expert starts from their account.
    init(id: UUID, userID: UUID, name: String, email: String, organisation: String, now: Date) {
        self.id = id
        self.$user.id = userID
        fullName = name
        self.email = email
        organisationName = organisation
        identityKey = "user:" + userID.uuidString.lowercased()
        country = ""
        storedAreas = []
        status = .draft
        source = "self"
        createdAt = now
        updatedAt = now
    }

    var areas: [String] { storedAreas.items }
    var skills: [(id: String, level: Int)] { (storedSkills?.items ?? []).map { ($0.id, $0.level) } }
    var languages: [(code: String, level: LanguageLevel)] { (storedLanguages?.items ?? []).map { ($0.code, $0.level) } }
    var experienceFields: Set<ExperienceField> { Set(storedFields?.items ?? []) }
    var countriesWorked: [CountryCode] { (storedCountriesWorked?.items ?? []).compactMap(CountryCode.init) }
    var regionsWorked: Set<WorldRegion> { Set((storedRegionsWorked?.items ?? []).compactMap(WorldRegion.init)) }
    var sectors: Set<WorkSector> { Set(storedSectors?.items ?? []) }

    /// Residence first, then the countries worked in, each once: every country the expert knows.
    var knownCountries: [String] {
        var seen = Set<String>()
        return ([country] + countriesWorked.map(\.value)).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The profile as screening sees it.
    var application: ExpertApplication {
        ExpertApplication(
            fullName: fullName, residence: CountryCode(country), employerID: nil, yearsOfExperience: years,
            fields: experienceFields, transferStatement: transferStatement ?? "", skillCount: skills.count,
            languageCount: languages.count, hoursPerWeek: hoursPerWeek ?? 0, availableFrom: availableFrom, availableUntil: availableUntil,
            capacity: capacity ?? 0,
            authorisations: Authorisations(proBono: proBono == true, workHours: workHours == true, publicCommunication: publicCommunication == true),
            valuesAlignment: valuesAlignment == true, motivation: motivation ?? "")
    }

    var screening: [ScreeningResult] { storedScreening?.items ?? [] }
}

extension ExpertProfile {
    /// Everything the expert edits, as stored: two equal snapshots mean a save would change nothing.
    struct Details: Equatable {
        let country: String, years: Int?, fields: JSONList<ExperienceField>?, transferStatement: String?
        let skills: JSONList<SkillEntry>?, languages: JSONList<LanguageEntry>?, hoursPerWeek: Int?
        let availableFrom: Date?, availableUntil: Date?, capacity: Int?
        let proBono: Bool?, workHours: Bool?, publicCommunication: Bool?, valuesAlignment: Bool?, motivation: String?
        let countriesWorked: JSONList<String>?, regionsWorked: JSONList<String>?, sectors: JSONList<WorkSector>?
    }

    var details: Details {
        Details(country: country, years: years, fields: storedFields, transferStatement: transferStatement, skills: storedSkills,
                languages: storedLanguages, hoursPerWeek: hoursPerWeek, availableFrom: availableFrom, availableUntil: availableUntil,
                capacity: capacity, proBono: proBono, workHours: workHours, publicCommunication: publicCommunication,
                valuesAlignment: valuesAlignment, motivation: motivation, countriesWorked: storedCountriesWorked,
                regionsWorked: storedRegionsWorked, sectors: storedSectors)
    }
}
