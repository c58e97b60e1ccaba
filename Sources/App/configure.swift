import SecureReporting
import AuditLog
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Leaf
import LeafKit
import ExchangeCore
import Vapor

extension Application {
    private struct ConfigurationKey: StorageKey { typealias Value = AppConfiguration }

    public var configuration: AppConfiguration {
        get { storage[ConfigurationKey.self] ?? AppConfiguration() }
        set { storage[ConfigurationKey.self] = newValue }
    }
}

/// Wires the domain to HTTP and the database. `signingKey` overrides the key file (tests).
public func configure(_ app: Application, _ config: AppConfiguration, signingKey: AuditSigningKey? = nil) async throws {
    app.configuration = config
    app.keyStretcher = KeyStretcher(limit: config.reportStretchConcurrency)
    app.logger.handler = PrivacyLogHandler(wrapping: app.logger.handler)
    app.logger.logLevel = config.logLevel
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "1mb"

    try configureDatabase(app, config)
    addMigrations(app)
    // One "Starting prepare" line per migration buried the address and the demo logins; they are debug detail.
    app.fluent.migrationLogLevel = .debug
    configureSessions(app, config)
    app.passwords.use(.bcrypt(cost: config.bcryptCost))

    app.catalogs = try Catalogs.load(from: ResourceLocation.root.appendingPathComponent("Localization"))
    app.taxonomy = try SkillsTaxonomy.decode(Data(contentsOf: ResourceLocation.root.appendingPathComponent("Taxonomy/skills.json")))
    app.bodsSchema = try BODSSchema.load()
    app.programmeReportCache = ProgrammeReportCache(lifetime: 1)
    app.reportStatisticsCache = ReportStatisticsCache(lifetime: 60)
    configureViews(app)

    let key = try signingKey ?? AuditSigningKey(key: SigningKeyStore.loadOrCreate(at: config.resolvedAuditKeyPath))
    app.auditLog = AuditLogService(signingKey: key, clock: app.clock)
    app.ledgerLog = LedgerLog(key: try signingKey.map { $0.derived("procurement ledger") }
                                  ?? AuditSigningKey(key: SigningKeyStore.loadOrCreate(at: config.resolvedLedgerKeyPath)),
                              origin: config.ledgerOrigin)
    app.metrics = PlatformMetrics()

    configureMiddleware(app)
    app.lifecycle.use(MailBacklogLifecycle())
    _ = app.jobWorker
    app.lifecycle.use(ReminderLifecycle())
    app.lifecycle.use(JobWorkerLifecycle())
    try routes(app)
}

/// An explicit signing key, for tests and tools that must not touch the data directory.
public struct AuditSigningKey: @unchecked Sendable {  // an immutable key value
    let key: Curve25519.Signing.PrivateKey

    public static func generate() -> AuditSigningKey { AuditSigningKey(key: .init()) }

    /// Another key that follows from this one, so that processes given the same key (tests) share it too.
    func derived(_ purpose: String) -> AuditSigningKey {
        let seed = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: key.rawRepresentation), info: Array(purpose.utf8),
                                          outputByteCount: 32)
        return AuditSigningKey(key: try! Curve25519.Signing.PrivateKey(rawRepresentation: seed.withUnsafeBytes { Array($0) }))
    }
}

private func configureDatabase(_ app: Application, _ config: AppConfiguration) throws {
    switch config.database {
    case .postgres(let url):
        app.databases.use(try .postgres(url: url), as: .psql)
    case .sqliteFile(let path):
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    }
}

