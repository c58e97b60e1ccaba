import ExchangeCore
import Vapor

/// The routes `ReportSubjectController` answers: administrators keep the reporting subjects, their recipients and
/// retention, and build their questionnaires.
enum ReportSubjectRoute: String, Endpoint {
    case list
    case create
    case subject
    case settings
    case builder
    /// A builder's button (add, remove, move, check): it changes only the form sent back, never the database.
    case edit
    case publish

    var spec: EndpointSpec {
        switch self {
        case .list: .get("report-subjects", .administrators)
        case .create: .post("report-subjects", .administrators)
        case .subject: .get("report-subjects/:id", .administrators)
        case .settings: .post("report-subjects/:id/settings", .administrators)
        case .builder: .get("report-subjects/:id/builder", .administrators)
        case .edit: .post("report-subjects/:id/builder", .administrators)
        case .publish: .post("report-subjects/:id/publish", .administrators)
        }
    }
}

/// The routes `APIReportSubjectController` answers: the same work as the pages, over JSON.
enum APIReportSubjectRoute: String, APIEndpoint {
    case list
    case create
    case settings
    case questionnaire
    case publish

    var spec: EndpointSpec {
        switch self {
        case .list: .get("report-subjects", .administrators)
        case .create: .post("report-subjects", .administrators)
        case .settings: .put("report-subjects/:id/settings", .administrators)
        case .questionnaire: .get("report-subjects/:id/questionnaire", .administrators)
        case .publish: .post("report-subjects/:id/questionnaire", .administrators)
        }
    }

    var operation: APIOperation {
        switch self {
        case .list: APIOperation("listReportSubjects", "Reporting subjects with their recipients, retention and current questionnaire's number (administrators)",
                                 answer: .list(of: ReportSubjectDTO.self))
        case .create: APIOperation("addReportSubject", "Add a subject whose version 1 is a model questionnaire (start: seed:<key>) or another subject's (subject:<key>); 422 names what is wrong, a key in use included (administrators)",
                                   body: .json(ReportSubjectInput.self), answer: .json(ReportSubjectDTO.self), status: .created)
        case .settings: APIOperation("setReportSubjectSettings", "Set who receives the subject's reports, under the keys its rules name, and the days they are kept (30 to 3650) (administrators)",
                                     body: .json(ReportSubjectSettingsInput.self), answer: .json(ReportSubjectDTO.self))
        case .questionnaire: APIOperation("getReportQuestionnaire", "The subject's current questionnaire, with the longest path a reporter can be shown (administrators)",
                                          answer: .json(QuestionnaireVersionDTO.self))
        case .publish: APIOperation("publishReportQuestionnaire", "Publish the next version after the builder's check (422 lists each problem by its path in the document); 409 when base is no longer the current version, or when the questionnaire is the current one (administrators)",
                                    body: .json(QuestionnairePublicationInput.self), answer: .json(QuestionnaireVersionDTO.self), status: .created)
        }
    }
}
