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

    struct ItemRow: Encodable {
        let action: String?
        let kind: String
        let title: String
        let due: String
        let status: String
        let overdue: Bool
        let note: String
        let statuses: [Option]
    }

    struct ActionRow: Encodable { let text: String; let owner: String; let due: String; let done: Bool; let overdue: Bool; let completeAction: String? }
    struct MeetingRow: Encodable {
        let date: String; let attendees: String; let agenda: String; let decisions: String; let outcomes: String; let actions: [ActionRow]
    }
    struct MessageRow: Encodable { let author: String; let at: String; let body: String }
    struct DocumentRow: Encodable { let href: String; let name: String; let size: String; let by: String; let at: String }
    struct TimelineRow: Encodable { let at: String; let who: String; let what: String }

    struct WorkPage: Encodable {
        let matchHref: String
        let messageAction: String
        let documentAction: String
        let needTitle: String
        let stage: String
        let running: Bool
        let items: [ItemRow]
        let meetings: [MeetingRow]
        let meetingHref: String?
        let messages: [MessageRow]
        let documents: [DocumentRow]
        let timeline: [TimelineRow]
        let maxMegabytes: Int
        let form: FormState
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

    struct MeetingPage: Encodable {
        let workHref: String
        let needTitle: String
        let action: String
        let actions: [ActionFields]
        let form: FormState
    }

    @Sendable func meetingForm(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        return try await meetingPage(req, match, draft: MeetingDraft(date: CalendarDate(req.application.clock.now()).description), errors: [])
    }

    @Sendable func recordMeeting(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        let body = try req.content.decode([String: String].self)
        let draft = MeetingDraft(date: body["date"], attendees: body["attendees"], agenda: body["agenda"], decisions: body["decisions"],
                                 outcomes: body["outcomes"], actions: (0..<Self.actionRows).map {
                                     .init(description: body["action_description_\($0)"], owner: body["action_owner_\($0)"], due: body["action_due_\($0)"])
                                 })
        switch draft.validate(today: CalendarDate(req.application.clock.now())) {
        case .failure(let failure):
            return try await meetingPage(req, match, draft: draft, errors: Self.meetingFields.formErrors(failure.errors)).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let meeting):
            try await req.registry.tracking.record(meeting, on: match, by: try req.requireUser())
            req.flash("work.meeting_recorded")
            return req.redirect(to: WorkRoute.show.link(try match.engagement.requireID()))
        }
    }

    static let actionRows = 5

    struct ActionFields: Encodable {
        let number: Int
        let description: TermsForm.Input
        let owner: TermsForm.Input
        let due: TermsForm.Input
    }

    /// The meeting form's names for the action rows the domain reports as `actions[0].due`.
    static let meetingFields = FormFieldMap(rows: ["actions": ["description": "action_description", "owner": "action_owner", "due": "action_due"]])

    private func meetingPage(_ req: Request, _ match: ProposedMatches.Loaded, draft: MeetingDraft, errors: [FieldError]) async throws -> View {
        let values = ["date": draft.date ?? "", "attendees": draft.attendees ?? "", "agenda": draft.agenda ?? "",
                      "decisions": draft.decisions ?? "", "outcomes": draft.outcomes ?? ""]
        let form = FormState(values: values, errors: errors, on: req)
        let rows = (0..<Self.actionRows).map { i in
            let row = draft.actions.indices.contains(i) ? draft.actions[i] : .init()
            let input = { (id: String, value: String?) in
                TermsForm.Input(id: id, value: value ?? "", error: form.errors[id], label: TermsFormLabels.label(id, req))
            }
            return ActionFields(number: i + 1, description: input("action_description_\(i)", row.description),
                                owner: input("action_owner_\(i)", row.owner), due: input("action_due_\(i)", row.due))
        }
        return try await req.page("meeting_form", title: "work.meeting_title", MeetingPage(
            workHref: WorkRoute.show.link(try match.engagement.requireID()), needTitle: match.need.title, action: WorkRoute.recordMeeting.link(match.engagement.requireID()),
            actions: rows, form: form))
    }
    private func page(_ req: Request, _ match: ProposedMatches.Loaded, form: FormState) async throws -> View {
        let id = try match.engagement.requireID()
        let principal = req.principal!
        let staff = principal.role.managesProgramme
        let running = [.active, .closing].contains(match.engagement.stage)
            && AccessPolicy.decide(principal, .update, match.protected.work).isAllowed
        let workspace = try await req.registry.tracking.workspace(match, staff: staff)
        let today = CalendarDate(req.application.clock.now())
        let actors = try await names(workspace.timeline, req)
        return try await req.page("work", title: "work.title", WorkPage(
            matchHref: MatchRoute.show.link(id), messageAction: WorkRoute.post.link(id), documentAction: WorkRoute.upload.link(id),
            needTitle: match.need.title, stage: req.t("engagement.stage.\(match.engagement.stage.rawValue)"),
            running: running,
            items: workspace.items.map { item in
                ItemRow(action: running ? WorkRoute.updateItem.link(id, try item.requireID()) : nil,
                        kind: req.t("work.kind.\(item.kind.rawValue)"), title: item.title, due: item.dueText,
                        status: req.t("work.status.\(item.status.rawValue)"),
                        overdue: item.status.isOpen && (item.due.map { $0 < today } ?? false), note: item.note,
                        statuses: Option.cases(WorkItemStatus.allCases, labels: "work.status", selected: item.status.rawValue, req))
            },
            meetings: try workspace.meetings.map { meeting in
                MeetingRow(date: meeting.dateText, attendees: meeting.attendees, agenda: meeting.agenda, decisions: meeting.decisions,
                           outcomes: meeting.outcomes, actions: try meeting.actions.map { action in
                    let overdue = action.doneAt == nil && (CalendarDate(action.dueText).map { $0 < today } ?? false)
                    return ActionRow(text: action.text, owner: action.owner, due: action.dueText, done: action.doneAt != nil, overdue: overdue,
                                     completeAction: running && action.doneAt == nil
                                        ? WorkRoute.completeAction.link(id, try action.requireID()) : nil)
                })
            },
            meetingHref: running ? WorkRoute.meetingForm.link(id) : nil,
            messages: workspace.messages.map { MessageRow(author: $0.author.displayName, at: $0.postedAt.formatted(.iso8601), body: $0.body) },
            documents: workspace.documents.map {
                DocumentRow(href: WorkRoute.download.link(id, try $0.requireID()), name: $0.filename,
                            size: ByteCountFormatter.string(fromByteCount: Int64($0.byteCount), countStyle: .file),
                            by: $0.uploader.displayName, at: CalendarDay.text($0.uploadedAt))
            },
            timeline: workspace.timeline.map { entry in
                TimelineRow(at: Date(timeIntervalSince1970: Double(entry.timestampMs) / 1000).formatted(.iso8601),
                            who: actors[entry.actor] ?? req.t("work.actor.system"), what: Self.describe(entry.action, req))
            },
            maxMegabytes: DocumentFormat.maximumBytes / 1024 / 1024,
            form: form))
    }

    /// Names of the people behind timeline entries; the platform's own steps read as "the platform".
    private func names(_ entries: [AuditEntryRecord], _ req: Request) async throws -> [String: String] {
        let ids = Set(entries.compactMap { $0.actor.hasPrefix("user:") ? UUID(uuidString: String($0.actor.dropFirst(5))) : nil })
        guard !ids.isEmpty else { return [:] }
        let users = try await User.query(on: req.db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: try users.map { ("user:\(try $0.requireID().uuidString.lowercased())", $0.displayName) })
    }

    static func describe(_ action: String, _ req: Request) -> String {
        let key = "timeline." + action.replacingOccurrences(of: ".", with: "_")
        let text = req.t(key)
        return text == key ? action : text
    }
}
