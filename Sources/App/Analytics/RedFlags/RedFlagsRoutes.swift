import ExchangeCore
import Vapor

/// The routes `APIRedFlagsController` answers.
enum APIRedFlagsRoute: String, Endpoint {
    static let area = EndpointArea.api

    case list
    case create
    case show

    var spec: EndpointSpec {
        switch self {
        case .list: .get("red-flags/runs", RedFlagsController.access)
        case .create: .post("red-flags/runs", RedFlagsController.access, body: .streaming)
        case .show: .get("red-flags/runs/:id", RedFlagsController.access)
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
        }
    }
}
