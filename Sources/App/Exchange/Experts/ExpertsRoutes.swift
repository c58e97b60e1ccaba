import ExchangeCore
import Vapor

/// The routes `APIProfileController` answers.
enum APIProfileRoute: String, Endpoint {
    static let area = EndpointArea.api

    case show
    case save
    case submit
    case downloadOwn
    case attachLetter
    case removeLetter
    case showAny
    case downloadAny

    var spec: EndpointSpec {
        switch self {
        case .show: .get("profile", .roles([.expert]))
        case .save: .put("profile", .roles([.expert]))
        case .submit: .post("profile/submit", .roles([.expert]))
        case .downloadOwn: .get("profile/letter", .roles([.expert]))
        case .attachLetter: .put("profile/letter", .roles([.expert]), body: .upTo(AuthorisationLetterController.maxUpload))
        case .removeLetter: .delete("profile/letter", .roles([.expert]))
        case .showAny: .get("experts/:id", .programmeStaff)
        case .downloadAny: .get("experts/:id/letter", .programmeStaff)
        }
    }
}

/// The routes `APIRosterController` answers.
enum APIRosterRoute: String, Endpoint {
    static let area = EndpointArea.api

    case importRoster
    case experts

    var spec: EndpointSpec {
        switch self {
        case .importRoster: .post("roster/imports", .programmeStaff, body: .upTo(RosterController.maxUpload))
        case .experts: .get("experts", .programmeStaff)
        }
    }
}

/// The routes `APIScreeningController` answers.
enum APIScreeningRoute: String, Endpoint {
    static let area = EndpointArea.api

    case participation
    case submitParticipation
    case decideParticipation
    case decideExpert
    case decideNeed

    var spec: EndpointSpec {
        switch self {
        case .participation: .get("organisations/:id/participation", .signedIn)
        case .submitParticipation: .put("organisations/:id/participation", .signedIn)
        case .decideParticipation: .post("organisations/:id/participation/decision", .programmeStaff)
        case .decideExpert: .post("experts/:id/decision", .programmeStaff)
        case .decideNeed: .post("needs/:id/decision", .programmeStaff)
        }
    }
}

/// The routes `AuthorisationLetterController` answers.
enum AuthorisationLetterRoute: String, Endpoint {
    case downloadOwn
    case upload
    case remove
    case downloadAny

    var spec: EndpointSpec {
        switch self {
        case .downloadOwn: .get("profile/letter", .roles([.expert]))
        case .upload: .post("profile/letter", .roles([.expert]), body: .upTo(AuthorisationLetterController.maxUpload))
        case .remove: .post("profile/letter/remove", .roles([.expert]))
        case .downloadAny: .get("experts/:id/letter", .programmeStaff)
        }
    }
}

/// The routes `ProfileController` answers.
enum ProfileRoute: String, Endpoint {
    case show
    case save
    case submit

    var spec: EndpointSpec {
        switch self {
        case .show: .get("profile", .roles([.expert]))
        case .save: .post("profile", .roles([.expert]))
        case .submit: .post("profile/submit", .roles([.expert]))
        }
    }
}

/// The routes `RosterController` answers.
enum RosterRoute: String, Endpoint {
    case upload
    case preview
    case importRoster
    case experts
    case review
    case decide

    var spec: EndpointSpec {
        switch self {
        case .upload: .get("roster", .programmeStaff)
        case .preview: .post("roster/preview", .programmeStaff, body: .upTo(RosterController.maxUpload))
        case .importRoster: .post("roster/import", .programmeStaff, body: .upTo(RosterController.maxUpload))
        case .experts: .get("experts", .programmeStaff)
        case .review: .get("experts/:id", .programmeStaff)
        case .decide: .post("experts/:id/decision", .programmeStaff)
        }
    }
}
