import Fluent
import Foundation
import RedFlags
import Vapor

/// What the red-flag pages show, built from runs and their stored results.
enum RedFlagPages {
    struct RunRow: Encodable {
        let href: String
        let fileName: String
        let status: String
        let processes: Int
        let startedAt: String
    }

    struct IndexContent: Encodable {
        let runs: [RunRow]
        let error: String?
        let problems: [String]
        let settings: String
        let template: String
    }

    static func index(_ req: Request, error: String?, problems: [String], settings: String) async throws -> IndexContent {
        let runs = try await RedFlagRun.query(on: req.db).sort(\.$startedAt, .descending).limit(50).all()
        let jobs = try await JobRecord.unfinished(.redFlags, subjects: runs.map { try $0.requireID() }, on: req.db)
        return IndexContent(
            runs: try runs.map {
                let status = displayStatus($0, progress: jobs[try $0.requireID()].map(RedFlagProgress.init))
                return RunRow(href: RedFlagsRoute.run.link(try $0.requireID()), fileName: $0.fileName, status: req.t("redflags.status.\(status.rawValue)"),
                       processes: $0.processes, startedAt: $0.startedAt.formatted(.iso8601))
            },
            error: error, problems: problems, settings: settings, template: SettingsTemplate.text)
    }

    /// A run still marked running without a job to finish it (left by a version that ran jobs in memory) was cut short.
    static func displayStatus(_ run: RedFlagRun, progress: RedFlagProgress?) -> RedFlagRun.Status {
        run.status == .running && progress == nil ? .failed : run.status
    }

    struct State {
        let status: RedFlagRun.Status
        let running: Bool
        let percent: Int
        let message: String
    }

    static func state(_ run: RedFlagRun, _ req: Request) async throws -> State {
        let progress = try await RedFlagProgress.of(run.requireID(), on: req.db)
        let status = displayStatus(run, progress: progress)
        switch status {
        case .running:
            return State(status: status, running: true, percent: progress?.percent ?? 0, message: message(progress, req))
        case .completed:
            return State(status: status, running: false, percent: 100, message: req.t("redflags.status.completed"))
        case .failed:
            return State(status: status, running: false, percent: 100, message: req.t(run.failure ?? "redflags.failure.interrupted"))
        }
    }

    /// Which pass over the file a run is in, and how far, in megabytes.
    static func message(_ progress: RedFlagProgress?, _ req: Request) -> String {
        guard let progress, let phase = progress.phase else { return req.t("redflags.progress.queued") }
        return req.t("redflags.progress.\(phase.rawValue)", req.megabytes(progress.done), req.megabytes(progress.total))
    }

    struct CountRow: Encodable {
        let code: String
        let name: String
        let href: String
        let count: Int
        /// The bar's length in the chart, in pixels, and where its label starts.
        let width: Int
        let labelX: Int
        let y: Int
    }

    struct ProcessRow: Encodable {
        let ocid: String
        let href: String
        let score: String
        let codes: String
    }

    struct OrganizationRow: Encodable {
        let label: String
        let mean: String
        let max: String
        let flagged: Int
        let processes: Int
    }

    struct RunContent: Encodable {
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
    }

    static func run(_ run: RedFlagRun, _ req: Request) async throws -> RunContent {
        let state = try await state(run, req)
        let summary = run.uploadSummary
        let results = run.status == .completed ? try StoredRedFlagResults(run) : nil
        let counts = results?.countsByCode ?? []
        let most = max(1, counts.map(\.count).max() ?? 1)
        func number(_ x: Double) -> String { String(format: "%.3f", x) }
        func organization(_ o: StoredRedFlagResults.ScoredOrganization) -> OrganizationRow {
            OrganizationRow(label: results?.label(o.id) ?? o.id, mean: number(o.mean), max: number(o.max), flagged: o.flagged, processes: o.processes)
        }
        return try RunContent(
            id: run.requireID().uuidString.lowercased(), fileName: run.fileName, running: state.running,
            failed: state.status == .failed, percent: state.percent, message: state.message, processes: run.processes,
            forms: summary.forms.map { req.t("redflags.form.\($0.replacingOccurrences(of: " ", with: "_"))") }.joined(separator: ", "),
            mergedReleases: summary.mergedReleases, readAsLatin1: summary.readAsLatin1,
            problems: summary.problems.map(req.text), problemCount: summary.problemCount,
            settings: run.settings, hasSettings: !run.settings.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            showResults: results != nil,
            counts: counts.enumerated().map { index, row in
                let width = max(2, 500 * row.count / most)
                return CountRow(code: row.code, name: req.t("redflags.indicator.\(row.code).name"), href: RedFlagsRoute.indicator.link(row.code),
                                count: row.count, width: width, labelX: width + 66, y: index * 28)
            },
            chartHeight: max(28, counts.count * 28), totalFlags: results?.flags.count ?? 0,
            topProcesses: (results?.processes ?? []).filter { !$0.codes.isEmpty }.prefix(20).map {
                ProcessRow(ocid: $0.ocid, href: RedFlagsRoute.process.link(try run.requireID(), query: [URLQueryItem(name: "ocid", value: $0.ocid)]),
                           score: number($0.score), codes: $0.codes.joined(separator: ", "))
            },
            topBuyers: (results?.buyers ?? []).filter { $0.flagged > 0 }.prefix(10).map(organization),
            topSuppliers: (results?.suppliers ?? []).filter { $0.flagged > 0 }.prefix(10).map(organization),
            csvHref: RedFlagsRoute.csv.link(run.requireID()), jsonHref: RedFlagsRoute.json.link(run.requireID()))
    }

