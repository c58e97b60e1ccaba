import ExchangeCore
import Vapor

/// An engagement's tracking over JSON: the workspace, work item status, meetings, action items, messages and
/// documents, with the rules and errors of the pages.
struct APIWorkController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIWorkRoute.workspace, use: workspace)
        routes.on(APIWorkRoute.updateItem, use: updateItem)
        routes.on(APIWorkRoute.completeAction, use: completeAction)
        routes.on(APIWorkRoute.recordMeeting, use: recordMeeting)
        routes.on(APIWorkRoute.post, use: post)
        routes.on(APIWorkRoute.upload, use: upload)
        routes.on(APIWorkRoute.download, use: download)
    }

    struct WorkspaceDTO: Content {
        struct Item: Content { let id: UUID; let kind: String; let title: String; let due: String; let goal: Int?; let status: String; let note: String }
        struct Action: Content { let id: UUID; let description: String; let owner: String; let due: String; let done: Bool }
        struct Meeting: Content {
            let id: UUID; let date: String; let attendees: String; let agenda: String; let decisions: String; let outcomes: String; let actions: [Action]
        }
        struct Message: Content { let author: String; let body: String; let postedAt: Date }
        struct Document: Content { let id: UUID; let filename: String; let format: String; let bytes: Int; let sha256: String; let uploadedAt: Date }
        struct Event: Content { let at: Date; let actor: String; let action: String }

        let stage: String
        let items: [Item]
        let meetings: [Meeting]
        let messages: [Message]
        let documents: [Document]
        let timeline: [Event]
    }

    struct ItemUpdateInput: Content { var status: String?; var note: String? }
    struct MessageInput: Content { var body: String? }

    struct MeetingInput: Content {
        struct Action: Content { var description: String?; var owner: String?; var due: String? }
        var date: String?
        var attendees: String?
        var agenda: String?
        var decisions: String?
        var outcomes: String?
        var actions: [Action]?
    }

    @Sendable func workspace(req: Request) async throws -> WorkspaceDTO {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        return try await dto(req, match)
    }

    @Sendable func updateItem(req: Request) async throws -> WorkspaceDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        let input = try req.content.decode(ItemUpdateInput.self)
        let (change, errors) = WorkItemUpdate.parse(status: input.status, note: input.note)
        guard let change else { throw AppError.validation(errors) }
        try await req.registry.tracking.update(try req.uuidParameter("item"), change, on: match, by: try req.requireUser())
        return try await dto(req, match)
    }

    @Sendable func completeAction(req: Request) async throws -> WorkspaceDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        try await req.registry.tracking.complete(try req.uuidParameter("action"), on: match, by: try req.requireUser())
        return try await dto(req, match)
    }

    @Sendable func recordMeeting(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        let input = try req.content.decode(MeetingInput.self)
        let draft = MeetingDraft(date: input.date, attendees: input.attendees, agenda: input.agenda, decisions: input.decisions,
                                 outcomes: input.outcomes,
                                 actions: (input.actions ?? []).map { .init(description: $0.description, owner: $0.owner, due: $0.due) })
        switch draft.validate(today: CalendarDate(req.application.clock.now())) {
        case .failure(let failure): throw AppError.validation(failure.errors)
        case .success(let meeting): try await req.registry.tracking.record(meeting, on: match, by: try req.requireUser())
        }
        return try await dto(req, match).encodeResponse(status: .created, for: req)
    }

    @Sendable func post(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        try await req.registry.tracking.post(try req.content.decode(MessageInput.self).body ?? "", on: match, by: try req.requireUser())
        return try await dto(req, match).encodeResponse(status: .created, for: req)
    }

    /// The file's bytes as the body; its name in `?filename=`.
    @Sendable func upload(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        guard let filename = req.query[String.self, at: "filename"], !filename.isEmpty else {
            throw AppError.validation([FieldError("filename", .required)])
        }
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        let document = try await req.registry.tracking.upload(filename: filename, bytes: bytes, on: match, by: try req.requireUser())
        return try await WorkspaceDTO.Document(id: document.requireID(), filename: document.filename, format: document.format.rawValue,
                                               bytes: document.byteCount, sha256: document.sha256, uploadedAt: document.uploadedAt)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        let (document, data) = try await req.registry.tracking.document(try req.uuidParameter("document"), of: match)
        return req.attachment(data, contentType: document.format.contentType, filename: document.filename)
    }


    private func dto(_ req: Request, _ match: ProposedMatches.Loaded) async throws -> WorkspaceDTO {
        let w = try await req.registry.tracking.workspace(match, staff: req.principal!.role.managesProgramme)
        return WorkspaceDTO(
            stage: match.engagement.stage.rawValue,
            items: try w.items.map { .init(id: try $0.requireID(), kind: $0.kind.rawValue, title: $0.title, due: $0.dueText, goal: $0.goal, status: $0.status.rawValue, note: $0.note) },
            meetings: try w.meetings.map { m in
                .init(id: try m.requireID(), date: m.dateText, attendees: m.attendees, agenda: m.agenda, decisions: m.decisions, outcomes: m.outcomes,
                      actions: try m.actions.map { .init(id: try $0.requireID(), description: $0.text, owner: $0.owner, due: $0.dueText, done: $0.doneAt != nil) })
            },
            messages: w.messages.map { .init(author: $0.author.displayName, body: $0.body, postedAt: $0.postedAt) },
            documents: try w.documents.map {
                .init(id: try $0.requireID(), filename: $0.filename, format: $0.format.rawValue, bytes: $0.byteCount, sha256: $0.sha256, uploadedAt: $0.uploadedAt)
            },
            timeline: w.timeline.map { .init(at: Date(timeIntervalSince1970: Double($0.timestampMs) / 1000), actor: $0.actor, action: $0.action) })
    }
}
