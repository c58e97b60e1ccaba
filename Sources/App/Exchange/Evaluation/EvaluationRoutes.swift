import ExchangeCore
import Vapor

/// The routes `APIEvaluationController` answers.
enum APIEvaluationRoute: String, APIEndpoint {
    case list
    case answer
    case beginClosing
    case close
    case extend
    case kpis

    var spec: EndpointSpec {
        switch self {
        case .list: .get("matches/:id/evaluations", .signedIn)
        case .answer: .post("matches/:id/evaluations/:stage", .signedIn)
        case .beginClosing: .post("matches/:id/closing", .programmeStaff)
        case .close: .post("matches/:id/close", .programmeStaff)
        case .extend: .post("matches/:id/extend", .programmeStaff)
        case .kpis: .get("programme/kpis", ProgrammeController.access)
        }
    }

    var operation: APIOperation {
        switch self {
        case .list: APIOperation("listEvaluations", "Each evaluation round with its questionnaire as sent; staff and evaluators see every response, a party its own",
                                 answer: .list(of: APIEvaluationController.RoundDTO.self))
        case .answer: APIOperation("answerEvaluation",
                                   "Answer the stage's questionnaire once, as a party (field errors name question ids); both sides answering the closing round completes post-evaluations",
                                   path: ["stage": .enumeration(of: EvaluationStage.self)], body: .json(APIEvaluationController.AnswersInput.self),
                                   answer: .empty, status: .created)
        case .beginClosing: APIOperation("beginClosing", "Active → closing; the closing questionnaires go out (programme staff)",
                                         answer: .json(APIEvaluationController.StageDTO.self))
        case .close: APIOperation("closeEngagement", "Closing → closed; without both sides' closing evaluations only with overrideReason (programme staff)",
                                  body: .json(APIEvaluationController.CloseInput.self), answer: .json(APIEvaluationController.StageDTO.self))
        case .extend: APIOperation("extendEngagement", "More months with a reason, never past six in all (programme staff)",
                                   body: .json(APIEvaluationController.ExtendInput.self), answer: .json(APIEvaluationController.StageDTO.self))
        case .kpis: APIOperation("getProgrammeKPIs", "KPIs 1–3 from live data (staff, evaluators, analysts)", answer: .json(APIEvaluationController.KPIDTO.self))
        }
    }
}

/// The routes `EvaluationController` answers.
enum EvaluationRoute: String, Endpoint {
    case list
    case form
    case answer

    var spec: EndpointSpec {
        switch self {
        case .list: .get("matches/:id/evaluations", .signedIn)
        case .form: .get("matches/:id/evaluations/:stage", .signedIn)
        case .answer: .post("matches/:id/evaluations/:stage", .signedIn)
        }
    }
}
