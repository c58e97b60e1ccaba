import ExchangeCore
import Vapor

/// The routes `APIConflictDataController` answers.
enum APIConflictDataRoute: String, Endpoint {
    static let area = EndpointArea.api

    case list
    case create

    var spec: EndpointSpec {
        switch self {
        case .list: .get("conflict-data/imports", ConflictDataController.access)
        case .create: .post("conflict-data/imports", ConflictDataController.access, body: .streaming)
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
