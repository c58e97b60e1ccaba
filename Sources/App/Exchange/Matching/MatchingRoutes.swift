import ExchangeCore
import Vapor

/// The routes `APIMatchingController` answers.
enum APIMatchingRoute: String, Endpoint {
    static let area = EndpointArea.api

    case settings
    case saveSettings
    case runs
    case start
    case run
    case decide
    case candidates
    case matches
    case match
    case opportunities
    case setStance

    var spec: EndpointSpec {
        switch self {
        case .settings: .get("matching/settings", .programmeStaff)
        case .saveSettings: .put("matching/settings", .programmeStaff)
        case .runs: .get("matching/runs", .programmeStaff)
        case .start: .post("matching/runs", .programmeStaff)
        case .run: .get("matching/runs/:id", .programmeStaff)
        case .decide: .post("matching/proposals/:id/decision", .programmeStaff)
        case .candidates: .get("needs/:id/candidates", .programmeStaff)
        case .matches: .get("matches", .signedIn)
        case .match: .get("matches/:id", .signedIn)
        case .opportunities: .get("opportunities", .roles([.expert]))
        case .setStance: .put("opportunities/:id", .roles([.expert]))
        }
    }
}

/// The routes `CandidatesController` answers.
enum CandidatesRoute: String, Endpoint {
    case candidates

    var spec: EndpointSpec {
        switch self {
        case .candidates: .get("needs/:id/candidates", .programmeStaff)
        }
    }
}

/// The routes `MatchController` answers.
enum MatchRoute: String, Endpoint {
    case list
    case show

    var spec: EndpointSpec {
        switch self {
        case .list: .get("matches", .signedIn)
        case .show: .get("matches/:id", .signedIn)
        }
    }
}

/// The routes `MatchingBoardController` answers.
enum MatchingBoardRoute: String, Endpoint {
    case board
    case start
    case run
    case progress
    case comparison
    case decide

    var spec: EndpointSpec {
        switch self {
        case .board: .get("matching", .programmeStaff)
        case .start: .post("matching/runs", .programmeStaff)
        case .run: .get("matching/runs/:id", .programmeStaff)
        case .progress: .get("matching/runs/:id/progress", .programmeStaff)
        case .comparison: .get("matching/runs/:id/comparison", .programmeStaff)
        case .decide: .post("matching/proposals/:id/decision", .programmeStaff)
        }
    }
}

/// The routes `MatchingSettingsController` answers.
enum MatchingSettingsRoute: String, Endpoint {
    case show
    case save

    var spec: EndpointSpec {
        switch self {
        case .show: .get("matching/settings", .programmeStaff)
        case .save: .post("matching/settings", .programmeStaff)
        }
    }
}

/// The routes `OpportunitiesController` answers.
enum OpportunitiesRoute: String, Endpoint {
    case list
    case setStance

    var spec: EndpointSpec {
        switch self {
        case .list: .get("opportunities", .roles([.expert]))
        case .setStance: .post("opportunities/:id", .roles([.expert]))
        }
    }
}
