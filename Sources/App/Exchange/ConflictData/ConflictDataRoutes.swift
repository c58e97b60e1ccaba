import ExchangeCore
import Vapor

/// The routes `APIConflictDataController` answers.
enum APIConflictDataRoute: String, APIEndpoint {
    case list
    case create

    var spec: EndpointSpec {
        switch self {
        case .list: .get("conflict-data/imports", ConflictDataController.access)
        case .create: .post("conflict-data/imports", ConflictDataController.access, body: .streaming)
        }
    }

    var operation: APIOperation {
        switch self {
        case .list: APIOperation("listConflictDataImports", "Imports of OCDS and BODS data, newest first (programme staff, analysts)",
                                 query: QueryParameter.pages, answer: .page(of: APIConflictDataController.ImportDTO.self))
        case .create: APIOperation(
            "importConflictData",
            "Check (dryRun) or import OCDS or BODS data for conflict screening, all or nothing: the file as the body (gzip allowed, streamed to disk) with kind in the query, or small text in JSON. A 422 lists the bad lines (error.problems, the first 1,000; error.problemCount); 413: over CONFLICT_DATA_MAX_UPLOAD. The same file sent again by the same person within ten minutes answers 200 with that import",
            query: [.oneOf("kind", DataImport.Kind.self), .text("fileName"), .boolean("dryRun")],
            body: .file(json: APIConflictDataController.ImportInput.self, mediaTypes: ["application/x-ndjson", "application/gzip", "application/octet-stream"]),
            answer: .json(APIConflictDataController.ImportDTO.self), status: .created)
        }
    }
}

/// The routes `ConflictDataController` answers.
enum ConflictDataRoute: String, Endpoint {
    case show
    case upload

    var spec: EndpointSpec {
        switch self {
        case .show: .get("conflict-data", ConflictDataController.access)
        case .upload: .post("conflict-data", ConflictDataController.access, body: .streaming)
        }
    }
}