/// Migrations run in this order on both SQLite and PostgreSQL.
func addMigrations(_ app: Application) {
    app.migrations.add(M001_CreateOrganisations())
    app.migrations.add(M002_CreateUsers())
    app.migrations.add(M003_CreateTokens())
    app.migrations.add(M004_CreateLoginFailures())
    app.migrations.add(M005_CreateMessaging())
    app.migrations.add(M006_CreateAuditLog())
    app.migrations.add(M007_CreateSessions())
    app.migrations.add(M008_CreateExpertProfiles())
    app.migrations.add(M009_CreateNeeds())
    app.migrations.add(M010_AddExpertProfileDetails())
    app.migrations.add(M011_CreateMatching())
    app.migrations.add(M012_AddPublicBodyParticipation())
    app.migrations.add(M013_AddMatchingBackground())
    app.migrations.add(M014_CreateSkillEdits())
    app.migrations.add(M015_CreateAuthorisationLetters())
    app.migrations.add(M016_CreateDueDiligence())
    app.migrations.add(M017_CreateConflictData())
    app.migrations.add(M018_CreateMarketingConcerns())
    app.migrations.add(M019_CreateTermsOfReference())
    app.migrations.add(M020_CreateEngagementTracking())
    app.migrations.add(M021_CreateEvaluations())
    app.migrations.add(M022_CreateReportsAndPublication())
    app.migrations.add(M023_CreateSuccessEvidence())
    app.migrations.add(M024_CreateRedFlagRuns())
    app.migrations.add(M025_AddRedFlagOrganizationNames())
    app.migrations.add(M026_CreateIdempotencyKeys())
    app.migrations.add(M027_CreateJobs())
    app.migrations.add(M028_IndexForeignKeys())
    app.migrations.add(M029_CreateRedFlagInputs())
    app.migrations.add(M030_StreamRedFlagInputs())
    app.migrations.add(M031_IndexLongLists())
    app.migrations.add(M032_AddDataImportDigest())
    app.migrations.add(M033_TypeNeedColumns())
    app.migrations.add(M034_TypeJSONColumns())
    app.migrations.add(M035_TypeListColumns())
    app.migrations.add(M036_CreateRedFlagValidations())
    app.migrations.add(M037_CreateTermsDrafts())
    app.migrations.add(M038_AddUserTimeZone())
    app.migrations.add(M039_CreateReporting())
    app.migrations.add(M040_AddComplaintRouting())
    app.migrations.add(M041_AddReportShredding())
    app.migrations.add(M042_CreateReportRecusals())
    app.migrations.add(M043_CreateReportFiles())
    app.migrations.add(M044_AddSealedIdentity())
    app.migrations.add(M045_CreateReportForwards())
    app.migrations.add(M046_CreateReaderConflicts())
    app.migrations.add(M047_AddComplainantUpdates())
    app.migrations.add(M048_CreateAPIReaderKeys())
    app.migrations.add(M049_CreateOwnershipRegistry())
    app.migrations.add(M050_CreateProcurementLedger())
    app.migrations.add(M051_CreateSupplierDisclosures())
}

private func configureSessions(_ app: Application, _ config: AppConfiguration) {
    app.sessions.use { app in ExpiringSessionDriver(clock: app.clock) }
    app.sessions.configuration = SessionsConfiguration(cookieName: SessionSetup.cookieName) { id in
        HTTPCookies.Value(string: id.string, maxAge: Int(ExpiringSessionDriver.lifetime), path: "/",
                          isSecure: config.usesTLS, isHTTPOnly: true, sameSite: .lax)
    }
}

private func configureViews(_ app: Application) {
    let root = ResourceLocation.root.path
    app.views.use(.leaf)
    app.leaf.sources = .singleSource(NIOLeafFiles(
        fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: root, viewDirectory: root + "/Views/"))
    app.leaf.tags["t"] = TranslateTag(catalogs: app.catalogs)
    app.leaf.tags["link"] = LinkTag()
    app.leaf.cache.isEnabled = app.environment.isRelease
}

/// Order matters: errors are rendered inside the session so error pages keep the CSRF token and language,
/// and the access guard runs last, once the user and language are known. The outer middlewares work on futures and
/// the inner ones run as one async chain, so a request crosses from the event loop into a task once.
private func configureMiddleware(_ app: Application) {
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware(metrics: app.metrics))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorMiddleware.default(environment: app.environment))
    app.middleware.use(PublicFilesMiddleware(publicDirectory: ResourceLocation.root.path + "/Public/"))
    app.middleware.use(CookielessMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(AsyncMiddlewareChain(middlewares: [
        ErrorResponseMiddleware(),
        SessionUserMiddleware(),
        BearerTokenMiddleware(clock: app.clock),
        LanguageMiddleware(),
        CSRFMiddleware(),
        SkillsFreshnessMiddleware(),
        AccessGuardMiddleware(),
        IdempotencyMiddleware(),
    ]))
}

import Crypto
