import ExchangeCore
import Vapor

/// The routes `APIMatchingController` answers.
enum APIMatchingRoute: String, APIEndpoint {
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

    var operation: APIOperation {
        switch self {
        case .settings: APIOperation("getMatchingSettings", "The programme's weights, unassigned penalty and alternates (programme staff)",
                                     answer: .json(APIMatchingController.SettingsDTO.self))
        case .saveSettings: APIOperation("replaceMatchingSettings", "Change them, with a reason that is audited (programme staff)",
                                         body: .json(APIMatchingController.SettingsDTO.self), answer: .json(APIMatchingController.SettingsDTO.self))
        case .runs: APIOperation("listMatchRuns", "Batch proposals, newest first (programme staff)", query: QueryParameter.pages,
                                 answer: .page(of: APIMatchingController.RunDTO.self))
        case .start: APIOperation("startMatchRun", "Start a batch proposal over all open, screened needs; poll its progress (programme staff)",
                                  answer: .json(APIMatchingController.RunDTO.self), status: .accepted)
        case .run: APIOperation("getMatchRun", "A batch proposal: progress while running, proposals once completed (programme staff)",
                                answer: .json(APIMatchingController.RunDTO.self))
        case .decide: APIOperation("decideProposal", "Confirm a proposal, or override it with a reason; an expert chosen becomes a proposed match",
                                   body: .json(APIMatchingController.DecisionInput.self), answer: .json(APIMatchingController.DecisionDTO.self))
        case .candidates: APIOperation("rankCandidates", "Experts ranked for one need, with each score's breakdown and who was excluded why (programme staff)",
                                       query: [.integer("top", minimum: 1)], answer: .json(APIMatchingController.RankingDTO.self))
        case .matches: APIOperation("listMatches", "Proposed matches the caller is part of (staff and evaluators: all)",
                                    answer: .list(of: APIMatchingController.MatchDTO.self))
        case .match: APIOperation("getMatch", "One match with why it was made; parties and staff only (others answer 404)",
                                  answer: .json(APIMatchingController.MatchDTO.self))
        case .opportunities: APIOperation("listOpportunities", "Open needs an expert may take an interest in, with the expert's stance (experts)",
                                          answer: .list(of: APIMatchingController.OpportunityDTO.self))
        case .setStance: APIOperation("setInterest", "Say whether you are interested in a need (experts); stable matching reads it",
                                      body: .json(APIMatchingController.StanceInput.self), answer: .empty, status: .noContent)
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
