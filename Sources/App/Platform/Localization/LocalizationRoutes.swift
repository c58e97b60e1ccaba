import ExchangeCore
import Vapor

/// The routes `LanguageController` answers.
enum LanguageRoute: String, Endpoint {
    case choose

    var spec: EndpointSpec {
        switch self {
        case .choose: .post("language", .open)
        }
    }
}
