import ExchangeCore
import Vapor

/// The routes `APIDueDiligenceController` answers.
enum APIDueDiligenceRoute: String, APIEndpoint {
    case cancel
    case review
    case open
    case recordItem
    case decide
    case answerWaiver
    case ownDeclaration
    case declare

    var spec: EndpointSpec {
        switch self {
        case .cancel: .post("matches/:id/cancel", .programmeStaff)
        case .review: .get("matches/:id/due-diligence", .programmeStaff)
        case .open: .post("matches/:id/due-diligence/open", .programmeStaff)
        case .recordItem: .put("matches/:id/due-diligence/checklist/:item", .programmeStaff)
        case .decide: .post("matches/:id/due-diligence/decision", .programmeStaff)
        case .answerWaiver: .post("matches/:id/due-diligence/waiver", .programmeStaff)
        case .ownDeclaration: .get("matches/:id/declaration", .signedIn)
        case .declare: .put("matches/:id/declaration", .signedIn)
        }
    }

    var operation: APIOperation {
        switch self {
        case .cancel: APIOperation("cancelMatch", "Cancel from any open stage with a reason both parties receive (programme staff)",
                                   body: .json(APIDueDiligenceController.ReasonInput.self), answer: .json(APIMatchingController.MatchDTO.self))
        case .review: APIOperation("getDueDiligence", "The match's due diligence: checklist, both declarations, conflict signals and decisions (programme staff)",
                                   answer: .json(APIDueDiligenceController.ReviewDTO.self))
        case .open: APIOperation("openDueDiligence", "Proposed → due diligence; both parties are asked to declare (programme staff)",
                                 answer: .json(APIDueDiligenceController.ReviewDTO.self))
        case .recordItem: APIOperation("recordChecklistItem", "Record one checklist item's status, notes and links (programme staff)",
                                       path: ["item": .enumeration(of: DueDiligenceItem.self)], body: .json(APIDueDiligenceController.ChecklistInput.self),
                                       answer: .json(APIDueDiligenceController.ChecklistItemDTO.self))
        case .decide: APIOperation("decideDueDiligence", "Clear, reject or ask for a waiver, with a written reason (programme staff)",
                                   body: .json(APIDueDiligenceController.DecisionInput.self), answer: .json(APIDueDiligenceController.ReviewDTO.self))
        case .answerWaiver: APIOperation("answerWaiver", "A second coordinator approves or declines a waiver (a decline needs a note)",
                                         body: .json(APIDueDiligenceController.WaiverInput.self), answer: .json(APIDueDiligenceController.ReviewDTO.self))
        case .ownDeclaration: APIOperation("getOwnDeclaration", "Your side's conflict-of-interest declaration, if made (parties)",
                                           answer: .json(APIDueDiligenceController.DeclarationDTO.self))
        case .declare: APIOperation("declare", "Declare your side's interests once, attested (parties)",
                                    body: .json(APIDueDiligenceController.DeclarationInput.self), answer: .json(APIDueDiligenceController.DeclarationDTO.self))
        }
    }
}

/// The routes `DeclarationController` answers.
enum DeclarationRoute: String, Endpoint {
    case form
    case file

    var spec: EndpointSpec {
        switch self {
        case .form: .get("matches/:id/declaration", .signedIn)
        case .file: .post("matches/:id/declaration", .signedIn)
        }
    }
}

/// The routes `DueDiligenceController` answers.
enum DueDiligenceRoute: String, Endpoint {
    case open
    case review
    case itemForm
    case saveItem
    case decide
    case answerWaiver

    var spec: EndpointSpec {
        switch self {
        case .open: .post("matches/:id/due-diligence/open", .programmeStaff)
        case .review: .get("matches/:id/due-diligence", .programmeStaff)
        case .itemForm: .get("matches/:id/due-diligence/items/:item", .programmeStaff)
        case .saveItem: .post("matches/:id/due-diligence/items/:item", .programmeStaff)
        case .decide: .post("matches/:id/due-diligence/decision", .programmeStaff)
        case .answerWaiver: .post("matches/:id/due-diligence/waiver", .programmeStaff)
        }
    }
}
