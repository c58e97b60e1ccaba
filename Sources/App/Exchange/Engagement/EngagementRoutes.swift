import ExchangeCore
import Vapor

/// The routes `APIMarketingConcernController` answers.
enum APIMarketingConcernRoute: String, APIEndpoint {
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

    var operation: APIOperation {
        switch self {
        case .report: APIOperation("reportMarketingConcern",
                                   "Report that someone promoted or sold something in the exchange (either party); only programme staff see the report and the reporter",
                                   body: .json(APIMarketingConcernController.ReportInput.self), answer: .json(APIMarketingConcernController.ReceiptDTO.self),
                                   status: .created)
        case .list: APIOperation("listMarketingConcerns", "Concerns reported in this exchange, with their reporters (programme staff)",
                                 answer: .list(of: APIMarketingConcernController.ConcernDTO.self))
        case .decide: APIOperation("decideMarketingConcern", "Uphold or dismiss a concern with a reason (programme staff)",
                                   path: ["concern": .uuid], body: .json(APIMarketingConcernController.DecisionInput.self),
                                   answer: .json(APIMarketingConcernController.ConcernDTO.self))
        }
    }
}

/// The routes `APIWorkController` answers.
enum APIWorkRoute: String, APIEndpoint {
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

    var operation: APIOperation {
        switch self {
        case .workspace: APIOperation("getWorkspace",
                                      "A running engagement's work items, meetings with action items, messages, documents and timeline (the parties' timeline leaves out staff-only actions)",
                                      answer: .json(APIWorkController.WorkspaceDTO.self))
        case .updateItem: APIOperation("updateWorkItem", "Set a deliverable's or milestone's status (dropped needs a note); a milestone done re-checks conflicts",
                                       body: .json(APIWorkController.ItemUpdateInput.self), answer: .json(APIWorkController.WorkspaceDTO.self))
        case .completeAction: APIOperation("completeActionItem", "Mark a meeting's action item done", answer: .json(APIWorkController.WorkspaceDTO.self))
        case .recordMeeting: APIOperation("recordMeeting", "Log a meeting (not in the future) with its decisions, outcomes and action items",
                                          body: .json(APIWorkController.MeetingInput.self), answer: .json(APIWorkController.WorkspaceDTO.self), status: .created)
        case .post: APIOperation("postMessage", "Write to everyone in the engagement", body: .json(APIWorkController.MessageInput.self),
                                 answer: .json(APIWorkController.WorkspaceDTO.self), status: .created)
        case .upload: APIOperation(
            "uploadDocument",
            "Keep a file with the engagement: the bytes as the body, the name in ?filename= (PDF, Office, OpenDocument, CSV, text, PNG, JPEG; at most \(DocumentFormat.maximumBytes / 1024 / 1024) MB)",
            query: [.text("filename", required: true)], body: .file(json: nil, mediaTypes: ["application/octet-stream"]),
            answer: .json(APIWorkController.WorkspaceDTO.Document.self), status: .created)
        case .download: APIOperation("downloadDocument", "The file as it was uploaded", answer: .file(mediaTypes: ["application/octet-stream"]))
        }
    }
}

/// The routes `EngagementStepsController` answers.
enum EngagementStepsRoute: String, Endpoint {
    case cancel
    case beginClosing
    case close
    case extend

    var spec: EndpointSpec {
        switch self {
        case .cancel: .post("matches/:id/cancel", .programmeStaff)
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
