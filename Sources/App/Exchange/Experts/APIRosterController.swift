import ExchangeCore
import Fluent
import Vapor

/// Roster imports and the expert directory over JSON, for programme staff.
struct APIRosterController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIRosterRoute.importRoster, use: importRoster)
        routes.on(APIRosterRoute.experts, use: experts)
    }

    struct ImportInput: Content {
        /// The roster's CSV or TSV text.
        var csv: String
        /// Column (0-based) per field; omitted means the suggestion from the header.
        var mapping: [String: Int]?
        var dryRun: Bool?
        var skipFlagged: Bool?
    }

    struct ProblemDTO: Content {
        let line: Int
        let blocking: Bool
        let message: String
    }

    /// Lines that name one person, imported once.
    struct MergeDTO: Content {
        let lines: [Int]
        let name: String
        let message: String
    }

    struct ImportReport: Content {
        let dryRun: Bool
        let rows: Int
        let experts: Int
        let mergedLines: Int
        let merges: [MergeDTO]
        /// The counts in one sentence, in the caller's language.
        let summary: String
        let flaggedLines: [Int]
        let mapping: [String: Int]
        let problems: [ProblemDTO]
        let imported: [ExpertProfileDTO]
    }

    @Sendable func importRoster(req: Request) async throws -> Response {
        try req.authorize(.create, .expertDirectory)
        let input = try req.content.decode(ImportInput.self)
        var mapping: RosterMapping?
        if let raw = input.mapping {
            var columns: [RosterField: Int] = [:]
            for (name, column) in raw {
                guard let field = RosterField(rawValue: name), column >= 0 else {
                    throw AppError.validation([FieldError("mapping", .invalidChoice)])
                }
                columns[field] = column
            }
            mapping = RosterMapping(columns: columns)
        }
        let preview: RosterImportService.Preview
        do {
            preview = try await req.registry.roster.preview(input.csv, mapping: mapping)
        } catch RosterImportService.Refusal.unreadable {
            throw AppError.validation([FieldError("csv", .unreadableFile)])
        }
        var imported: [ExpertProfile] = []
        if input.dryRun != true {
            do {
                imported = try await req.registry.roster.apply(preview, skippingFlagged: input.skipFlagged == true, actor: .user(req.requireUser().requireID()))
            } catch RosterImportService.Refusal.blocked(let plan) {
                throw AppError.validationMessages(plan.blockingProblems.map {
                    (field: "line \($0.line)", reason: $0.message(req))
                })
            }
        }
        let plan = preview.plan
        let report = ImportReport(
            dryRun: input.dryRun == true, rows: preview.table.records.count, experts: plan.experts.count, mergedLines: plan.mergedLines,
            merges: plan.merges.map { MergeDTO(lines: $0.lines, name: $0.name, message: $0.message(req)) },
            summary: plan.summary(rows: preview.table.records.count, req),
            flaggedLines: plan.flaggedLines.sorted(),
            mapping: Dictionary(uniqueKeysWithValues: preview.mapping.columns.map { ($0.key.rawValue, $0.value) }),
            problems: plan.problems.map { ProblemDTO(line: $0.line, blocking: $0.isBlocking, message: $0.message(req)) },
            imported: try imported.map(ExpertProfileDTO.init))
        return try await report.encodeResponse(status: imported.isEmpty ? .ok : .created, for: req)
    }

    @Sendable func experts(req: Request) async throws -> PageDTO<ExpertProfileDTO> {
        try req.authorize(.list, .expertDirectory)
        let paging = try PageRequest(req)
        let total = try await ExpertProfile.query(on: req.db).count()
        let items = try await ExpertProfile.query(on: req.db).sort(\.$fullName).range(paging.range).all().map(ExpertProfileDTO.init)
        return PageDTO(items: items, page: paging.page, perPage: paging.perPage, total: total)
    }
}

struct ExpertProfileDTO: Content {
    let id: UUID
    let fullName: String
    let email: String?
    let organisation: String
    let country: String
    let areas: [String]
    let status: ParticipationStatus

    init(_ p: ExpertProfile) throws {
        id = try p.requireID()
        fullName = p.fullName
        email = p.email
        organisation = p.organisationName
        country = p.country
        areas = p.areas
        status = p.status
    }
}
