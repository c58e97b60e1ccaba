import ExchangeCore
import Vapor

/// The routes `APITermsController` answers.
enum APITermsRoute: String, APIEndpoint {
    case list
    case save
    case keptDraft
    case keepDraft
    case sign
    case start

    var spec: EndpointSpec {
        switch self {
        case .list: .get("matches/:id/terms", .signedIn)
        case .save: .put("matches/:id/terms", .signedIn)
        case .keptDraft: .get("matches/:id/terms/draft", .signedIn)
        case .keepDraft: .put("matches/:id/terms/draft", .signedIn)
        case .sign: .post("matches/:id/terms/sign", .signedIn)
        case .start: .post("matches/:id/start", .programmeStaff)
        }
    }

    var operation: APIOperation {
        switch self {
        case .list: APIOperation("getTerms", "Every version of the Terms of Reference, newest first, with signatures (programme staff, both parties, evaluators)",
                                 answer: .json(APITermsController.TermsDTO.self))
        case .save: APIOperation("saveTerms",
                                 "Save the Terms of Reference as a new version (201), or keep the current one when nothing changed (200); field errors name the domain's fields (goals[0].text, deliverables[1].due, …)",
                                 body: .json(APITermsController.TermsInput.self), answer: .json(APITermsController.SavedDTO.self), status: .created)
        case .keptDraft: APIOperation("getTermsDraft", "The draft kept since the last version, if any, with what still breaks the rules (fields named as in saveTerms)",
                                      answer: .json(APITermsController.DraftDTO.self))
        case .keepDraft: APIOperation("keepTermsDraft",
                                      "Keep the Terms as they are, rules broken or not, in place of the earlier kept draft; the same draft again changes nothing (changed: false)",
                                      body: .json(APITermsController.TermsInput.self), answer: .json(APITermsController.DraftDTO.self))
        case .sign: APIOperation("signTerms", "Sign the current version for your side; the third signature completes sign-off after a conflict re-check",
                                 answer: .json(APITermsController.TermsDTO.self))
        case .start: APIOperation("startEngagement", "ToR signed → active, after a conflict re-check (programme staff)", answer: .json(APITermsController.TermsDTO.self))
        }
    }
}

/// The routes `TermsController` answers.
enum TermsRoute: String, Endpoint {
    case show
    case save
    case sign
    case version
    case exportHTML
    case exportJSON
    case exportPDF
    case start

    var spec: EndpointSpec {
        switch self {
        case .show: .get("matches/:id/terms", .signedIn)
        case .save: .post("matches/:id/terms", .signedIn)
        case .sign: .post("matches/:id/terms/sign", .signedIn)
        case .version: .get("matches/:id/terms/versions/:number", .signedIn)
        case .exportHTML: .get("matches/:id/terms/export.html", .signedIn)
        case .exportJSON: .get("matches/:id/terms/export.json", .signedIn)
        case .exportPDF: .get("matches/:id/terms/export.pdf", .signedIn)
        case .start: .post("matches/:id/start", .programmeStaff)
        }
    }
}
