import Crypto
import Fluent
import Foundation
import RedFlags
import Vapor

/// Checks a finished run against known outcomes (`ocid,label`, 1 for known corrupt) and keeps the result with the run.
struct RedFlagValidationService {
    let app: Application

    /// Labels bigger than this are refused before they are read.
    static let maxLabelBytes = 5 << 20

    /// The labels cannot be used; nothing was stored.
    enum Refusal: Error {
        case noLabels
        case problems(Labels.Problems)
        /// The labelled processes the run read lack one of the two groups.
        case oneGroup(treatment: Int, control: Int)
        case runNotFinished

        var key: String {
            switch self {
            case .noLabels: "redflags.validation.error.no_labels"
            case .problems: "redflags.validation.error.problems"
            case .oneGroup: "redflags.validation.error.one_group"
            case .runNotFinished: "redflags.validation.error.run_not_finished"
            }
        }

        var status: HTTPResponseStatus {
            if case .runNotFinished = self { return .conflict }
            return .unprocessableEntity
        }

        func message(_ text: some Translating) -> String {
            switch self {
            case .oneGroup(let treatment, let control): text.t(key, text.number(treatment), text.number(control))
            case .problems(let found): text.t(key, text.number(found.all.count))
            case .noLabels, .runNotFinished: text.t(key)
            }
        }

        /// The first problems, one line each, in the reader's language.
        func problems(_ text: some Translating) -> [String] {
            guard case .problems(let found) = self else { return [] }
            return found.all.prefix(RedFlagUploadSummary.keptProblems).map { problem in
                "\(text.t("redflags.line", String(problem.line))): \(text.t("redflags.validation.problem.\(problem.kind.code)", problem.kind.arguments))"
            }
        }
    }

    /// Validates `run` against `labelsText` and keeps the result, replacing an earlier one; the same labels again
    /// change nothing. Returns the validation now kept.
    func validate(_ labelsText: String, fileName: String, run: RedFlagRun, by user: User) async throws -> RedFlagValidation {
        guard !labelsText.allSatisfy(\.isWhitespace) else { throw Refusal.noLabels }
        let labels: Labels
        do { labels = try Labels.parse(labelsText) } catch { throw Refusal.problems(error) }
        let digest = SHA256.hash(data: Data(labelsText.utf8)).hex
        let runID = try run.requireID()
        // A completed run's results never change, so the statistics are worked out before the transaction, which
        // then decides on the run's state and the kept result as it reads them.
        guard run.status == .completed, let results = try StoredRedFlagResults(run) else { throw Refusal.runNotFinished }
        let codes = IndicatorRun(settings: try run.parsedSettings()).codes
        let computed = FlagValidation(labels: labels, flags: results.codes(of: labels.byOcid.keys), codes: codes)
        guard computed.treatment > 0, computed.control > 0 else {
            throw Refusal.oneGroup(treatment: computed.treatment, control: computed.control)
        }
        _ = try await app.auditLog.transactionIfChanged(on: app.db, actor: .user(user.requireID())) { scope in
            guard try await RedFlagRun.find(runID, on: scope.db)?.status == .completed else { throw Refusal.runNotFinished }
            let kept = try await RedFlagValidation.query(on: scope.db).filter(\.$run.$id == runID).first()
            if kept?.labelsDigest == digest { throw AuditLogService.NothingToChange() }
            let record = kept ?? RedFlagValidation()
            record.$run.id = runID
            record.fileName = String(fileName.suffix(200))
            record.labelsDigest = digest
            (record.treatment, record.control, record.missing) = (computed.treatment, computed.control, computed.missing)
            record.rows = computed.rows.map(RedFlagValidation.Row.init)
            record.validatedBy = try user.requireID()
            record.validatedAt = app.clock.now()
            try await record.save(on: scope.db)
            try await scope.record(.redFlagValidate, .redFlagRun(runID), changes: [
                "file": record.fileName, "treatment": String(computed.treatment), "control": String(computed.control),
                "missing": String(computed.missing),
            ])
        }
        guard let kept = try await validation(of: run) else { throw AppError.notFound }
        return kept
    }

    func validation(of run: RedFlagRun) async throws -> RedFlagValidation? {
        try await RedFlagValidation.query(on: app.db).filter(\.$run.$id == run.requireID()).first()
    }
}
