import Crypto
import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// A reader forwards a redacted copy of a report to another organisation: the answers they choose, sealed under a
/// fresh key wrapped for that organisation's readers only, with a note. The new readers read the copy and nothing
/// else; an organisation the report's answers exclude can never be sent one. Audited and announced by mail.
struct ReportForwardingService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let intake: ReportIntakeService
    let notice: ReportNotice

    /// What the form needs: the opened report, its questionnaire, and the organisations it may go to.
    struct Draft: Sendable {
        let thread: ReportThread
        let context: ReportContext
        let questionnaire: ReportQuestionnaire
        let targets: [Organisation]
    }

    /// A copy opened for one of its readers.
    struct Opened: Sendable {
        let copy: RedactedCopy
        let title: LocalizedText
        let questionnaire: ReportQuestionnaire
        let from: String
        let forwardedOn: Date
    }

    /// A copy as the original's readers see it listed: where it went and when, without opening it.
    struct Sent: Sendable, Equatable {
        let organisation: String
        let forwardedOn: Date
        let withheld: Int
    }

    func draft(_ reportID: UUID, as user: User, privateKey: Curve25519.KeyAgreement.PrivateKey) async throws -> Draft {
        let thread = try await intake.read(reportID, as: user, privateKey: privateKey)
        let (context, questionnaire) = try await intake.questionnaire(of: reportID)
        // Never an organisation the answers exclude, nor one whose readers hold the report already (the sender's own).
        let closed = Self.excluded(context, questionnaire, thread.answers).union(try await Self.holding(reportID, on: db))
        let targets = try await Self.organisationsWithReaders(on: db).filter { !closed.contains($0.id ?? UUID()) }
        return Draft(thread: thread, context: context, questionnaire: questionnaire, targets: targets)
    }

    /// Forwards the chosen answers to `organisationID`. `forwardID` comes from the form, so the same form sent twice
    /// makes one copy.
    func forward(_ reportID: UUID, to organisationID: UUID?, keeping kept: Set<String>, note raw: String, forwardID: UUID, as user: User,
                 privateKey: Curve25519.KeyAgreement.PrivateKey) async throws {
        let draft = try await self.draft(reportID, as: user, privateKey: privateKey)
        try await send(draft, to: organisationID, keeping: kept, note: raw, forwardID: forwardID, as: user)
    }

    /// Seals and stores the copy of a report opened earlier (`draft`): whether its sender still reads the report is
    /// decided again inside the transaction.
    func send(_ draft: Draft, to organisationID: UUID?, keeping kept: Set<String>, note raw: String, forwardID: UUID, as user: User) async throws {
        let reportID = draft.thread.reportID
        let order = draft.questionnaire.reportFields.map(\.field.id)
        let copy = RedactedCopy(answers: draft.thread.answers, keeping: kept, order: order, note: raw.trimmingWhitespace())
        try Self.check(copy, to: organisationID, keeping: kept, answered: Set(draft.thread.answers.keys))
        guard let organisationID else { throw AppError.validation([FieldError("organisation", .required)]) }
        guard !Self.excluded(draft.context, draft.questionnaire, draft.thread.answers).contains(organisationID) else {
            throw AppError.conflict(code: "report_forward_excluded")
        }
        // Only the organisations offered: never one that holds the report already, the sender's own included.
        guard draft.targets.contains(where: { $0.id == organisationID }) else { throw AppError.validation([FieldError("organisation", .invalidChoice)]) }
        let key = ReportKey(reportID: ReportForward.scope(reportID: reportID, forwardID: forwardID))
        let sealed = try key.seal(json: copy, item: RedactedCopy.item)
        let sender = try user.requireID()
        _ = try await audit.transactionIfChanged(on: db, actor: .user(sender)) { scope in
            // The form's id decides between two sendings of one form; the sender's key, read now, whether they
            // still read the report (a recusal meanwhile ends that).
            if try await ReportForward.find(forwardID, on: scope.db) != nil { throw AuditLogService.NothingToChange() }
            guard try await ReportReaderKey.query(on: scope.db).filter(\.$report.$id == reportID)
                .filter(\.$readerID == RecipientKeyService.readerID(sender)).count() > 0 else { throw AppError.notFound }
            let members = try await Self.readers(of: organisationID, for: reportID, on: scope.db)
            // A declared conflict that the copy's answers name keeps its holder from the copy too.
            let conflicted = try await ReaderConflictService.conflicted(members.map(\.$user.id), answers: copy.answers, on: scope.db)
            let readers = members.filter { !conflicted.contains($0.$user.id) }
            guard !readers.isEmpty else { throw AppError.conflict(code: "report_no_recipients") }
            let forward = ReportForward()
            forward.id = forwardID
            (forward.$report.id, forward.$organisation.id, forward.$forwardedBy.id) = (reportID, organisationID, sender)
            (forward.sealed, forward.withheld, forward.forwardedOn) = (sealed, copy.withheld.count, clock.now().day)
            try await forward.create(on: scope.db)
            for reader in readers {
                let wrapped = try WrappedKey(key, for: RecipientKeyService.readerID(reader.$user.id), publicKey: try reader.keyring.agreementKey)
                try await ReportForwardKey(forwardID: forwardID, wrapped).create(on: scope.db)
            }
            try await notice.forwarded(forwardID, to: try readers.map { try $0.joined(User.self) }, on: scope.db)
            try await scope.record(.reportForward, .report(reportID), reason: copy.note,
                                   changes: ["organisation": organisationID.uuidString.lowercased(), "withheld": String(copy.withheld.count),
                                             "readers": String(readers.count)])
            return forwardID
        }
    }

    /// The copies wrapped for `user`, newest first.
    func received(by user: User) async throws -> [ReportForward] {
        let mine = try await ReportForwardKey.query(on: db).filter(\.$readerID == RecipientKeyService.readerID(user.requireID())).all().map(\.$forward.id)
        return try await ReportForward.query(on: db).filter(\.$id ~~ mine).with(\.$report) { $0.with(\.$context) }.with(\.$organisation)
            .sort(\.$forwardedOn, .descending).all()
    }

    /// The copies made of a report, for its readers' page.
    func sent(from reportID: UUID) async throws -> [Sent] {
        try await ReportForward.query(on: db).filter(\.$report.$id == reportID).with(\.$organisation).sort(\.$forwardedOn).all()
            .map { Sent(organisation: $0.organisation.name, forwardedOn: $0.forwardedOn, withheld: $0.withheld) }
    }

    /// A copy for a reader holding `privateKey`; 404 for anyone it was not wrapped for, the original's readers included.
    func open(_ forwardID: UUID, as user: User, privateKey: Curve25519.KeyAgreement.PrivateKey) async throws -> Opened {
        guard let forward = try await ReportForward.query(on: db).filter(\.$id == forwardID).with(\.$organisation)
                .with(\.$report, { $0.with(\.$context).with(\.$version) }).first(),
              let wrapped = try await ReportForwardKey.query(on: db).filter(\.$forward.$id == forwardID)
                .filter(\.$readerID == RecipientKeyService.readerID(user.requireID())).first() else { throw AppError.notFound }
        do {
            let key = try wrapped.wrapped.open(reportID: ReportForward.scope(reportID: forward.$report.id, forwardID: forwardID), with: privateKey)
            let copy = try key.open(RedactedCopy.self, from: forward.sealed, item: RedactedCopy.item)
            let sender = try await User.find(forward.$forwardedBy.id, on: db)
            let from = try await sender?.$organisation.get(on: db)?.name ?? ""
            return Opened(copy: copy, title: forward.report.context.title, questionnaire: forward.report.version.questionnaire, from: from,
                          forwardedOn: forward.forwardedOn)
        } catch {
            throw AppError.notFound
        }
    }
}

