import ExchangeCore
import Vapor

/// The routes `APIDueDiligenceController` answers.
enum APIDueDiligenceRoute: String, Endpoint {
    static let area = EndpointArea.api

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
    case cancel
    case review
    case itemForm
    case saveItem
    case decide
    case answerWaiver

    var spec: EndpointSpec {
        switch self {
        case .open: .post("matches/:id/due-diligence/open", .programmeStaff)
        case .cancel: .post("matches/:id/cancel", .programmeStaff)
        case .review: .get("matches/:id/due-diligence", .programmeStaff)
        case .itemForm: .get("matches/:id/due-diligence/items/:item", .programmeStaff)
        case .saveItem: .post("matches/:id/due-diligence/items/:item", .programmeStaff)
        case .decide: .post("matches/:id/due-diligence/decision", .programmeStaff)
        case .answerWaiver: .post("matches/:id/due-diligence/waiver", .programmeStaff)
        }
    }
}
