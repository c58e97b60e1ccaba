import AuditLog
import Crypto
import ExchangeCore
import Fluent
import Foundation
import Vapor

/// What the `integrity` executable needs from the app, and nothing more.
public enum Platform {
    /// A configured application. The caller must `asyncShutdown()` it.
    public static func makeApplication(
        _ config: AppConfiguration, arguments: [String] = ["integrity"], signingKey: AuditSigningKey? = nil
    ) async throws -> Application {
        let app = try await Application.make(Environment(name: "production", arguments: arguments))
        do {
            try await configure(app, config, signingKey: signingKey)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// Brings the schema up to date, then applies administrators' skill edits over the shipped taxonomy.
    public static func migrate(_ app: Application) async throws {
        try await app.autoMigrate()
        try await app.skillsCatalogue.reload(from: app.db)
    }

    /// The demo accounts; with `exchange`, also the living programme (see `DemoExchange`).
    public static func seedDemo(_ app: Application, exchange: Bool = false) async throws -> DemoProgramme.Summary {
        let accounts = try await DemoProgramme.seed(app)
        guard exchange else { return accounts }
        return DemoProgramme.Summary(created: accounts.created + (try await DemoExchange.seed(app)), logins: accounts.logins + DemoExchange.logins)
    }

    /// Creates an active account from the command line; a bad value throws a message naming the field.
    public static func createUser(
        _ app: Application, email: String, displayName: String, role: String, organisationID: UUID?, password: String
    ) async throws -> UUID {
        do {
            let user = try await app.registry.accounts.createActiveUser(
                .init(email: email, displayName: displayName, role: role, organisationID: organisationID,
                      password: password, passwordConfirmation: password, language: nil),
                actor: .system("cli"))
            return try user.requireID()
        } catch AppError.validation(let errors) {
            let text = errors.map { "\($0.field): \(app.catalogs.text("error.\($0.code.rawValue)", .en))" }.joined(separator: "; ")
            throw CommandError(description: text)
        }
    }

    public struct CommandError: Error, CustomStringConvertible {
        public let description: String
    }

    public enum VerificationOutcome: Sendable {
        case intact(entries: UInt64, checkpoints: Int, root: String)
        case broken(String)
    }

    /// Recomputes the tree from the database and checks it against the newest checkpoint and its signature
    /// (against `publicKey`, else the configured signing key's), and that every tree size has a checkpoint;
    /// `everyCheckpoint` checks every checkpoint's root and signature. A problem found by the first is looked into
    /// with the second, which names the altered entry or forged checkpoint.
    public static func verifyAuditLog(
        _ app: Application, publicKey: Curve25519.Signing.PublicKey? = nil, everyCheckpoint: Bool = false
    ) async throws -> VerificationOutcome {
        let reader = AuditLogReader(db: app.db)
        let key = publicKey ?? app.auditLog.publicKey
        do {
            switch try await reader.verify(publicKey: key, checking: everyCheckpoint ? .every : .newest) {
            case .success(let summary):
                return .intact(entries: summary.entries, checkpoints: summary.checkpoints, root: summary.root.hex)
            case .failure(let failure):
                guard !everyCheckpoint else { return .broken(failure.description) }
                let named = try await verifyAuditLog(app, publicKey: publicKey, everyCheckpoint: true)
                guard case .broken = named else { return .broken(failure.description) }
                return named
            }
        } catch let error as AuditLogReader.ReadError {
            return .broken(error.description)
        }
    }

    /// Fills the database with a generated programme on top of the demo accounts (see `GeneratedProgramme`).
    /// `progress` gets rows written so far and in all.
    public static func generateLoad(
        _ app: Application, engagements: Int, auditEntries: Int, progress: @escaping @Sendable (Int, Int) -> Void
    ) async throws -> String {
        guard engagements > 0, auditEntries >= 0 else { throw CommandError(description: "--engagements must be at least 1 and --audit-entries at least 0") }
        guard try await Organisation.find(GeneratedProgramme.id("body", 0), on: app.db) == nil else {
            throw CommandError(description: "this database already holds a generated programme; generate into a fresh one")
        }
        _ = try await seedDemo(app)
        let size = GeneratedProgramme.Size(engagements: engagements, auditEntries: auditEntries)
        let summary = try await GeneratedProgramme(app: app, size: size, progress: progress).run()
        return "Generated \(summary.bodies) public bodies with a member each, \(summary.experts) experts, \(summary.needs) needs, "
            + "\(summary.engagements) engagements and \(summary.auditEntries) audit entries. "
            + "Every generated account's password is \(GeneratedProgramme.password)."
    }

    public struct RosterOutcome: Sendable {
        public let rows: Int
        public let experts: Int
        public let mergedLines: Int
        /// The counts in one sentence, in the chosen language.
        public let summary: String
        /// One sentence per person found on several lines.
        public let merges: [String]
        /// Every problem, in the chosen language, with its line number.
        public let problems: [String]
        public let blocking: Int
        public let imported: Int
        /// "2 experts imported as invited." in the chosen language, or "Some rows are flagged…" when none could be.
        public let result: String
    }

    /// Plans a roster import and, unless `dryRun`, writes it all or nothing. Throws `CommandError` when it cannot.
    public static func importRoster(
        _ app: Application, text: String, mapping: [String: Int]?, dryRun: Bool, skipFlagged: Bool, language: String = "en"
    ) async throws -> RosterOutcome {
        guard let language = SupportedLanguage(rawValue: language) else { throw CommandError(description: "--language must be en, fr or es, got \(language)") }
        let words = PageText(catalogs: app.catalogs, language: language)
        var chosen: RosterMapping?
        if let mapping {
            var columns: [RosterField: Int] = [:]
            for (name, column) in mapping {
                guard let field = RosterField(rawValue: name) else {
                    throw CommandError(description: "unknown field \(name); use \(RosterField.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                columns[field] = column
            }
            chosen = RosterMapping(columns: columns)
        }
        let preview: RosterImportService.Preview
        do {
            preview = try await app.registry.roster.preview(text, mapping: chosen)
        } catch RosterImportService.Refusal.unreadable(let problem) {
            throw CommandError(description: problem.description)
        }
        let plan = preview.plan
        var imported = 0
        if !dryRun {
            do {
                imported = try await app.registry.roster.apply(preview, skippingFlagged: skipFlagged, actor: .system("cli")).count
            } catch RosterImportService.Refusal.blocked {
                imported = -1
            }
        }
        return RosterOutcome(rows: preview.table.records.count, experts: plan.experts.count, mergedLines: plan.mergedLines,
                             summary: plan.summary(rows: preview.table.records.count, words), merges: plan.merges.map { $0.message(words) },
                             problems: plan.problems.map { $0.message(words) }, blocking: plan.blockingProblems.count,
                             imported: imported,
                             result: imported < 0 ? words.t("roster.blocked")
                                 : words.plural(imported, one: "roster.imported.one", other: "roster.imported.other"))
    }

    public struct ConflictDataOutcome: Sendable {
        /// Processes or statements read.
        public let items: Int
        public let rows: Int
        /// Matches whose cleared due diligence the data reopened.
        public let reopened: Int
        /// The same file was imported from the command line a moment ago; nothing more was written.
        public let isRepeat: Bool
    }

    /// Imports OCDS (`kind` "ocds") or BODS ("bods") data for conflict screening from a file (gzip allowed), all or
    /// nothing, reading it a piece at a time. Problems throw a `CommandError` listing each with its line.
    public static func importConflictData(_ app: Application, kind: String, file: String, dryRun: Bool) async throws -> ConflictDataOutcome {
        guard let kind = DataImport.Kind(rawValue: kind) else { throw CommandError(description: "unknown data kind \(kind)") }
        let url = URL(fileURLWithPath: file)
        let digest: String
        do {
            digest = try await app.threadPool.runIfActive { try FileDigest.sha256(of: url) }
        } catch {
            throw CommandError(description: "cannot read the file")
        }
        do {
            let outcome = try await app.registry.conflictData.importFile(kind, file: url, digest: digest, fileName: url.lastPathComponent,
                                                                actor: .system("cli"), userID: nil, dryRun: dryRun)
            return ConflictDataOutcome(items: outcome.dataImport.items, rows: outcome.dataImport.rows, reopened: outcome.reopened,
                                       isRepeat: outcome.isRepeat)
        } catch let refusal as ConflictDataImportService.Refusal {
            let lines = refusal.problems.prefix(100).map { "  \($0.place(app.catalogs, .en)): \($0.message(app.catalogs, .en))" }
            let more = refusal.count > 100 ? ["  … and \(refusal.count - 100) more"] : []
            throw CommandError(description: "\(refusal.count) problems; nothing was imported.\n" + (lines + more).joined(separator: "\n"))
        } catch let refusal as FileRefusal {
            throw CommandError(description: app.catalogs.text(refusal.key(ConflictDataImportService.namespace), .en, refusal.arguments))
        }
    }

    /// The programme summary as pretty-printed JSON, labelled in `language` (en, fr or es).
    public static func programmeSummaryJSON(_ app: Application, language: String) async throws -> String {
        guard let language = SupportedLanguage(rawValue: language) else { throw CommandError(description: "--language must be en, fr or es, got \(language)") }
        let summary = try await ProgrammeSummaryController.build(on: app.db, catalogs: app.catalogs, language: language, now: app.clock.now(),
                                                                 threshold: app.configuration.needsMetThreshold)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(summary), as: UTF8.self)
    }

    /// Sends every reminder that is due and not yet sent; returns how many were sent.
    /// Shreds the reports whose retention has ended; returns how many.
    public static func shredExpiredReports(_ app: Application) async throws -> Int {
        try await app.registry.reportRetention.shredExpired()
    }

    public static func sendReminders(_ app: Application) async throws -> Int {
        try await app.registry.reminders.run()
    }

    /// Reads an Ed25519 public key given as base64 of its 32 raw bytes.
    public static func publicKey(base64: String) -> Curve25519.Signing.PublicKey? {
        Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines))
            .flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
    }
}
