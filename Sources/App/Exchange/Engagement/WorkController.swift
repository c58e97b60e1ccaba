import ExchangeCore
import Fluent
import Vapor

/// The workspace of a running engagement: deliverables and milestones with their status, the meeting log with
/// action items, messages, documents, and the timeline from the audit log.
struct WorkController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(WorkRoute.show, use: show)
        routes.on(WorkRoute.updateItem, use: updateItem)
        routes.on(WorkRoute.completeAction, use: completeAction)
        routes.on(WorkRoute.meetingForm, use: meetingForm)
        routes.on(WorkRoute.recordMeeting, use: recordMeeting)
        routes.on(WorkRoute.post, use: post)
        routes.on(WorkRoute.upload, use: upload)
        routes.on(WorkRoute.download, use: download)
    }

    @Sendable func show(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        return try await page(req, match, form: FormState())
    }

    @Sendable func updateItem(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        struct Form: Content { var status: String?; var note: String? }
        let form = try req.content.decode(Form.self)
        let (change, errors) = WorkItemUpdate.parse(status: form.status, note: form.note)
        guard let change else {
            return try await page(req, match, form: FormState(values: [:], errors: errors, on: req)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.registry.tracking.update(try req.uuidParameter("item"), change, on: match, by: try req.requireUser())
        req.flash("work.item_updated")
        return req.redirect(to: WorkRoute.show.link(try match.engagement.requireID()))
    }

    @Sendable func completeAction(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        try await req.registry.tracking.complete(try req.uuidParameter("action"), on: match, by: try req.requireUser())
        req.flash("work.action_done")
        return req.redirect(to: WorkRoute.show.link(try match.engagement.requireID()))
    }

    @Sendable func post(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        struct Form: Content { var body: String? }
        let body = try req.content.decode(Form.self).body ?? ""
        return try await req.formAgainIfInvalid {
            try await req.registry.tracking.post(body, on: match, by: try req.requireUser())
            req.flash("work.message_posted")
            return req.redirect(to: WorkRoute.show.link(try match.engagement.requireID()) + "#messages-heading")
        } form: { errors in
            try await page(req, match, form: FormState(values: ["body": body], errors: errors, on: req))
        }
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        struct Form: Content { var file: File? }
        let file = try req.content.decode(Form.self).file
        return try await req.formAgainIfInvalid {
            guard let file, file.data.readableBytes > 0 else { throw AppError.validation([FieldError("file", .required)]) }
            _ = try await req.registry.tracking.upload(filename: file.filename, bytes: Array(file.data.readableBytesView), on: match, by: try req.requireUser())
            req.flash("work.document_uploaded")
            return req.redirect(to: WorkRoute.show.link(try match.engagement.requireID()) + "#documents-heading")
        } form: { errors in
            try await page(req, match, form: FormState(values: [:], errors: errors, on: req))
        }
    }

    @Sendable func download(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        let (document, data) = try await req.registry.tracking.document(try req.uuidParameter("document"), of: match)
        return req.attachment(data, contentType: document.format.contentType, filename: document.filename)
    }

    // MARK: - Meetings

    @Sendable func meetingForm(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        return try await meetingPage(req, match, draft: MeetingDraft(date: CalendarDate(req.application.clock.now()).description), errors: [])
    }

    @Sendable func recordMeeting(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        let body = try req.content.decode([String: String].self)
        let draft = MeetingDraft(date: body["date"], attendees: body["attendees"], agenda: body["agenda"], decisions: body["decisions"],
                                 outcomes: body["outcomes"], actions: (0..<MeetingFormPage.actionRows).map {
                                     .init(description: body["action_description_\($0)"], owner: body["action_owner_\($0)"], due: body["action_due_\($0)"])
                                 })
        switch draft.validate(today: CalendarDate(req.application.clock.now())) {
        case .failure(let failure):
            return try await meetingPage(req, match, draft: draft, errors: MeetingFormPage.fields.formErrors(failure.errors))
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let meeting):
            try await req.registry.tracking.record(meeting, on: match, by: try req.requireUser())
            req.flash("work.meeting_recorded")
            return req.redirect(to: WorkRoute.show.link(try match.engagement.requireID()))
        }
    }

    private func meetingPage(_ req: Request, _ match: ProposedMatches.Loaded, draft: MeetingDraft, errors: [FieldError]) async throws -> View {
        try await req.page(MeetingFormPage(match: try match.heading, draft: draft, errors: errors, text: req))
    }

    private func page(_ req: Request, _ match: ProposedMatches.Loaded, form: FormState) async throws -> View {
        let principal = req.principal!
        let running = [.active, .closing].contains(match.engagement.stage)
            && AccessPolicy.decide(principal, .update, match.protected.work).isAllowed
        let workspace = try await req.registry.tracking.workspace(match, staff: principal.role.managesProgramme)
        return try await req.page(try WorkPage(
            match: try match.heading, stage: match.engagement.stage, running: running, workspace: workspace,
            actors: try await names(workspace.timeline, req), today: CalendarDate(req.application.clock.now()), form: form, text: req))
    }

    /// Names of the people behind timeline entries; the platform's own steps read as "the platform".
    private func names(_ entries: [AuditEntryRecord], _ req: Request) async throws -> [String: String] {
        let ids = Set(entries.compactMap { $0.actor.hasPrefix("user:") ? UUID(uuidString: String($0.actor.dropFirst(5))) : nil })
        guard !ids.isEmpty else { return [:] }
        let users = try await User.query(on: req.db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: try users.map { ("user:\(try $0.requireID().uuidString.lowercased())", $0.displayName) })
    }
}
