import Crypto
import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// The sealed identity: sealed at submission for the installation's custodians (active administrators who hold a
/// reading key), asked for in writing by a reader, and opened to that reader only when another person, a custodian,
/// approves and re-wraps its key for them with their own private key. Every request and decision is audited.
struct ReportIdentityService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer

    static let longestText = 2000

    /// What a reader's page shows of a report's identity.
    enum Standing: Sendable, Equatable {
        case none
        case sealed
        case pending
        case declined(note: String?)
        case revealed(ReportIdentity)
    }

    /// The custodians' reading keys now: active administrators who made one.
    static func custodians(on db: Database) async throws -> [RecipientKey] {
        try await RecipientKey.query(on: db).join(User.self, on: \RecipientKey.$user.$id == \User.$id)
            .filter(User.self, \.$role == .administrator).filter(User.self, \.$status == .active).all()
    }

    /// Whether the form may offer to take an identity: someone must be able to keep it.
    func canKeep() async throws -> Bool { try await !Self.custodians(on: db).isEmpty }

    /// The identity sealed under a fresh key, and that key wrapped for every custodian; called inside the
    /// submission's transaction so the custodians are those of that moment.
    static func seal(_ identity: ReportIdentity, reportID: UUID, on db: Database) async throws -> (sealed: Data, keys: [WrappedKey]) {
        let key = ReportKey(reportID: ReportIdentity.scope(reportID: reportID.uuidString.lowercased()))
        let custodians = try await custodians(on: db)
        guard !custodians.isEmpty else { throw AppError.conflict(code: "identity_no_custodian") }
        let keys = try custodians.map { try WrappedKey(key, for: RecipientKeyService.readerID($0.$user.id), publicKey: try $0.keyring.agreementKey) }
        return (try key.seal(json: identity, item: ReportIdentity.item), keys)
    }

    /// Where `user`'s reading of the report's identity stands; opened when a key is wrapped for them.
    func standing(of reportID: UUID, for user: User, privateKey: Curve25519.KeyAgreement.PrivateKey) async throws -> Standing {
        guard let report = try await Report.find(reportID, on: db), let sealed = report.identity else { return .none }
        let readerID = RecipientKeyService.readerID(try user.requireID())
        if let wrapped = try await ReportIdentityKey.query(on: db).filter(\.$report.$id == reportID).filter(\.$readerID == readerID).first() {
            let key = try wrapped.wrapped.open(reportID: ReportIdentity.scope(reportID: reportID.uuidString.lowercased()), with: privateKey)
            return .revealed(try key.open(ReportIdentity.self, from: sealed, item: ReportIdentity.item))
        }
        let mine = try await IdentityRequest.query(on: db).filter(\.$report.$id == reportID).filter(\.$requester.$id == user.requireID())
            .sort(\.$requestedAt, .descending).first()
        switch mine?.status {
        case .pending: return .pending
        case .declined: return .declined(note: mine?.decisionNote)
        default: return .sealed
        }
    }

    /// A reader of the report asks, in writing, to see its identity; the custodians are told that a request waits.
    func request(_ reportID: UUID, reason raw: String, as user: User) async throws {
        let reason = try Self.text(raw, field: "identity_reason")
        let userID = try user.requireID()
        try await audit.transaction(on: db, actor: .user(userID)) { scope in
            // Read inside the transaction: of two clicks, the second finds the first's request.
            guard try await ReportReaderKey.query(on: scope.db).filter(\.$report.$id == reportID)
                    .filter(\.$readerID == RecipientKeyService.readerID(userID)).count() > 0,
                  let report = try await Report.find(reportID, on: scope.db), report.identity != nil else { throw AppError.notFound }
            if try await IdentityRequest.query(on: scope.db).filter(\.$report.$id == reportID).filter(\.$requester.$id == userID)
                .filter(\.$status == .pending).count() > 0 { throw AppError.conflict(code: "identity_requested") }
            if try await ReportIdentityKey.query(on: scope.db).filter(\.$report.$id == reportID)
                .filter(\.$readerID == RecipientKeyService.readerID(userID)).count() > 0 { throw AppError.conflict(code: "identity_revealed") }
            let request = IdentityRequest()
            (request.$report.id, request.$requester.id, request.reason, request.status, request.requestedAt) = (reportID, userID, reason, .pending, clock.now())
            try await request.create(on: scope.db)
            for custodian in try await Self.custodians(on: scope.db) where custodian.$user.id != userID {
                let person = try custodian.joined(User.self)
                try await mailer.enqueue(to: person.email, language: person.preferredLanguage ?? .en, kind: "identity_request",
                                         arguments: [mailer.link(IdentityRoute.list.link())], on: scope.db)
            }
            try await scope.record(.reportIdentityRequest, .report(reportID), reason: reason)
        }
    }

    /// The pending requests a custodian may decide: for reports whose identity is wrapped for them, not their own.
    func pending(for custodian: User) async throws -> [IdentityRequest] {
        let readerID = RecipientKeyService.readerID(try custodian.requireID())
        let mine = try await ReportIdentityKey.query(on: db).filter(\.$readerID == readerID).all().map(\.$report.id)
        return try await IdentityRequest.query(on: db).filter(\.$report.$id ~~ mine).filter(\.$status == .pending)
            .filter(\.$requester.$id != custodian.requireID()).with(\.$requester).with(\.$report) { $0.with(\.$context) }
            .sort(\.$requestedAt).all()
    }

    /// A custodian approves (re-wrapping the identity key for the requester with their own private key) or declines.
    func decide(_ requestID: UUID, approve: Bool, note raw: String, as custodian: User, privateKey: Curve25519.KeyAgreement.PrivateKey) async throws {
        let note = raw.trimmingWhitespace()
        guard note.count <= Self.longestText else { throw AppError.validation([FieldError("note", .tooLong)]) }
        if !approve, note.isEmpty { throw AppError.validation([FieldError("note", .required)]) }
        let custodianID = try custodian.requireID()
        guard let asked = try await IdentityRequest.find(requestID, on: db),
              let own = try await ReportIdentityKey.query(on: db).filter(\.$report.$id == asked.$report.id)
                .filter(\.$readerID == RecipientKeyService.readerID(custodianID)).first() else { throw AppError.notFound }
        let reportID = asked.$report.id, requesterID = asked.$requester.id
        guard requesterID != custodianID else { throw AppError.conflict(code: "identity_own_request") }
        // The key is re-wrapped before the transaction, with the custodian's private key, which never enters it.
        var rewrapped: WrappedKey?
        if approve {
            let key = try own.wrapped.open(reportID: ReportIdentity.scope(reportID: reportID.uuidString.lowercased()), with: privateKey)
            guard let readerKey = try await RecipientKey.query(on: db).filter(\.$user.$id == requesterID).first() else {
                throw AppError.conflict(code: "identity_requester_without_key")
            }
            rewrapped = try WrappedKey(key, for: RecipientKeyService.readerID(requesterID), publicKey: try readerKey.keyring.agreementKey)
        }
        let wrapped = rewrapped
        try await audit.transaction(on: db, actor: .user(custodianID)) { scope in
            // Decided on the request as stored now: of two custodians at once, the second finds it decided.
            guard let request = try await IdentityRequest.find(requestID, on: scope.db) else { throw AppError.notFound }
            guard request.status == .pending else { throw AppError.conflict(code: "identity_request_decided") }
            if let wrapped, try await ReportIdentityKey.query(on: scope.db).filter(\.$report.$id == reportID)
                .filter(\.$readerID == wrapped.readerID).count() == 0 {
                try await ReportIdentityKey(reportID: reportID, wrapped).create(on: scope.db)
            }
            (request.status, request.$decidedBy.id, request.decisionNote, request.decidedAt) = (approve ? .approved : .declined, custodianID,
                                                                                                note.isEmpty ? nil : note, clock.now())
            try await request.save(on: scope.db)
            let requester = try await request.$requester.get(on: scope.db)
            try await mailer.enqueue(to: requester.email, language: requester.preferredLanguage ?? .en, kind: "identity_decided",
                                     arguments: [mailer.link(ReceivedReportsRoute.show.link(reportID))], on: scope.db)
            try await scope.record(approve ? .reportIdentityApprove : .reportIdentityDecline, .report(reportID),
                                   reason: note, changes: ["request": requestID.uuidString.lowercased()])
        }
    }

    private static func text(_ raw: String, field: String) throws -> String {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw AppError.validation([FieldError(field, .required)]) }
        guard text.count <= longestText else { throw AppError.validation([FieldError(field, .tooLong)]) }
        return text
    }
}
