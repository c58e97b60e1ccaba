import Crypto
import ExchangeCore
import Fluent
import Foundation
import Vapor

/// The running engagement: the work its Terms plan, the meeting log, messages, documents and the timeline. Every
/// change is audited and counts as activity for the inactivity reminder.
struct TrackingService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer
    let documents: DocumentStore

    struct Workspace {
        let items: [WorkItem]
        /// Newest first, each with its action items.
        let meetings: [Meeting]
        let messages: [EngagementMessage]
        let documents: [EngagementDocument]
        let timeline: [AuditEntryRecord]
    }

    /// Actions the parties see on the timeline; staff see every action on the engagement, including who reported
    /// a marketing concern, which the parties must never see.
    static let partyTimeline = ["evaluation.", "report.", "publication.", "engagement.", "terms.", "work_item.", "meeting.", "action_item.", "message.", "document."]

    func workspace(_ match: ProposedMatches.Loaded, staff: Bool) async throws -> Workspace {
        let id = try match.engagement.requireID()
        let entries = try await AuditEntryRecord.query(on: db).filter(\.$subjectType == "engagement")
            .filter(\.$subjectID == id.uuidString.lowercased()).sort(\.$id, .descending).all()
        return Workspace(
            items: try await WorkItem.query(on: db).filter(\.$engagement.$id == id).sort(\.$position).all(),
            meetings: try await Meeting.query(on: db).filter(\.$engagement.$id == id).with(\.$actions)
                .sort(\.$dateText, .descending).sort(\.$recordedAt, .descending).all(),
            messages: try await EngagementMessage.query(on: db).filter(\.$engagement.$id == id).with(\.$author).sort(\.$postedAt).all(),
            documents: try await EngagementDocument.query(on: db).filter(\.$engagement.$id == id).with(\.$uploader)
                .sort(\.$uploadedAt, .descending).all(),
            timeline: staff ? entries : entries.filter { entry in Self.partyTimeline.contains { entry.action.hasPrefix($0) } })
    }

    /// The signed Terms' deliverables and milestones become the work to track, when the engagement starts.
    static func plan(_ terms: TermsOfReference, for engagement: Engagement, on db: Database, now: Date) async throws {
        for (position, planned) in PlannedWorkItem.plan(terms).enumerated() {
            try await WorkItem(engagementID: engagement.requireID(), planned: planned, position: position, now: now).create(on: db)
        }
        engagement.lastActivityAt = now
        try await engagement.save(on: db)
    }

    /// A milestone reached re-checks conflicts, as every milestone must.
    func update(_ itemID: UUID, _ change: WorkItemUpdate, on match: ProposedMatches.Loaded, by user: User) async throws {
        guard let item = try await WorkItem.query(on: db).filter(\.$id == itemID).filter(\.$engagement.$id == match.engagement.requireID()).first()
        else { throw AppError.notFound }
        let updated: Void? = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            try await requireRunning(match, on: scope.db)
            // The same update twice records nothing new.
            let stored = try await item.stored(on: scope.db)
            guard stored.status != change.status || stored.note != change.note else { throw AuditLogService.NothingToChange() }
            item.status = change.status
            item.note = change.note
            item.updatedAt = clock.now()
            try await item.save(on: scope.db)
            try await scope.record(.workItemUpdate, .engagement(match.engagement.requireID()), reason: change.note,
                                   changes: ["item": item.title, "kind": item.kind.rawValue, "status": change.status.rawValue])
            try await touch(match, on: scope.db)
        }
        if updated != nil, item.kind == .milestone, change.status == .done {
            try await DueDiligenceService(db: db, audit: audit, clock: clock, mailer: mailer).recheck(match, trigger: "milestone")
        }
    }

    func record(_ meeting: MeetingRecord, on match: ProposedMatches.Loaded, by user: User) async throws {
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            try await requireRunning(match, on: scope.db)
            let row = try Meeting(engagementID: match.engagement.requireID(), record: meeting, by: user.requireID(), now: clock.now())
            try await row.create(on: scope.db)
            for action in meeting.actions {
                try await ActionItem(meetingID: row.requireID(), engagementID: match.engagement.requireID(), item: action).create(on: scope.db)
            }
            // Minutes may name people; the log keeps the date and how many actions were agreed.
            try await scope.record(.meetingRecord, .engagement(match.engagement.requireID()),
                                   changes: ["date": meeting.date.description, "actions": String(meeting.actions.count)])
            try await touch(match, on: scope.db)
            try await EngagementParties.tell(try await others(match, than: user, on: scope.db), "meeting_recorded",
                                             localised: { [match.need.title, $0.day(meeting.date)] },
                                             link: WorkRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
        }
    }

    func complete(_ actionID: UUID, on match: ProposedMatches.Loaded, by user: User) async throws {
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            try await requireRunning(match, on: scope.db)
            guard let action = try await ActionItem.query(on: scope.db).filter(\.$id == actionID)
                .filter(\.$engagementID == (try match.engagement.requireID())).first() else { throw AppError.notFound }
            guard action.doneAt == nil else { throw AppError.conflict(code: "action_already_done") }
            action.doneAt = clock.now()
            try await action.save(on: scope.db)
            try await scope.record(.actionItemComplete, .engagement(match.engagement.requireID()), changes: ["action": action.text])
            try await touch(match, on: scope.db)
        }
    }

    func post(_ body: String, on match: ProposedMatches.Loaded, by user: User) async throws {
        let text = body.trimmingWhitespace()
        guard !text.isEmpty else { throw AppError.validation([FieldError("body", .required)]) }
        guard text.count <= 4000 else { throw AppError.validation([FieldError("body", .tooLong)]) }
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            try await requireRunning(match, on: scope.db)
            try await EngagementMessage(engagementID: match.engagement.requireID(), author: user.requireID(), body: text, now: clock.now()).create(on: scope.db)
            // The text stays in the engagement; the log notes that a message was posted.
            try await scope.record(.messagePost, .engagement(match.engagement.requireID()))
            try await touch(match, on: scope.db)
            try await EngagementParties.tell(try await others(match, than: user, on: scope.db), "engagement_message",
                                             arguments: [match.need.title, user.displayName],
                                             link: WorkRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
        }
    }

    func upload(filename: String, bytes: [UInt8], on match: ProposedMatches.Loaded, by user: User) async throws -> EngagementDocument {
        try await requireRunning(match, on: db)  // before the file is written; decided again with the row
        let format: DocumentFormat
        do {
            format = try DocumentFormat.check(filename: filename, bytes: bytes)
        } catch {
            throw AppError.validation([FieldError("file", error == .tooLarge ? .fileTooLarge : error == .empty ? .required : .unsupportedFile)])
        }
        let document = EngagementDocument()
        document.id = UUID()
        document.$engagement.id = try match.engagement.requireID()
        document.filename = String(filename.split(separator: "/").last ?? "document").prefix(200).description
        document.format = format
        document.byteCount = bytes.count
        document.sha256 = SHA256.hash(data: bytes).hex
        document.$uploader.id = try user.requireID()
        document.uploadedAt = clock.now()
        try await documents.write(bytes, for: document)
        do {
            try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
                try await requireRunning(match, on: scope.db)
                try await document.create(on: scope.db)
                try await scope.record(.documentUpload, .engagement(match.engagement.requireID()),
                                       changes: ["document": try document.requireID().uuidString.lowercased(), "format": format.rawValue,
                                                 "bytes": String(bytes.count), "sha256": document.sha256])
                try await touch(match, on: scope.db)
            }
        } catch {
            // A file without its row would never be served; nothing is half-kept.
            try? await documents.remove(document)
            throw error
        }
        return document
    }

    func document(_ id: UUID, of match: ProposedMatches.Loaded) async throws -> (EngagementDocument, Data) {
        guard let document = try await EngagementDocument.query(on: db).filter(\.$id == id)
            .filter(\.$engagement.$id == (try match.engagement.requireID())).first() else { throw AppError.notFound }
        return (document, try await documents.read(document))
    }

    /// Tracking happens while the engagement runs; before the start and after closing it is read-only. Decided on
    /// the stage as stored, so nothing is added to an engagement closed meanwhile.
    private func requireRunning(_ match: ProposedMatches.Loaded, on db: Database) async throws {
        try await match.engagement.reloadState(on: db)
        guard [.active, .closing].contains(match.engagement.stage) else { throw AppError.conflict(code: "engagement_not_running") }
    }

    private func touch(_ match: ProposedMatches.Loaded, on db: Database) async throws {
        match.engagement.lastActivityAt = clock.now()
        try await match.engagement.save(on: db)
    }

    /// Everyone in the engagement but the person acting: both parties and the coordinators.
    private func others(_ match: ProposedMatches.Loaded, than user: User, on db: Database) async throws -> [User] {
        try await EngagementParties.everyone(of: match.need, match.expert, on: db).filter { $0.id != user.id }
    }
}

/// Engagement documents on disk, one file per row, under DATA_DIR/documents/<engagement>/.
struct DocumentStore: Sendable {
    let root: URL
    let threadPool: NIOThreadPool

    private func url(_ document: EngagementDocument) throws -> URL {
        try root.appendingPathComponent(document.$engagement.id.uuidString.lowercased())
            .appendingPathComponent(document.requireID().uuidString.lowercased())
    }

    func write(_ bytes: [UInt8], for document: EngagementDocument) async throws {
        let target = try url(document)
        try await threadPool.runIfActive {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: target, options: .atomic)
        }
    }

    func read(_ document: EngagementDocument) async throws -> Data {
        let source = try url(document)
        return try await threadPool.runIfActive { try Data(contentsOf: source) }
    }

    func remove(_ document: EngagementDocument) async throws {
        let target = try url(document)
        try await threadPool.runIfActive { try FileManager.default.removeItem(at: target) }
    }
}

extension Application {
    var documentStore: DocumentStore {
        DocumentStore(root: URL(fileURLWithPath: configuration.dataDirectory).appendingPathComponent("documents"), threadPool: threadPool)
    }
}
