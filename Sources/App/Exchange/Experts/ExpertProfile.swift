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
    /// Areas of expertise as the roster gave them, separated by "; ".
    @Field(key: "areas") var areasText: String
    @Field(key: "status") var status: ParticipationStatus
    @Field(key: "source") var source: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // Completed by the expert (M010).
    @OptionalField(key: "years") var years: Int?
    /// Fields of experience, comma-separated raw values.
    @OptionalField(key: "experience_fields") var experienceFieldsText: String?
    @OptionalField(key: "transfer_statement") var transferStatement: String?
    /// Skills as id:level pairs, comma-separated.
    @OptionalField(key: "skills") var skillsText: String?
    /// Languages as code:level pairs, comma-separated.
    @OptionalField(key: "languages") var languagesText: String?
    @OptionalField(key: "hours_per_week") var hoursPerWeek: Int?
    @OptionalField(key: "available_from") var availableFrom: Date?
    @OptionalField(key: "available_until") var availableUntil: Date?
    @OptionalField(key: "capacity") var capacity: Int?
    @OptionalField(key: "pro_bono") var proBono: Bool?
    @OptionalField(key: "work_hours") var workHours: Bool?
    @OptionalField(key: "public_communication") var publicCommunication: Bool?
    @OptionalField(key: "values_alignment") var valuesAlignment: Bool?
    @OptionalField(key: "motivation") var motivation: String?
    /// The last automatic screening, as criterion:outcome:reason triples.
    @OptionalField(key: "screening") var screeningText: String?

    // Where and in what the expert has worked (M013), comma-separated codes.
    @OptionalField(key: "countries_worked") var countriesWorkedText: String?
    @OptionalField(key: "regions_worked") var regionsWorkedText: String?
    @OptionalField(key: "sectors") var sectorsText: String?

    init() {}

    init(id: UUID, planned: PlannedExpert, source: String, now: Date) {
        self.id = id
        fullName = planned.name
        email = planned.email?.value
        organisationName = planned.organisation
        identityKey = RosterImport.identity(name: planned.name, organisation: planned.organisation)
        country = planned.country.value
        areasText = planned.areas.joined(separator: "; ")
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
        areasText = ""
        status = .draft
        source = "self"
        createdAt = now
        updatedAt = now
    }

    var areas: [String] { areasText.isEmpty ? [] : areasText.components(separatedBy: "; ") }

    static func pairs(_ text: String?) -> [(String, String)] {
        StoredList.items(text).compactMap { pair in
            let parts = pair.split(separator: ":")
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }

    var skills: [(id: String, level: Int)] { Self.pairs(skillsText).compactMap { id, level in Int(level).map { (id, $0) } } }
    var languages: [(code: String, level: LanguageLevel)] {
        Self.pairs(languagesText).compactMap { code, level in UInt8(level).flatMap(LanguageLevel.init).map { (code, $0) } }
    }
    var experienceFields: Set<ExperienceField> { Set(StoredList.items(experienceFieldsText).compactMap(ExperienceField.init)) }
    var countriesWorked: [CountryCode] { StoredList.items(countriesWorkedText).compactMap(CountryCode.init) }
    var regionsWorked: Set<WorldRegion> { Set(StoredList.items(regionsWorkedText).compactMap(WorldRegion.init)) }
    var sectors: Set<WorkSector> { Set(StoredList.items(sectorsText).compactMap(WorkSector.init)) }

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

    var screening: [ScreeningText.Row] { ScreeningText.parse(screeningText) }
}

extension ExpertProfile {
    /// Everything the expert edits, as stored: two equal snapshots mean a save would change nothing.
    var details: [String?] {
        [country, years.map(String.init), experienceFieldsText, transferStatement, skillsText, languagesText,
         hoursPerWeek.map(String.init), availableFrom.map { String($0.timeIntervalSince1970) },
         availableUntil.map { String($0.timeIntervalSince1970) }, capacity.map(String.init), proBono.map(String.init),
         workHours.map(String.init), publicCommunication.map(String.init), valuesAlignment.map(String.init), motivation, countriesWorkedText,
         regionsWorkedText, sectorsText]
    }
}
