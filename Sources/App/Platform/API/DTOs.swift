import ExchangeCore
import Foundation
import Vapor

/// What the API says about an organisation. Kept apart from the Fluent model so storage can change freely.
struct OrganisationDTO: Content {
    let id: UUID
    let kind: OrganisationKind
    let name: String
    let country: String
    let publicBodyType: PublicBodyType?
    let jurisdiction: Jurisdiction?
    let mandate: String?
    let legalBasis: String?
    let workingLanguages: [String]
    let sector: Sector?
    let identifier: String?

    init(_ o: Organisation) throws {
        id = try o.requireID()
        kind = o.kind
        name = o.name
        country = o.country
        publicBodyType = o.publicBodyType
        jurisdiction = o.jurisdiction
        mandate = o.mandate
        legalBasis = o.legalBasis
        workingLanguages = o.workingLanguages
        sector = o.sector
        identifier = o.identifier
    }
}

/// What a form or an API client sends to create or change an organisation.
struct OrganisationInput: Content {
    var kind: String?
    var name: String?
    var country: String?
    var publicBodyType: String?
    var jurisdiction: String?
    var mandate: String?
    var legalBasis: String?
    var workingLanguages: [String]?
    var sector: String?
    var identifier: String?

    var draft: OrganisationDraft {
        OrganisationDraft(kind: kind, name: name, country: country, publicBodyType: publicBodyType, jurisdiction: jurisdiction,
                          mandate: mandate, legalBasis: legalBasis, workingLanguages: workingLanguages ?? [], sector: sector, identifier: identifier)
    }
}

struct AccountDTO: Content {
    let id: UUID
    let displayName: String
    let email: String
    let role: Role
    let status: AccountStatus
    let organisationID: UUID?
    let preferredLanguage: SupportedLanguage?
    /// The IANA zone the person reads times in; absent: UTC.
    let timeZone: String?

    init(_ u: User) throws {
        id = try u.requireID()
        displayName = u.displayName
        email = u.email
        role = u.role
        status = u.status
        organisationID = u.$organisation.id
        preferredLanguage = u.preferredLanguage
        timeZone = u.timeZoneIdentifier
    }
}

struct NotificationDTO: Content {
    let id: UUID
    let message: String
    let link: String?
    let createdAt: Date
    let read: Bool
}

/// Every list answer: one page of items and where it sits in the whole.
struct PageDTO<Item: Content>: Content {
    let items: [Item]
    let page: Int
    let perPage: Int
    let total: Int
}

/// `?page=&perPage=` with bounds; bad values are a 400 naming the field.
struct PageRequest {
    let page: Int
    let perPage: Int

    static let maximum = 100

    init(_ req: Request) throws {
        let page = try req.query.get(Int?.self, at: "page") ?? 1
        let perPage = try req.query.get(Int?.self, at: "perPage") ?? 20
        var v = ExchangeCore.Validator()
        if !(1...Pager.lastPage).contains(page) { v.add("page", .invalidChoice) }
        if !(1...Self.maximum).contains(perPage) { v.add("perPage", .invalidChoice) }
        guard v.isValid else { throw AppError.validation(v.errors) }
        self.page = page
        self.perPage = perPage
    }

    var range: Range<Int> { ((page - 1) * perPage)..<(page * perPage) }
}

/// What a form or an API client sends for a need. Numbers and ids are read from text, so an empty
/// form field means "not given" rather than an unreadable request.
struct NeedInput: Content {
    var organisationID: String?
    var title: String?
    var problemStatement: String?
    var whyPrivateSector: String?
    var supportAreas: [Int]?
    var issueAreas: [String]?
    var requiredSkills: [String]?
    var preferredSkills: [String]?
    var languages: [String]?
    /// yyyy-MM-dd
    var preferredStart: String?
    var durationMonths: Int?
    var expectedOutputs: String?
    var dataAccess: String?
    var dataRules: String?
    /// Fields of experience hoped for (`ExperienceField` values other than "other").
    var fields: [String]?
    /// A `WorkSector` value; empty or absent means none in particular.
    var sector: String?
    /// Area → score 0–3 (the API's form of the self-assessment; pages send one field per area).
    var readiness: [String: Int]?

    var organisation: UUID? { organisationID.flatMap { UUID(uuidString: $0.trimmingWhitespace()) } }

    var draft: NeedDraft {
        NeedDraft(title: title ?? "", problemStatement: problemStatement ?? "", whyPrivateSector: whyPrivateSector ?? "",
                  supportAreas: supportAreas ?? [], issueAreas: issueAreas ?? [], requiredSkills: requiredSkills ?? [],
                  preferredSkills: preferredSkills ?? [], languages: languages ?? [],
                  preferredStart: preferredStart.flatMap(CalendarDay.parse), durationMonths: durationMonths,
                  expectedOutputs: expectedOutputs ?? "", dataAccess: dataAccess ?? "none", dataRules: dataRules ?? "",
                  fields: fields ?? [], sector: sector)
    }
}

/// One criterion of an automatic screening, as stored codes.
struct ScreeningRowDTO: Content {
    let criterion: String
    let outcome: String
    let reason: String

    static func rows(_ results: [ScreeningResult]) -> [ScreeningRowDTO] {
        results.map { ScreeningRowDTO(criterion: $0.criterion, outcome: $0.outcome, reason: $0.reason) }
    }
}
