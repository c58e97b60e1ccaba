import Foundation
import ExchangeCore
import Logging
import SecureReporting

/// Every setting the platform reads, in one typed place. Values come from the environment (see README).
public struct AppConfiguration: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)
    }

    public enum MailTransport: String, Sendable {
        /// Messages stay in the stored outbox.
        case outbox
        /// Messages are handed to the system's sendmail.
        case sendmail
    }

    public var host: String
    public var port: Int
    public var database: DatabaseChoice
    public var dataDirectory: String
    public var baseURL: String
    public var logLevel: Logger.Level
    public var mailTransport: MailTransport
    public var mailFrom: String
    public var sendmailPath: String
    /// Where the audit log's Ed25519 signing key lives; defaults to a file under the data directory.
    public var auditKeyPath: String?
    public var bcryptCost: Int
    /// Reveals the demo outbox to administrators and marks the banner; set by `serve --demo`.
    public var demoMode: Bool
    /// How many years back "recent employment" reaches on conflict-of-interest declarations.
    public var conflictLookbackYears: Int = ConflictDeclaration.defaultLookbackYears
    /// Days without tracked activity before an engagement's parties are reminded.
    public var inactivityDays: Int = Reminders.defaultInactivityDays
    /// How often the server sends due reminders; 0 leaves it to `integrity reminders` (e.g. from cron).
    public var reminderIntervalMinutes: Int = 60
    /// Background jobs this process runs at once (`WORKER_CONCURRENCY`); 0 runs none (`serve --no-worker`).
    public var workerConcurrency: Int = 1
    /// The Likert score (1–5) from which a periodic evaluation counts as the body's needs being met (KPI 1).
    public var needsMetThreshold: Int = NeedsMetKPI.defaultThreshold
    /// The largest red-flag upload accepted, in bytes as sent (gzip counts compressed); `REDFLAGS_MAX_UPLOAD`.
    public var redFlagsMaxUpload: Int = 2 << 30
    /// The largest OCDS or BODS file for conflict screening, in bytes as sent; `CONFLICT_DATA_MAX_UPLOAD`.
    public var conflictDataMaxUpload: Int = 2 << 30
    /// The effective share, in percent, from which someone is a beneficial owner (`OWNERSHIP_THRESHOLD`, 1–100); the
    /// FATF's 25% unless a law sets another.
    public var ownershipThresholdPercent: Int = 25
    /// How hard receipts and recipients' passwords are stretched (scrypt); tests and the demo lower it, installations
    /// never should.
    public var reportStretchCost: StretchCost = .standard
    /// The demo's cost (N = 2^12): its reports and receipts are fictional, and it must start in seconds.
    public static let demoStretchCost = StretchCost(n: 1 << 12, r: 8, p: 1)
    /// Stretches that may run at once (`REPORT_KDF_CONCURRENCY`); each takes `reportStretchCost.memory` (128 MiB).
    public var reportStretchConcurrency: Int = 2
    /// Wrong receipts the installation accepts in ten minutes before coming back is refused until the window ends
    /// (`REPORT_RECEIPT_FAILURES`).
    public var reportReceiptFailures: Int = 100
    /// Reports the installation accepts in ten minutes (`REPORT_SUBMISSIONS`), and one subject accepts
    /// (`REPORT_SUBMISSIONS_PER_SUBJECT`); past either, sending is refused until the window ends.
    public var reportSubmissions: Int = 600
    public var reportSubmissionsPerSubject: Int = 200
    /// The headless Chromium that prints PDFs; nil means the first of chromium, chromium-browser, google-chrome on PATH.
    public var chromiumPath: String?

    public var usesTLS: Bool { baseURL.lowercased().hasPrefix("https://") }

    /// Uploads waiting for a worker, under the data directory; every instance must see the same directory.
    public var uploadsDirectory: String {
        (dataDirectory as NSString).appendingPathComponent("uploads")
    }

    /// The procurement ledger's checkpoint key (`LEDGER_KEY_PATH`), apart from the audit log's.
    public var ledgerKeyPath: String?

    public var resolvedLedgerKeyPath: String {
        ledgerKeyPath ?? (dataDirectory as NSString).appendingPathComponent("ledger-signing-key")
    }

    /// The ledger's checkpoint origin: its URL prefix without the scheme (c2sp.org/tlog-tiles), such as
    /// `integrity.example.org/ledger`.
    public var ledgerOrigin: String {
        let withoutScheme = baseURL.split(separator: "://", maxSplits: 1).last.map(String.init) ?? baseURL
        let trimmed = withoutScheme.hasSuffix("/") ? String(withoutScheme.dropLast()) : withoutScheme
        return trimmed + "/ledger"
    }

    public var resolvedAuditKeyPath: String {
        auditKeyPath ?? (dataDirectory as NSString).appendingPathComponent("audit-signing-key")
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseChoice = .sqliteMemory,
        dataDirectory: String = "./data", baseURL: String = "http://127.0.0.1:8080", logLevel: Logger.Level = .info,
        mailTransport: MailTransport = .outbox, mailFrom: String = "Integrity Exchange <no-reply@integrity.invalid>",
        sendmailPath: String = "/usr/sbin/sendmail", auditKeyPath: String? = nil, bcryptCost: Int = 12,
        demoMode: Bool = false
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.dataDirectory = dataDirectory
        self.baseURL = baseURL
        self.logLevel = logLevel
        self.mailTransport = mailTransport
        self.mailFrom = mailFrom
        self.sendmailPath = sendmailPath
        self.auditKeyPath = auditKeyPath
        self.bcryptCost = bcryptCost
        self.demoMode = demoMode
    }

    /// "2gb", "500mb", "64kb" or a number of bytes.
    static func byteCount(_ text: String) -> Int? {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in [("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10), ("b", 1)] where lowered.hasSuffix(suffix) {
            return Int(lowered.dropLast(suffix.count)).flatMap { $0.multipliedReportingOverflow(by: factor).overflow ? nil : $0 * factor }
        }
        return Int(lowered)
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the environment; an unusable value is an error naming the variable.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
        var config = AppConfiguration()
        config.host = env["HOST"] ?? config.host
        if let raw = env["PORT"] {
            guard let port = Int(raw), (1...65535).contains(port) else { throw Invalid(description: "PORT must be 1–65535, got \(raw)") }
            config.port = port
        }
        config.dataDirectory = env["DATA_DIR"] ?? config.dataDirectory
        if let url = env["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw Invalid(description: "DATABASE_URL must start with postgres:// (unset it to use SQLite)")
            }
            config.database = .postgres(url: url)
        } else {
            config.database = .sqliteFile(path: (config.dataDirectory as NSString).appendingPathComponent("integrity.sqlite"))
        }
        config.baseURL = env["BASE_URL"] ?? "http://\(config.host):\(config.port)"
        if let raw = env["LOG_LEVEL"] {
            guard let level = Logger.Level(rawValue: raw.lowercased()) else {
                throw Invalid(description: "LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical")
            }
            config.logLevel = level
        }
        if let raw = env["MAIL_TRANSPORT"] {
            guard let transport = MailTransport(rawValue: raw) else { throw Invalid(description: "MAIL_TRANSPORT must be outbox or sendmail") }
            config.mailTransport = transport
        }
        config.mailFrom = env["MAIL_FROM"] ?? config.mailFrom
        config.sendmailPath = env["SENDMAIL_PATH"] ?? config.sendmailPath
        config.chromiumPath = env["CHROMIUM_PATH"].flatMap { $0.isEmpty ? nil : $0 }
        if let raw = env["KPI_NEEDS_MET_THRESHOLD"] {
            guard let score = Int(raw), (1...5).contains(score) else { throw Invalid(description: "KPI_NEEDS_MET_THRESHOLD must be 1–5, got \(raw)") }
            config.needsMetThreshold = score
        }
        if let raw = env["INACTIVITY_DAYS"] {
            guard let days = Int(raw), (1...90).contains(days) else { throw Invalid(description: "INACTIVITY_DAYS must be 1–90, got \(raw)") }
            config.inactivityDays = days
        }
        if let raw = env["REMINDER_INTERVAL_MINUTES"] {
            guard let minutes = Int(raw), (0...1440).contains(minutes) else {
                throw Invalid(description: "REMINDER_INTERVAL_MINUTES must be 0–1440, got \(raw)")
            }
            config.reminderIntervalMinutes = minutes
        }
        if let raw = env["WORKER_CONCURRENCY"] {
            guard let count = Int(raw), (1...64).contains(count) else { throw Invalid(description: "WORKER_CONCURRENCY must be 1–64, got \(raw)") }
            config.workerConcurrency = count
        }
        if let raw = env["REDFLAGS_MAX_UPLOAD"] {
            guard let bytes = Self.byteCount(raw), bytes > 0 else {
                throw Invalid(description: "REDFLAGS_MAX_UPLOAD must be a size such as 2gb, 500mb or 1048576, got \(raw)")
            }
            config.redFlagsMaxUpload = bytes
        }
        if let raw = env["CONFLICT_DATA_MAX_UPLOAD"] {
            guard let bytes = Self.byteCount(raw), bytes > 0 else {
                throw Invalid(description: "CONFLICT_DATA_MAX_UPLOAD must be a size such as 2gb, 500mb or 1048576, got \(raw)")
            }
            config.conflictDataMaxUpload = bytes
        }
        config.auditKeyPath = env["AUDIT_KEY_PATH"]
        config.ledgerKeyPath = env["LEDGER_KEY_PATH"]
        if let raw = env["REPORT_KDF_CONCURRENCY"] {
            guard let count = Int(raw), (1...64).contains(count) else { throw Invalid(description: "REPORT_KDF_CONCURRENCY must be 1–64, got \(raw)") }
            config.reportStretchConcurrency = count
        }
        if let raw = env["REPORT_RECEIPT_FAILURES"] {
            guard let count = Int(raw), (1...100_000).contains(count) else { throw Invalid(description: "REPORT_RECEIPT_FAILURES must be 1–100000, got \(raw)") }
            config.reportReceiptFailures = count
        }
        for (name, path) in [("REPORT_SUBMISSIONS", \AppConfiguration.reportSubmissions),
                             ("REPORT_SUBMISSIONS_PER_SUBJECT", \AppConfiguration.reportSubmissionsPerSubject)] {
            guard let raw = env[name] else { continue }
            guard let count = Int(raw), (1...1_000_000).contains(count) else { throw Invalid(description: "\(name) must be 1–1000000, got \(raw)") }
            config[keyPath: path] = count
        }
        if let raw = env["OWNERSHIP_THRESHOLD"] {
            guard let percent = Int(raw), (1...100).contains(percent) else { throw Invalid(description: "OWNERSHIP_THRESHOLD must be 1–100 (percent), got \(raw)") }
            config.ownershipThresholdPercent = percent
        }
        if let raw = env["CONFLICT_LOOKBACK_YEARS"] {
            guard let years = Int(raw), (1...20).contains(years) else {
                throw Invalid(description: "CONFLICT_LOOKBACK_YEARS must be 1–20, got \(raw)")
            }
            config.conflictLookbackYears = years
        }
        return config
    }
}
