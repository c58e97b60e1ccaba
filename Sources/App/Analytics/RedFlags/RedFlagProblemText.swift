import RedFlags
import ExchangeCore

/// The red-flag engine's problems in the reader's language: the engine gives each a stable code and arguments.
extension Translating {
    func text(_ problem: Settings.Problem) -> String {
        let location = problem.line.map { t("redflags.line", String($0)) } ?? problem.path ?? ""
        return "\(location): \(t("redflags.settings_problem.\(problem.code)", problem.arguments))"
    }

    func text(_ problem: CompiledReleaseSet.Problem) -> String {
        uploadProblem(line: problem.line, code: problem.code, arguments: problem.arguments)
    }

    /// Runs stored before problems had codes keep their English reason.
    func text(_ problem: RedFlagUploadSummary.Problem) -> String {
        guard let code = problem.code else { return "\(t("redflags.line", String(problem.line))): \(problem.reason)" }
        return uploadProblem(line: problem.line, code: code, arguments: problem.arguments ?? [])
    }

    private func uploadProblem(line: Int, code: String, arguments: [String]) -> String {
        var arguments = arguments
        // A JSON syntax error names its own reason by code.
        if code == "invalidJSON", arguments.count == 2 { arguments[1] = t("redflags.json.\(arguments[1])") }
        return "\(t("redflags.line", String(line))): \(t("redflags.upload_problem.\(code)", arguments))"
    }
}
