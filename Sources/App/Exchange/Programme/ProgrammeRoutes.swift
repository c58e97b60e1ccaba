import ExchangeCore
import Vapor

/// The routes `ProgrammeController` answers.
enum ProgrammeRoute: String, Endpoint {
    case dashboard
    case responsesCSV
    case dictionaryCSV

    var spec: EndpointSpec {
        switch self {
        case .dashboard: .get("programme", ProgrammeController.access)
        case .responsesCSV: .get("programme/responses.csv", ProgrammeController.access)
        case .dictionaryCSV: .get("programme/responses-dictionary.csv", ProgrammeController.access)
        }
    }
}

/// The routes `ProgrammeSettingsController` answers.
enum ProgrammeSettingsRoute: String, Endpoint {
    case indicators
    case addEvidence
    case questionnaires
    case addQuestion
    case removeQuestion

    var spec: EndpointSpec {
        switch self {
        case .indicators: .get("programme/indicators", ProgrammeController.access)
        case .addEvidence: .post("programme/indicators", .programmeStaff)
        case .questionnaires: .get("programme/questionnaires", .programmeStaff)
        case .addQuestion: .post("programme/questionnaires", .programmeStaff)
        case .removeQuestion: .post("programme/questionnaires/:stage/:question/remove", .programmeStaff)
        }
    }
}

/// The routes `ProgrammeSummaryController` answers.
enum ProgrammeSummaryRoute: String, Endpoint {
    case html
    case json
    case pdf

    var spec: EndpointSpec {
        switch self {
        case .html: .get("programme/summary", ProgrammeController.access)
        case .json: .get("programme/summary.json", ProgrammeController.access)
        case .pdf: .get("programme/summary.pdf", ProgrammeController.access)
        }
    }
}
