import ExchangeCore
import Fluent
import Vapor

/// An expert's own profile over JSON: read it, replace its details while it is a draft, submit it for screening.
/// Programme staff read any profile in full.
struct APIProfileController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIProfileRoute.show, use: show)
        routes.on(APIProfileRoute.save, use: save)
        routes.on(APIProfileRoute.submit, use: submit)
        routes.on(APIProfileRoute.downloadOwn, use: AuthorisationLetterController.downloadOwn)
        routes.on(APIProfileRoute.attachLetter, use: attachLetter)
        routes.on(APIProfileRoute.removeLetter, use: removeLetter)
        routes.on(APIProfileRoute.showAny, use: showAny)
        routes.on(APIProfileRoute.downloadAny, use: AuthorisationLetterController.downloadAny)
    }

    // MARK: - The employer's letter

    struct LetterDTO: Content {
        let filename: String
        let contentType: String
        let bytes: Int
        let sha256: String
        let uploadedAt: Date

        init(_ l: AuthorisationLetter) {
            filename = l.filename
            contentType = l.format.contentType
            bytes = l.byteCount
            sha256 = l.sha256
            uploadedAt = l.uploadedAt
        }
    }

    /// The raw file is the body; `?filename=` names it.
    @Sendable func attachLetter(req: Request) async throws -> LetterDTO {
        let user = try req.requireUser()
        let profile = try await req.registry.expertProfiles.profile(for: user)
        let bytes = req.body.data.map { Data(buffer: $0) } ?? Data()
        let name = (try? req.query.get(String.self, at: "filename")) ?? ""
        return LetterDTO(try await req.registry.authorisationLetters.attach(bytes, filename: name, to: profile, by: user))
    }

    @Sendable func removeLetter(req: Request) async throws -> HTTPStatus {
        let user = try req.requireUser()
        try await req.registry.authorisationLetters.remove(from: try await req.registry.expertProfiles.profile(for: user), by: user)
        return .noContent
    }

    @Sendable func show(req: Request) async throws -> ExpertProfileDetailDTO {
        try ExpertProfileDetailDTO(await req.registry.expertProfiles.profile(for: req.requireUser()))
    }

    @Sendable func save(req: Request) async throws -> ExpertProfileDetailDTO {
        let user = try req.requireUser()
        let details = try req.content.decode(ExpertProfileInput.self).details()
        let profile = try await req.registry.expertProfiles.profile(for: user)
        try await req.registry.expertProfiles.save(details, to: profile, by: user)
        return try ExpertProfileDetailDTO(profile)
    }

    @Sendable func submit(req: Request) async throws -> ExpertProfileDetailDTO {
        let user = try req.requireUser()
        let profile = try await req.registry.expertProfiles.profile(for: user)
        _ = try await req.registry.expertProfiles.submit(profile, by: user)
        return try ExpertProfileDetailDTO(profile)
    }

    @Sendable func showAny(req: Request) async throws -> ExpertProfileDetailDTO {
        let profile = try await req.load(ExpertProfile.self, for: .read)
        return try ExpertProfileDetailDTO(profile)
    }
}

/// What an expert sends for their profile. PUT replaces every detail: what is left out is cleared.
struct ExpertProfileInput: Content {
    var country: String?
    var years: Int?
    var fields: [String]?
    var transferStatement: String?
    /// Skill id → level 1–3.
    var skills: [String: Int]?
    /// ISO 639-1 code → "working", "fluent" or "native".
    var languages: [String: String]?
    var countriesWorked: [String]?
    var regionsWorked: [String]?
    var sectors: [String]?
    var hoursPerWeek: Int?
    /// yyyy-MM-dd
    var availableFrom: String?
    var availableUntil: String?
    var capacity: Int?
    var proBono: Bool?
    var workHours: Bool?
    var publicCommunication: Bool?
    var valuesAlignment: Bool?
    var motivation: String?

    func details() throws -> ExpertProfileService.Details {
        var v = ExchangeCore.Validator()
        let languages = (languages ?? [:]).compactMap { code, name -> (code: String, level: Int)? in
            guard let level = LanguageLevel(name: name) else {
                v.add("languages", .invalidLanguage)
                return nil
            }
            return (code, Int(level.rawValue))
        }.sorted { ($0.level, $1.code) > ($1.level, $0.code) }
        let from = Self.day("availableFrom", availableFrom, &v), until = Self.day("availableUntil", availableUntil, &v)
        guard v.isValid else { throw AppError.validation(v.errors) }
        return ExpertProfileService.Details(
            country: country ?? "", years: years, fields: fields ?? [], transferStatement: transferStatement ?? "",
            skills: (skills ?? [:]).sorted { $0.key < $1.key }.map { (id: $0.key, level: $0.value) }, languages: languages,
            hoursPerWeek: hoursPerWeek, availableFrom: from, availableUntil: until, capacity: capacity,
            proBono: proBono == true, workHours: workHours == true, publicCommunication: publicCommunication == true,
            valuesAlignment: valuesAlignment == true, motivation: motivation ?? "",
            countriesWorked: countriesWorked ?? [], regionsWorked: regionsWorked ?? [], sectors: sectors ?? [])
    }

    private static func day(_ field: String, _ text: String?, _ v: inout ExchangeCore.Validator) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = CalendarDay.parse(text) else {
            v.add(field, .invalidChoice)
            return nil
        }
        return day
    }
}

/// A whole expert profile with its last screening.
struct ExpertProfileDetailDTO: Content {
    let id: UUID
    let status: ParticipationStatus
    let fullName: String
    let organisation: String
    let country: String
    let years: Int?
    let fields: [String]
    let transferStatement: String
    let skills: [String: Int]
    let languages: [String: String]
    let countriesWorked: [String]
    let regionsWorked: [String]
    let sectors: [String]
    let hoursPerWeek: Int?
    let availableFrom: String?
    let availableUntil: String?
    let capacity: Int?
    let proBono: Bool
    let workHours: Bool
    let publicCommunication: Bool
    let valuesAlignment: Bool
    let motivation: String
    let screening: [ScreeningRowDTO]

    init(_ p: ExpertProfile) throws {
        id = try p.requireID()
        status = p.status
        fullName = p.fullName
        organisation = p.organisationName
        country = p.country
        years = p.years
        fields = p.experienceFields.map(\.rawValue).sorted()
        transferStatement = p.transferStatement ?? ""
        skills = Dictionary(p.skills.map { ($0.id, $0.level) }, uniquingKeysWith: max)
        languages = Dictionary(p.languages.map { ($0.code, $0.level.name) }, uniquingKeysWith: { a, _ in a })
        countriesWorked = p.countriesWorked.map(\.value)
        regionsWorked = p.regionsWorked.map(\.code).sorted()
        sectors = p.sectors.map(\.rawValue).sorted()
        hoursPerWeek = p.hoursPerWeek
        availableFrom = p.availableFrom.map(CalendarDay.text)
        availableUntil = p.availableUntil.map(CalendarDay.text)
        capacity = p.capacity
        proBono = p.proBono == true
        workHours = p.workHours == true
        publicCommunication = p.publicCommunication == true
        valuesAlignment = p.valuesAlignment == true
        motivation = p.motivation ?? ""
        screening = ScreeningRowDTO.rows(p.screening)
    }
}
