import ExchangeCore
import Foundation

/// The workspace of a running engagement: deliverables and milestones with their status, the meeting log with
/// action items, messages, documents, and the timeline from the audit log.
struct WorkPage: PageModel {
    static let template = "work"
    let titleKey = "work.title"

    struct ItemRow: Encodable, Sendable {
        let action: String?
        let kind: String
        let title: String
        let due: String
        let status: String
        let overdue: Bool
        let note: String
        let statuses: [Option]
    }

    struct ActionRow: Encodable, Sendable { let text: String; let owner: String; let due: String; let done: Bool; let overdue: Bool; let completeAction: String? }
    struct MeetingRow: Encodable, Sendable {
        let date: String; let attendees: String; let agenda: String; let decisions: String; let outcomes: String; let actions: [ActionRow]
    }
    struct MessageRow: Encodable, Sendable, Equatable { let author: String; let at: String; let body: String }
    struct DocumentRow: Encodable, Sendable, Equatable { let href: String; let name: String; let size: String; let by: String; let at: String }
    struct TimelineRow: Encodable, Sendable, Equatable { let at: String; let who: String; let what: String }

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

    /// `running`: the engagement runs and the reader may work in it; `actors` names the people behind timeline entries.
    init(match: MatchHeading, stage: EngagementStage, running: Bool, workspace: TrackingService.Workspace, actors: [String: String],
         today: CalendarDate, form: FormState, text: some Translating) throws {
        let id = match.id
        matchHref = match.href
        messageAction = WorkRoute.post.link(id)
        documentAction = WorkRoute.upload.link(id)
        needTitle = match.needTitle
        self.stage = text.t("engagement.stage.\(stage.rawValue)")
        self.running = running
        items = try workspace.items.map { item in
            ItemRow(action: running ? WorkRoute.updateItem.link(id, try item.requireID()) : nil,
                    kind: text.t("work.kind.\(item.kind.rawValue)"), title: item.title, due: text.day(stored: item.dueText),
                    status: text.t("work.status.\(item.status.rawValue)"),
                    overdue: item.status.isOpen && (item.due.map { $0 < today } ?? false), note: item.note,
                    statuses: Option.cases(WorkItemStatus.allCases, labels: "work.status", selected: item.status.rawValue, text))
        }
        meetings = try workspace.meetings.map { meeting in
            MeetingRow(date: text.day(stored: meeting.dateText), attendees: meeting.attendees, agenda: meeting.agenda, decisions: meeting.decisions,
                       outcomes: meeting.outcomes, actions: try meeting.actions.map { action in
                let open = action.doneAt == nil
                return ActionRow(text: action.text, owner: action.owner, due: text.day(stored: action.dueText), done: !open,
                                 overdue: open && (CalendarDate(action.dueText).map { $0 < today } ?? false),
                                 completeAction: running && open ? WorkRoute.completeAction.link(id, try action.requireID()) : nil)
            })
        }
        meetingHref = running ? WorkRoute.meetingForm.link(id) : nil
        messages = workspace.messages.map { MessageRow(author: $0.author.displayName, at: text.dateTime($0.postedAt), body: $0.body) }
        documents = try workspace.documents.map {
            DocumentRow(href: WorkRoute.download.link(id, try $0.requireID()), name: $0.filename,
                        size: text.fileSize($0.byteCount),
                        by: $0.uploader.displayName, at: text.day($0.uploadedAt))
        }
        timeline = workspace.timeline.map { entry in
            TimelineRow(at: text.dateTime(Date(timeIntervalSince1970: Double(entry.timestampMs) / 1000)),
                        who: actors[entry.actor] ?? text.t("work.actor.system"), what: Self.describe(entry.action, text))
        }
        maxMegabytes = DocumentFormat.maximumBytes / 1024 / 1024
        self.form = form
    }

    /// An audited action in words; one the catalogs do not name reads as itself.
    static func describe(_ action: String, _ text: some Translating) -> String {
        let key = "timeline." + action.replacingOccurrences(of: ".", with: "_")
        let words = text.t(key)
        return words == key ? action : words
    }
}
