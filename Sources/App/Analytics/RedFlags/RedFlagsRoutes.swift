import ExchangeCore
import Vapor

/// The routes `APIRedFlagsController` answers.
enum APIRedFlagsRoute: String, APIEndpoint {
    case list
    case create
    case show
    case validation
    case validate

    var spec: EndpointSpec {
        switch self {
        case .list: .get("red-flags/runs", RedFlagsController.access)
        case .create: .post("red-flags/runs", RedFlagsController.access, body: .streaming)
        case .show: .get("red-flags/runs/:id", RedFlagsController.access)
        case .validation: .get("red-flags/runs/:id/validation", RedFlagsController.access)
        case .validate: .put("red-flags/runs/:id/validation", RedFlagsController.access, body: RedFlagsRoute.labelsBody)
        }
    }

    var operation: APIOperation {
        switch self {
        case .list: APIOperation("listRedFlagRuns", "The last 100 red-flag runs, newest first (programme staff, analysts)",
                                 answer: .list(of: APIRedFlagsController.RunDTO.self))
        case .create: APIOperation(
            "startRedFlagRun",
            "Upload OCDS (compiled releases one per line, release or record packages; gzip allowed) and start a background red-flag run; poll the Location. The same file with the same settings sent again while its run goes on answers that run. A 422 names bad settings or lists why nothing could be read; 413: over REDFLAGS_MAX_UPLOAD",
            query: [.text("fileName"), .text("settings")],
            body: .file(json: APIRedFlagsController.RunInput.self, mediaTypes: ["application/x-ndjson", "application/gzip", "application/octet-stream"]),
            answer: .json(APIRedFlagsController.RunDTO.self), status: .accepted)
        case .show: APIOperation("getRedFlagRun", "A run's status and progress; once completed, flags per indicator and the 20 highest risk scores",
                                 answer: .json(APIRedFlagsController.RunDTO.self))
        case .validation: APIOperation("getRedFlagValidation", "How well each flag of a finished run separates the processes labelled corrupt from the others; 404 until labels are given",
                                       answer: .json(APIRedFlagsController.ValidationDTO.self))
        case .validate: APIOperation(
            "validateRedFlagRun",
            "Check a finished run against known outcomes: labels as CSV text, ocid,label with 1 for known corrupt and 0 for the others. Replaces an earlier check; the same labels again change nothing. 422 lists the lines at fault or says a group is missing; 409 while the run is not finished",
            body: .json(APIRedFlagsController.ValidationInput.self), answer: .json(APIRedFlagsController.ValidationDTO.self))
        }
    }
}

/// The routes `RedFlagsController` answers.
enum RedFlagsRoute: String, Endpoint {
    case index
    case upload
    case run
    case progress
    case process
    case csv
    case json
    case methodology
    case indicator
    case validate

    /// Labels files are small: a line per labelled process.
    static let labelsBody = EndpointSpec.Body.upTo(ByteCount(value: RedFlagValidationService.maxLabelBytes + (64 << 10)))

    var spec: EndpointSpec {
        switch self {
        case .index: .get("red-flags", RedFlagsController.access)
        case .upload: .post("red-flags", RedFlagsController.access, body: .streaming)
        case .run: .get("red-flags/runs/:id", RedFlagsController.access)
        case .progress: .get("red-flags/runs/:id/progress", RedFlagsController.access)
        case .process: .get("red-flags/runs/:id/process", RedFlagsController.access)
        case .csv: .get("red-flags/runs/:id/flags.csv", RedFlagsController.access)
        case .json: .get("red-flags/runs/:id/results.json", RedFlagsController.access)
        case .methodology: .get("red-flags/methodology", RedFlagsController.access)
        case .indicator: .get("red-flags/methodology/:code", RedFlagsController.access)
        case .validate: .post("red-flags/runs/:id/validation", RedFlagsController.access, body: Self.labelsBody)
        }
    }
}
