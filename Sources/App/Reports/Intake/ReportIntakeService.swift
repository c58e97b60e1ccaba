import Crypto
import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// Taking reports in and opening them again: sealing on submission, the whistleblower's way back with the receipt,
/// and recipients' reading with their own private key. Keys exist only while a call runs.
struct ReportIntakeService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let cost: StretchCost
    let stretcher: KeyStretcher
    let lockout: ReceiptLockout
    let limit: SubmissionLimit
    let notice: ReportNotice

    /// The same service on another clock or stretch cost: the demo backdates its complaints, the benchmark compares costs.
    func with(clock: WallClock? = nil, cost: StretchCost? = nil) -> ReportIntakeService {
        ReportIntakeService(db: db, audit: audit, clock: clock ?? self.clock, cost: cost ?? self.cost, stretcher: stretcher, lockout: lockout, limit: limit, notice: notice)
    }

    /// The installation's secret, from which report forms' tokens and receipts are derived.
    func formSecret() async throws -> Data { try await ReportingSecret.salt(on: db) }

    /// Seals and stores a report answered on the context's current questionnaire, wrapped for every recipient the
    /// answers do not exclude; returns the receipt, which is stored nowhere. A receipt already used (the same form
    /// sent twice) finds the report the first sending made, and nothing more is stored.
    func submit(to contextKey: String, answers draft: [String: [String]], regions: Set<String>, receipt: Receipt = Receipt(),
                identity: ReportIdentity? = nil, contact: ComplainantContact? = nil) async throws -> Receipt {
        try await send(to: contextKey, answers: draft, regions: regions, receipt: receipt, identity: identity, contact: contact).receipt
    }

    /// `submit`, also naming the report, which the receipt's first sending made. An identity, when given, is sealed
    /// for the custodians only (`ReportIdentityService`); a complainant's address for updates, under the data key.
    func send(to contextKey: String, answers draft: [String: [String]], regions: Set<String>, receipt: Receipt = Receipt(),
              identity: ReportIdentity? = nil, contact: ComplainantContact? = nil) async throws -> (receipt: Receipt, reportID: UUID) {
        guard let context = try await ReportContext.query(on: db).filter(\.$key == contextKey).first(),
              let version = try await QuestionnaireVersion.current(of: context.requireID(), on: db) else { throw AppError.notFound }
        let evaluation = version.questionnaire.evaluate(draft, regions: regions)
        // A block comes first: someone who must go elsewhere (in danger, say) is not asked to finish the form.
        guard evaluation.blocks.isEmpty else { throw ReportBlocked(reasons: evaluation.blocks) }
        guard evaluation.errors.isEmpty else { throw AppError.validation(evaluation.errors) }
        try await limit.take(subject: context.key, now: clock.now())

        let salt = try await ReportingSecret.salt(on: db)
        let keys = try await stretcher.run { try ReceiptKeys(receipt: receipt, installationSalt: salt, cost: cost) }
        let reportID = UUID()
        let key = ReportKey(reportID: reportID.uuidString.lowercased())
        let own = Curve25519.KeyAgreement.PrivateKey()
        let report = Report()
        report.id = reportID
        (report.$context.id, report.$version.id, report.status) = (try context.requireID(), try version.requireID(), .received)
        report.lookupTag = keys.lookupTag
        report.whistleblowerKey = try SealedPrivateKey(own, under: keys.keyEncryptionKey,
                                                       purpose: SealedPrivateKey.whistleblowerPurpose(reportID: key.reportID)).sealed
        report.answers = try key.seal(json: evaluation.answers, item: "answers")
        report.demographics = evaluation.demographics.isEmpty ? nil : try key.seal(json: evaluation.demographics, item: "demographics")
        // Updates by e-mail are a complaint's; a whistleblower follows with the receipt alone.
        if context.channel == .complaint, let contact { report.contact = try key.seal(json: contact, item: ComplainantContact.item) }
        report.missingEvidence = JSONList(evaluation.missingEvidence.map(\.rawValue))
        report.lacksEvidence = EvidenceItem.lacksMinimum(evaluation.missingEvidence)
        let statistics = version.questionnaire.statistics(of: evaluation.answers)
        (report.region, report.statistics) = (version.questionnaire.region(of: evaluation.answers), statistics.isEmpty ? nil : statistics)
        let today = clock.now().day
        (report.submittedOn, report.expiresOn) = (today, today.addingTimeInterval(Double(context.retentionDays) * 86_400))
        let recipients = Dictionary(context.recipients.map { ($0.key, $0.organisationID) }, uniquingKeysWith: { first, _ in first })
        let whistleblowers = try WrappedKey(key, for: WrappedKey.whistleblower, publicKey: own.publicKey)

        let stored = try await audit.transactionIfChanged(on: db, actor: .anonymous) { scope in
            // The unique lookup tag decides between two sendings of one form: the second finds the first's report.
            if try await Report.query(on: scope.db).filter(\.$lookupTag == keys.lookupTag).first() != nil { throw AuditLogService.NothingToChange() }
            // A complaint goes to the authority the routing table names now; readers are those holding a key now, in
            // the organisations the answers leave in...
            let authority = context.channel == .complaint
                ? try await ComplaintRoutingService.authority(category: context.key, region: report.region, on: scope.db) : nil
            report.$authority.id = authority
            let organisations = Array(Delivery.organisations(recipients: recipients, authority: authority, evaluation: evaluation))
            let members = try await RecipientKey.query(on: scope.db).join(User.self, on: \RecipientKey.$user.$id == \User.$id)
                .filter(User.self, \.$organisation.$id ~~ organisations).filter(User.self, \.$status == .active).all()
            // Nor anyone whose declared conflict the answers name.
            let conflicted = try await ReaderConflictService.conflicted(members.map(\.$user.id), answers: evaluation.answers, on: scope.db)
            let readers = members.filter { !conflicted.contains($0.$user.id) }
            guard !readers.isEmpty else { throw AppError.conflict(code: "report_no_recipients") }
            var sealedIdentity: (sealed: Data, keys: [WrappedKey])?
            if let identity, !identity.isEmpty { sealedIdentity = try await ReportIdentityService.seal(identity, reportID: reportID, on: scope.db) }
            report.identity = sealedIdentity?.sealed
            try await report.create(on: scope.db)
            for key in sealedIdentity?.keys ?? [] { try await ReportIdentityKey(reportID: reportID, key).create(on: scope.db) }
            var wrapped = [whistleblowers]
            for reader in readers {
                wrapped.append(try WrappedKey(key, for: RecipientKeyService.readerID(reader.$user.id), publicKey: try reader.keyring.agreementKey))
            }
            for item in wrapped { try await ReportReaderKey(reportID: reportID, item).create(on: scope.db) }
            try await notice.received(reportID, by: try readers.map { try $0.joined(User.self) }, on: scope.db)
            try await scope.record(.reportSubmit, .report(reportID), changes: ["context": context.key, "readers": String(readers.count), "conflicted": String(conflicted.count)])
            return reportID
        }
        if let stored { return (receipt, stored) }
        guard let first = try await Report.query(on: db).filter(\.$lookupTag == keys.lookupTag).first() else { throw AppError.notFound }
        return (receipt, try first.requireID())
    }

    /// The report a receipt opens. A wrong receipt costs the same stretch as a right one and answers 404.
    func open(receipt typed: String) async throws -> ReportThread {
        let (report, key) = try await unlock(receipt: typed)
        return try await thread(report, key)
    }

    /// The whistleblower's answer to the thread. `messageID` comes from the reply form, so the same form sent twice
    /// keeps one message.
    func reply(receipt typed: String, text: String, messageID: UUID = UUID(), attachments: [ReportAttachment] = []) async throws {
        try ReportAttachment.check(attachments)
        let (report, key) = try await unlock(receipt: typed)
        try await post(text, on: report, with: key, fromWhistleblower: true, actor: .anonymous, author: nil, messageID: messageID,
                       files: try ReportFileStore.seal(attachments, with: key))
    }

    /// A file of a report, for a recipient holding `privateKey`; 404 for anyone the report was not wrapped for.
    func file(_ fileID: UUID, of reportID: UUID, as user: User, privateKey: Curve25519.KeyAgreement.PrivateKey) async throws -> (name: String, content: Data) {
        let (_, key) = try await unwrap(reportID, for: user, privateKey: privateKey)
        return try await ReportFileStore.open(fileID, in: reportID, with: key, on: db)
    }

    /// The reports wrapped for `user`, newest first, with their subject: what a list can show without opening them.
    func received(by user: User) async throws -> [Report] {
        let mine = try await ReportReaderKey.query(on: db).filter(\.$readerID == RecipientKeyService.readerID(user.requireID())).all().map(\.$report.id)
        return try await Report.query(on: db).filter(\.$id ~~ mine).with(\.$context).sort(\.$submittedOn, .descending).all()
    }

    /// Whether `user` holds a key pair for reading reports.
    func holdsKey(_ user: User) async throws -> Bool {
        try await RecipientKey.query(on: db).filter(\.$user.$id == user.requireID()).count() > 0
    }

    /// The questionnaire a report was answered on, to name its questions.
    func questionnaire(of reportID: UUID) async throws -> (ReportContext, ReportQuestionnaire) {
        guard let report = try await Report.query(on: db).filter(\.$id == reportID).with(\.$context).with(\.$version).first() else { throw AppError.notFound }
        return (report.context, report.version.questionnaire)
    }

    /// The report for a recipient holding `privateKey`; 404 for anyone the report was not wrapped for.
    func read(_ reportID: UUID, as user: User, privateKey: Curve25519.KeyAgreement.PrivateKey) async throws -> ReportThread {
        let (report, key) = try await unwrap(reportID, for: user, privateKey: privateKey)
        return try await thread(report, key)
    }

    /// A recipient's question or request to the whistleblower.
    func ask(_ reportID: UUID, as user: User, privateKey: Curve25519.KeyAgreement.PrivateKey, text: String) async throws {
        let (report, key) = try await unwrap(reportID, for: user, privateKey: privateKey)
        try await post(text, on: report, with: key, fromWhistleblower: false, actor: .user(user.requireID()), author: user.requireID(), messageID: UUID())
    }

    /// Moves the report from the status its reader saw (`from`) to `status`, with an explanation the reporter reads;
    /// 409 when the report has moved since or the move is not allowed.
    func changeStatus(_ reportID: UUID, from seen: ComplaintStatus, to status: ComplaintStatus, explanation raw: String, as user: User,
                      privateKey: Curve25519.KeyAgreement.PrivateKey) async throws {
        let (_, key) = try await unwrap(reportID, for: user, privateKey: privateKey)
        let messageID = UUID()
        let sealed = try seal(raw, field: "explanation", with: key, as: messageID)
        guard seen.canMove(to: status) else { throw AppError.conflict(code: "report_status_not_allowed") }
        let author = try user.requireID()
        try await audit.transaction(on: db, actor: .user(author)) { scope in
            // Decided on the status stored now: of two readers moving the same report, the second finds it moved.
            let moved = try await scope.db.sql.update(Report.schema).set("status", to: status.rawValue)
                .where("id", .equal, reportID).where("status", .equal, seen.rawValue).returning("id").all()
            guard !moved.isEmpty else { throw AppError.conflict(code: "report_status_changed") }
            if status.isClosed { try await Report.query(on: scope.db).filter(\.$id == reportID).set(\.$closedOn, to: clock.now().day).update() }
            try await append(messageID, sealed: sealed, to: reportID, fromWhistleblower: false, author: author, status: status, on: scope.db)
            if let contact = try await Report.find(reportID, on: scope.db)?.contact {
                try await notice.statusChanged(to: status, for: try key.open(ComplainantContact.self, from: contact, item: ComplainantContact.item), on: scope.db)
            }
            try await scope.record(.reportStatus, .report(reportID), changes: ["from": seen.rawValue, "to": status.rawValue])
        }
    }

    // MARK: - Keys

    private func unlock(receipt typed: String) async throws -> (Report, ReportKey) {
        try await lockout.check(now: clock.now())
        do {
            return try await open(typed)
        } catch AppError.notFound {
            try await lockout.fail(now: clock.now())
            throw AppError.notFound
        }
    }

    /// The report and its key; 404 for a wrong or malformed receipt, which is stretched as a dummy too, so its answer
    /// takes as long as a wrong one.
    private func open(_ typed: String) async throws -> (Report, ReportKey) {
        let parsed = Receipt(typed: typed)
        let receipt = parsed ?? Receipt(typed: "0000000000000000")!
        let salt = try await ReportingSecret.salt(on: db)
        let keys = try await stretcher.run { try ReceiptKeys(receipt: receipt, installationSalt: salt, cost: cost) }
        guard parsed != nil, let report = try await Report.query(on: db).filter(\.$lookupTag == keys.lookupTag).first(),
              let mine = try await ReportReaderKey.query(on: db).filter(\.$report.$id == report.requireID())
                .filter(\.$readerID == WrappedKey.whistleblower).first() else { throw AppError.notFound }
        let reportID = try report.requireID().uuidString.lowercased()
        do {
            let own = try SealedPrivateKey(sealed: report.whistleblowerKey)
                .open(with: keys.keyEncryptionKey, purpose: SealedPrivateKey.whistleblowerPurpose(reportID: reportID))
            return (report, try mine.wrapped.open(reportID: reportID, with: own))
        } catch {
            throw AppError.notFound
        }
    }

    private func unwrap(_ reportID: UUID, for user: User, privateKey: Curve25519.KeyAgreement.PrivateKey) async throws -> (Report, ReportKey) {
        guard let report = try await Report.find(reportID, on: db),
              let wrapped = try await ReportReaderKey.query(on: db).filter(\.$report.$id == reportID)
                .filter(\.$readerID == RecipientKeyService.readerID(user.requireID())).first() else { throw AppError.notFound }
        do {
            return (report, try wrapped.wrapped.open(reportID: reportID.uuidString.lowercased(), with: privateKey))
        } catch {
            throw AppError.notFound
        }
    }

    // MARK: - Thread

    private func thread(_ report: Report, _ key: ReportKey) async throws -> ReportThread {
        let context = try await report.$context.get(on: db), version = try await report.$version.get(on: db)
        let messages = try await ReportMessage.query(on: db).filter(\.$report.$id == report.requireID()).sort(\.$number).all()
        let files = try await ReportFileStore.listed(in: report.requireID(), with: key, on: db)
        return ReportThread(
            reportID: try report.requireID(), contextKey: context.key, versionNumber: version.number, status: report.status, expiresOn: report.expiresOn,
            answers: try key.open([String: Answer].self, from: report.answers, item: "answers"),
            demographics: try report.demographics.map { try key.open([String: Answer].self, from: $0, item: "demographics") } ?? [:],
            messages: try messages.map { message in
                let text = String(decoding: try key.open(message.sealed, item: ReportMessage.item(try message.requireID())), as: UTF8.self)
                return ReportThread.Message(number: message.number, fromWhistleblower: message.fromWhistleblower, status: message.status, text: text,
                                            day: message.sentOn, files: files[try message.requireID()] ?? [])
            })
    }

    private func post(_ raw: String, on report: Report, with key: ReportKey, fromWhistleblower: Bool, actor: AuditActor, author: UUID?,
                      messageID: UUID, files: [ReportFileStore.Sealed] = []) async throws {
        let sealed = try seal(raw, field: "message", with: key, as: messageID)
        let reportID = try report.requireID()
        _ = try await audit.transactionIfChanged(on: db, actor: actor) { scope in
            // The message id (unique) decides between two sendings of one reply form.
            if try await ReportMessage.find(messageID, on: scope.db) != nil { throw AuditLogService.NothingToChange() }
            try await append(messageID, sealed: sealed, to: reportID, fromWhistleblower: fromWhistleblower, author: author, status: nil, on: scope.db)
            try await ReportFileStore.insert(files, report: reportID, message: messageID, on: scope.db)
            if fromWhistleblower { try await notice.replied(reportID, on: scope.db) }
            try await scope.record(.reportMessage, .report(report.requireID()),
                                   changes: ["from": fromWhistleblower ? "whistleblower" : "recipient", "files": String(files.count)])
        }
    }
}