extension ReportForwardingService {
    /// The organisations a report's answers exclude, through the context's recipient keys.
    static func excluded(_ context: ReportContext, _ questionnaire: ReportQuestionnaire, _ answers: [String: Answer]) -> Set<UUID> {
        let keys = questionnaire.excludedRecipients(of: answers)
        return Set(context.recipients.filter { keys.contains($0.key) }.map(\.organisationID))
    }

    /// The organisations whose members hold a key to the report.
    static func holding(_ reportID: UUID, on db: Database) async throws -> Set<UUID> {
        let readers = try await ReportReaderKey.query(on: db).filter(\.$report.$id == reportID).all().compactMap { UUID(uuidString: $0.readerID) }
        return Set(try await User.query(on: db).filter(\.$id ~~ readers).all().compactMap(\.$organisation.id))
    }

    /// Who can read a copy sent to an organisation: its active members holding a reading key, except anyone who
    /// stepped aside from the report.
    static func readers(of organisationID: UUID, for reportID: UUID, on db: Database) async throws -> [RecipientKey] {
        let recused = Set(try await ReportRecusal.query(on: db).filter(\.$report.$id == reportID).all().map(\.readerID))
        return try await RecipientKey.query(on: db).join(User.self, on: \RecipientKey.$user.$id == \User.$id)
            .filter(User.self, \.$organisation.$id == organisationID).filter(User.self, \.$status == .active).all()
            .filter { !recused.contains(RecipientKeyService.readerID($0.$user.id)) }
    }

    /// Organisations with at least one active reader, by name.
    static func organisationsWithReaders(on db: Database) async throws -> [Organisation] {
        let readers = try await RecipientKey.query(on: db).join(User.self, on: \RecipientKey.$user.$id == \User.$id)
            .filter(User.self, \.$status == .active).all()
        let ids = Set(try readers.compactMap { try $0.joined(User.self).$organisation.id })
        return try await Organisation.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    /// Errors in the form, all at once: an organisation, at least one answer kept (and only answered ones), a note.
    static func check(_ copy: RedactedCopy, to organisationID: UUID?, keeping kept: Set<String>, answered: Set<String>) throws {
        var errors: [FieldError] = []
        if organisationID == nil { errors.append(FieldError("organisation", .required)) }
        if kept.isEmpty { errors.append(FieldError("keep", .required)) } else if !kept.isSubset(of: answered) { errors.append(FieldError("keep", .invalidChoice)) }
        if copy.note.isEmpty { errors.append(FieldError("note", .required)) } else if copy.note.count > RedactedCopy.longestNote { errors.append(FieldError("note", .tooLong)) }
        guard errors.isEmpty else { throw AppError.validation(errors) }
    }
}