    struct FlagRow: Encodable {
        let code: String
        let name: String
        let href: String
        let level: String
        let value: String
        let settings: String
        let meta: String
        let hasMeta: Bool
    }

    struct ProcessContent: Encodable {
        let ocid: String
        let runHref: String
        let score: String
        let buyer: String?
        let suppliers: String
        let flags: [FlagRow]
    }

    static func process(_ ocid: String, run: RedFlagRun, results: StoredRedFlagResults, _ req: Request) throws -> ProcessContent? {
        guard let scored = results.processes.first(where: { $0.ocid == ocid }) else { return nil }
        let configured = (try? Settings.parse(run.settings)) ?? Settings()
        let parties = results.parties[ocid]
        return try ProcessContent(
            ocid: ocid, runHref: RedFlagsRoute.run.link(run.requireID()), score: String(format: "%.3f", scored.score), buyer: parties?.buyer.map(results.label),
            suppliers: parties?.suppliers.map(results.label).joined(separator: ", ") ?? "",
            flags: results.flags(of: ocid).map { flag in
                FlagRow(code: flag.code, name: req.t("redflags.indicator.\(flag.code).name"), href: RedFlagsRoute.indicator.link(flag.code),
                        level: req.t("redflags.group.\(flag.group.rawValue)", flag.group == .ocid ? flag.id : results.label(flag.id)), value: JSONWriter.number(flag.value),
                        settings: settingsText(flag.code, configured, req),
                        meta: (results.meta[flag.code] ?? []).map { "\($0.0) = \(JSONWriter.number($0.1))" }.joined(separator: "; "),
                        hasMeta: results.meta[flag.code] != nil)
            })
    }

    /// The settings an indicator ran with: those configured, then defaults for the rest.
    static func settingsText(_ code: String, _ settings: Settings, _ req: Request) -> String {
        guard let indicator = IndicatorRun.all.first(where: { $0.code == code }) else { return "" }
        let configured = settings.sections[code] ?? [:]
        let parts = indicator.settingExamples.map { key, example in
            configured[key].map { "\(key) = \($0)" } ?? "\(key) = \(example) (\(req.t("redflags.default")))"
        }
        return parts.isEmpty ? req.t("redflags.no_settings") : parts.joined(separator: "; ")
    }

    struct IndicatorRow: Encodable {
        let code: String
        let name: String
        let href: String
        let origin: String
    }

    struct MethodologyContent: Encodable {
        let indicators: [IndicatorRow]
    }

    static func methodology(_ req: Request) -> MethodologyContent {
        MethodologyContent(indicators: IndicatorRun.all.map {
            IndicatorRow(code: $0.code, name: req.t("redflags.indicator.\($0.code).name"), href: RedFlagsRoute.indicator.link($0.code),
                         origin: req.t($0.code.hasPrefix("IX") ? "redflags.origin.ours" : "redflags.origin.cardinal"))
        })
    }

    struct SettingRow: Encodable {
        let key: String
        let example: String
    }

    struct IndicatorContent: Encodable {
        let code: String
        let name: String
        let measures: String
        let origin: String
        let settings: [SettingRow]
    }

    static func indicator(_ code: String, _ req: Request) -> IndicatorContent? {
        guard let indicator = IndicatorRun.all.first(where: { $0.code == code }) else { return nil }
        return IndicatorContent(code: code, name: req.t("redflags.indicator.\(code).name"), measures: req.t("redflags.indicator.\(code).measures"),
                                origin: req.t(code.hasPrefix("IX") ? "redflags.origin.ours" : "redflags.origin.cardinal"),
                                settings: indicator.settingExamples.map { SettingRow(key: $0.0, example: $0.1) })
    }
}