extension ReportIntakeService {
    /// A message's text, trimmed, required and bounded, sealed as the item its id names; errors name `field`.
    fileprivate func seal(_ raw: String, field: String, with key: ReportKey, as messageID: UUID) throws -> Data {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw AppError.validation([FieldError(field, .required)]) }
        guard text.count <= AnswerLimits.longText else { throw AppError.validation([FieldError(field, .tooLong)]) }
        return try key.seal(Data(text.utf8), item: ReportMessage.item(messageID))
    }

    /// Stores a sealed message after the last one; numbered from what is stored when the transaction runs, so
    /// simultaneous messages all keep their place.
    fileprivate func append(_ messageID: UUID, sealed: Data, to reportID: UUID, fromWhistleblower: Bool, author: UUID?, status: ComplaintStatus?,
                            on db: Database) async throws {
        let last = try await ReportMessage.query(on: db).filter(\.$report.$id == reportID).max(\.$number) ?? 0
        let message = ReportMessage()
        message.id = messageID
        (message.$report.id, message.number, message.fromWhistleblower, message.status) = (reportID, last + 1, fromWhistleblower, status)
        (message.$author.id, message.sealed, message.sentOn) = (author, sealed, clock.now().day)
        try await message.create(on: db)
        if !fromWhistleblower {
            // The first recipient message, a question or a move, is the report's first response.
            try await Report.query(on: db).filter(\.$id == reportID).filter(\.$firstResponseOn == nil).set(\.$firstResponseOn, to: message.sentOn).update()
        }
    }
}

extension Date {
    /// Midnight UTC of this instant's day: what reports keep instead of a time.
    var day: Date { CalendarDay.parse(CalendarDay.text(self))! }
}
