import ExchangeCore
import Vapor

/// The routes `APIMarketingConcernController` answers.
enum APIMarketingConcernRoute: String, Endpoint {
    static let area = EndpointArea.api

    case report
    case list
    case decide

    var spec: EndpointSpec {
        switch self {
        case .report: .post("matches/:id/concerns", .signedIn)
        case .list: .get("matches/:id/concerns", .programmeStaff)
        case .decide: .post("matches/:id/concerns/:concern/decision", .programmeStaff)
        }
    }
}

/// The routes `APIWorkController` answers.
enum APIWorkRoute: String, Endpoint {
    static let area = EndpointArea.api

    case workspace
    case updateItem
    case completeAction
    case recordMeeting
    case post
    case upload
    case download

    var spec: EndpointSpec {
        switch self {
        case .workspace: .get("matches/:id/work", .signedIn)
        case .updateItem: .put("matches/:id/work/items/:item", .signedIn)
        case .completeAction: .post("matches/:id/work/actions/:action/done", .signedIn)
        case .recordMeeting: .post("matches/:id/meetings", .signedIn)
        case .post: .post("matches/:id/messages", .signedIn)
        case .upload: .post("matches/:id/documents", .signedIn, body: .upTo(ByteCount(value: DocumentFormat.maximumBytes + 1)))
        case .download: .get("matches/:id/documents/:document", .signedIn)
        }
    }
}

/// The routes `EngagementStepsController` answers.
enum EngagementStepsRoute: String, Endpoint {
    case beginClosing
    case close
    case extend

    var spec: EndpointSpec {
        switch self {
        case .beginClosing: .post("matches/:id/closing", .programmeStaff)
        case .close: .post("matches/:id/close", .programmeStaff)
        case .extend: .post("matches/:id/extend", .programmeStaff)
        }
    }
}

/// The routes `MarketingConcernController` answers.
enum MarketingConcernRoute: String, Endpoint {
    case reportForm
    case report
    case show
    case decide

    var spec: EndpointSpec {
        switch self {
        case .reportForm: .get("matches/:id/concerns/new", .signedIn)
        case .report: .post("matches/:id/concerns", .signedIn)
        case .show: .get("matches/:id/concerns/:concern", .signedIn)
        case .decide: .post("matches/:id/concerns/:concern/decision", .signedIn)
        }
    }
}

/// The routes `WorkController` answers.
enum WorkRoute: String, Endpoint {
    case show
    case updateItem
    case completeAction
    case meetingForm
    case recordMeeting
    case post
    case upload
    case download

    var spec: EndpointSpec {
        switch self {
        case .show: .get("matches/:id/work", .signedIn)
        case .updateItem: .post("matches/:id/work/items/:item", .signedIn)
        case .completeAction: .post("matches/:id/work/actions/:action/done", .signedIn)
        case .meetingForm: .get("matches/:id/meetings/new", .signedIn)
        case .recordMeeting: .post("matches/:id/meetings", .signedIn)
        case .post: .post("matches/:id/messages", .signedIn)
        case .upload: .post("matches/:id/documents", .signedIn, body: .upTo(ByteCount(value: DocumentFormat.maximumBytes + 64 * 1024)))
        case .download: .get("matches/:id/documents/:document", .signedIn)
        }
    }
}
