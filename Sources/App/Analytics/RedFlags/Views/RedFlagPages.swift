import ExchangeCore
import Foundation
import RedFlags

/// Where a run stands: a run still marked running without a job to finish it (left by a version that ran jobs in
/// memory) was cut short.
struct RedFlagRunState: Sendable, Equatable {
    let status: RedFlagRun.Status
    let running: Bool
    let percent: Int
    let message: String

    init(_ run: RedFlagRun, progress: RedFlagProgress?, text: some Translating) {
        status = Self.status(run, progress: progress)
        switch status {
        case .running: (running, percent, message) = (true, progress?.percent ?? 0, Self.message(progress, text))
        case .completed: (running, percent, message) = (false, 100, text.t("redflags.status.completed"))
        case .failed: (running, percent, message) = (false, 100, text.t(run.failure ?? "redflags.failure.interrupted"))
        }
    }

    static func status(_ run: RedFlagRun, progress: RedFlagProgress?) -> RedFlagRun.Status {
        run.status == .running && progress == nil ? .failed : run.status
    }

    /// Which pass over the file a run is in, and how far, in megabytes.
    static func message(_ progress: RedFlagProgress?, _ text: some Translating) -> String {
        guard let progress, let phase = progress.phase else { return text.t("redflags.progress.queued") }
        return text.t("redflags.progress.\(phase.rawValue)", text.megabytes(progress.done), text.megabytes(progress.total))
    }
}

/// The runs so far and the upload form, with why the last upload was refused.
struct RedFlagIndexPage: PageModel {
    static let template = "redflags"
    let titleKey = "redflags.title"

    struct RunRow: Encodable, Sendable, Equatable {
        let href: String
        let fileName: String
        let status: String
        let processes: Int
        let startedAt: String
    }

    let runs: [RunRow]
    let error: String?
    let problems: [String]
    let settings: String
    let template: String
    /// What the file field takes, with the instance's upload limit in the reader's units.
    let fileHint: String

    /// `runs` newest first; `progress` holds the runs a job still works on.
    init(runs: [RedFlagRun], progress: [UUID: RedFlagProgress], error: String?, problems: [String], settings: String, maxUpload: Int,
         text: some Translating) throws {
        self.runs = try runs.map {
            let id = try $0.requireID()
            let status = RedFlagRunState.status($0, progress: progress[id])
            return RunRow(href: RedFlagsRoute.run.link(id), fileName: $0.fileName, status: text.t("redflags.status.\(status.rawValue)"),
                          processes: $0.processes, startedAt: text.dateTime($0.startedAt))
        }
        self.error = error
        self.problems = problems
        self.settings = settings
        template = SettingsTemplate.text
        fileHint = text.t("redflags.file_hint", text.fileSize(maxUpload))
    }
}

/// One run: its progress while it runs, then the flags by indicator, the riskiest processes, buyers and suppliers.
struct RedFlagRunPage: PageModel {
    static let template = "redflag_run"
    let titleKey = "redflags.run_title"

    struct CountRow: Encodable, Sendable, Equatable {
        let code: String
        let name: String
        let href: String
        let count: Int
        /// The bar's length in the chart, in pixels, and where its label starts.
        let width: Int
        let labelX: Int
        let y: Int
    }

    struct ProcessRow: Encodable, Sendable, Equatable {
        let ocid: String
        let href: String
        let score: String
        let codes: String
    }

    struct OrganizationRow: Encodable, Sendable, Equatable {
        let label: String
        let mean: String
        let max: String
        let flagged: Int
        let processes: Int
    }

    let id: String
    let fileName: String
    let running: Bool
    let failed: Bool
    let percent: Int
    let message: String
    let processes: Int
    let forms: String
    let mergedReleases: Int
    let readAsLatin1: Bool
    let problems: [String]
    let problemCount: Int
    let settings: String
    let hasSettings: Bool
    let showResults: Bool
    let counts: [CountRow]
    let chartHeight: Int
    let totalFlags: Int
    let topProcesses: [ProcessRow]
    let topBuyers: [OrganizationRow]
    let topSuppliers: [OrganizationRow]
    let csvHref: String
    let jsonHref: String
    /// Offered once the run has results.
    let validation: RedFlagValidationSection?

