import ExchangeCore
import Vapor

/// The routes `APIPublicationController` answers.
enum APIPublicationRoute: String, APIEndpoint {
    case report
    case saveReport
    case consent
    case publish
    case published

    var spec: EndpointSpec {
        switch self {
        case .report: .get("matches/:id/report", .signedIn)
        case .saveReport: .put("matches/:id/report", .signedIn)
        case .consent: .put("matches/:id/report/consent", .signedIn)
        case .publish: .put("matches/:id/publication", .programmeStaff)
        case .published: .get("public/exchanges", .open)
        }
    }

    var operation: APIOperation {
        switch self {
        case .report: APIOperation("getClosingReport", "The closing report, each item's consents and what is published",
                                   answer: .json(APIPublicationController.ReportDTO.self))
        case .saveReport: APIOperation("saveClosingReport", "Write the report while closing or after (staff and both parties)",
                                       body: .json(APIPublicationController.ReportInput.self), answer: .json(APIPublicationController.ReportDTO.self))
        case .consent: APIOperation("setPublicationConsent",
                                    "Your side's consent, as the full list of items it agrees to publish; withdrawn items leave the public pages",
                                    body: .json(APIPublicationController.ConsentInput.self), answer: .json(APIPublicationController.ReportDTO.self))
        case .publish: APIOperation("publishExchange", "Publish a closed exchange's redacted texts, only for items both sides consented to (programme staff)",
                                    body: .json(APIPublicationController.PublishInput.self), answer: .json(APIPublicationController.ReportDTO.self))
        case .published: APIOperation("listPublishedExchanges", "Published exchanges, as the public pages show them",
                                      answer: .list(of: APIPublicationController.PublishedDTO.self))
        }
    }
}

/// The routes `PublicController` answers.
enum PublicRoute: String, Endpoint {
    case list
    case show
    case lessons

    var spec: EndpointSpec {
        switch self {
        case .list: .get("public", .open)
        case .show: .get("public/exchanges/:id", .open)
        case .lessons: .get("public/lessons", .open)
        }
    }
}

/// The routes `ReportController` answers.
enum ReportRoute: String, Endpoint {
    case show
    case save
    case consent
    case publicationForm
    case publish

    var spec: EndpointSpec {
        switch self {
        case .show: .get("matches/:id/report", .signedIn)
        case .save: .post("matches/:id/report", .signedIn)
        case .consent: .post("matches/:id/report/consent", .signedIn)
        case .publicationForm: .get("matches/:id/publication", .programmeStaff)
        case .publish: .post("matches/:id/publication", .programmeStaff)
        }
    }
}