    /// `results` once the run completed; `validation` its kept check against labels, `refusal` why the last labels
    /// sent could not be used.
    init(run: RedFlagRun, progress: RedFlagProgress?, results: StoredRedFlagResults?, validation: RedFlagValidation? = nil,
         refusal: RedFlagValidationService.Refusal? = nil, text: some Translating) throws {
        let runID = try run.requireID()
        let state = RedFlagRunState(run, progress: progress, text: text)
        let summary = run.uploadSummary
        let counts = results?.countsByCode ?? []
        let most = max(1, counts.map(\.count).max() ?? 1)
        func number(_ x: Double) -> String { String(format: "%.3f", x) }
        func organization(_ o: StoredRedFlagResults.ScoredOrganization) -> OrganizationRow {
            OrganizationRow(label: results?.label(o.id) ?? o.id, mean: number(o.mean), max: number(o.max), flagged: o.flagged, processes: o.processes)
        }
        id = runID.pathSegment
        fileName = run.fileName
        running = state.running
        failed = state.status == .failed
        percent = state.percent
        message = state.message
        processes = run.processes
        forms = summary.forms.map { text.t("redflags.form.\($0.replacingOccurrences(of: " ", with: "_"))") }.joined(separator: ", ")
        mergedReleases = summary.mergedReleases
        readAsLatin1 = summary.readAsLatin1
        problems = summary.problems.map { text.text($0) }
        problemCount = summary.problemCount
        settings = run.settings
        hasSettings = !run.settings.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        showResults = results != nil
        self.counts = counts.enumerated().map { index, row in
            let width = max(2, 500 * row.count / most)
            return CountRow(code: row.code, name: text.t("redflags.indicator.\(row.code).name"), href: RedFlagsRoute.indicator.link(row.code),
                            count: row.count, width: width, labelX: width + 66, y: index * 28)
        }
        chartHeight = max(28, counts.count * 28)
        totalFlags = results?.flags.count ?? 0
        topProcesses = (results?.processes ?? []).filter { !$0.codes.isEmpty }.prefix(20).map {
            ProcessRow(ocid: $0.ocid, href: RedFlagsRoute.process.link(runID, query: [URLQueryItem(name: "ocid", value: $0.ocid)]),
                       score: number($0.score), codes: $0.codes.joined(separator: ", "))
        }
        topBuyers = (results?.buyers ?? []).filter { $0.flagged > 0 }.prefix(10).map(organization)
        topSuppliers = (results?.suppliers ?? []).filter { $0.flagged > 0 }.prefix(10).map(organization)
        csvHref = RedFlagsRoute.csv.link(runID)
        jsonHref = RedFlagsRoute.json.link(runID)
        self.validation = results == nil ? nil : RedFlagValidationSection(runID: runID, kept: validation, refusal: refusal, text: text)
    }
}

/// One process of a run: its score, its parties, and every flag with the settings it ran with.
struct RedFlagProcessPage: PageModel {
    static let template = "redflag_process"
    let titleKey = "redflags.process_title"

    struct FlagRow: Encodable, Sendable, Equatable {
        let code: String
        let name: String
        let href: String
        let level: String
        let value: String
        let settings: String
        let meta: String
        let hasMeta: Bool
    }

    let ocid: String
    let runHref: String
    let score: String
    let buyer: String?
    let suppliers: String
    let flags: [FlagRow]

    /// Nil when the run has no process `ocid`.
    init?(_ ocid: String, run: RedFlagRun, results: StoredRedFlagResults, text: some Translating) throws {
        guard let scored = results.processes.first(where: { $0.ocid == ocid }) else { return nil }
        let configured = (try? run.parsedSettings()) ?? Settings()
        let parties = results.parties[ocid]
        self.ocid = ocid
        runHref = RedFlagsRoute.run.link(try run.requireID())
        score = String(format: "%.3f", scored.score)
        buyer = parties?.buyer.map(results.label)
        suppliers = parties?.suppliers.map(results.label).joined(separator: ", ") ?? ""
        flags = results.flags(of: ocid).map { flag in
            FlagRow(code: flag.code, name: text.t("redflags.indicator.\(flag.code).name"), href: RedFlagsRoute.indicator.link(flag.code),
                    level: text.t("redflags.group.\(flag.group.rawValue)", flag.group == .ocid ? flag.id : results.label(flag.id)),
                    value: JSONWriter.number(flag.value), settings: Self.settingsText(flag.code, configured, text),
                    meta: (results.meta[flag.code] ?? []).map { "\($0.0) = \(JSONWriter.number($0.1))" }.joined(separator: "; "),
                    hasMeta: results.meta[flag.code] != nil)
        }
    }

    /// The settings an indicator ran with: those configured, then defaults for the rest.
    static func settingsText(_ code: String, _ settings: Settings, _ text: some Translating) -> String {
        guard let indicator = IndicatorRun.all.first(where: { $0.code == code }) else { return "" }
        let configured = settings.sections[code] ?? [:]
        let parts = indicator.settingExamples.map { key, example in
            configured[key].map { "\(key) = \($0)" } ?? "\(key) = \(example) (\(text.t("redflags.default")))"
        }
        return parts.isEmpty ? text.t("redflags.no_settings") : parts.joined(separator: "; ")
    }
}

/// Every indicator, where it comes from, and a link to how it works.
struct RedFlagMethodologyPage: PageModel {
    static let template = "redflag_methodology"
    let titleKey = "redflags.methodology_title"

    struct IndicatorRow: Encodable, Sendable, Equatable {
        let code: String
        let name: String
        let href: String
        let origin: String
    }

    let indicators: [IndicatorRow]

    init(text: some Translating) {
        indicators = IndicatorRun.all.map {
            IndicatorRow(code: $0.code, name: text.t("redflags.indicator.\($0.code).name"), href: RedFlagsRoute.indicator.link($0.code),
                         origin: text.t($0.code.hasPrefix("IX") ? "redflags.origin.ours" : "redflags.origin.cardinal"))
        }
    }
}

/// One indicator: what it measures, where it comes from, and its settings with examples.
struct RedFlagIndicatorPage: PageModel {
    static let template = "redflag_indicator"
    let titleKey = "redflags.indicator_title"

    struct SettingRow: Encodable, Sendable, Equatable {
        let key: String
        let example: String
    }

    let code: String
    let name: String
    let measures: String
    let origin: String
    let settings: [SettingRow]

    /// Nil for a code no indicator has.
    init?(_ code: String, text: some Translating) {
        guard let indicator = IndicatorRun.all.first(where: { $0.code == code }) else { return nil }
        self.code = code
        name = text.t("redflags.indicator.\(code).name")
        measures = text.t("redflags.indicator.\(code).measures")
        origin = text.t(code.hasPrefix("IX") ? "redflags.origin.ours" : "redflags.origin.cardinal")
        settings = indicator.settingExamples.map { SettingRow(key: $0.0, example: $0.1) }
    }
}
