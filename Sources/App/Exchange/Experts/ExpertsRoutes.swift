import ExchangeCore
import Vapor

/// The routes `APIProfileController` answers.
enum APIProfileRoute: String, APIEndpoint {
    static let letterTypes = LetterFormat.allCases.map(\.contentType)

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

    var operation: APIOperation {
        switch self {
        case .show: APIOperation("getOwnProfile", "The signed-in expert's profile (started or confirmed on first read)", answer: .json(ExpertProfileDetailDTO.self))
        case .save: APIOperation("saveOwnProfile", "Replace the draft profile's details; what is left out is cleared (experts)",
                                 body: .json(ExpertProfileInput.self), answer: .json(ExpertProfileDetailDTO.self))
        case .submit: APIOperation("submitOwnProfile", "Screen the profile: eligible, ineligible or left for a coordinator (experts)",
                                   answer: .json(ExpertProfileDetailDTO.self))
        case .downloadOwn: APIOperation("getOwnLetter", "Download the employer's letter (experts)", answer: .file(mediaTypes: Self.letterTypes))
        case .attachLetter: APIOperation("attachOwnLetter", "Attach or replace the employer's letter: the raw PDF, PNG or JPEG is the body, at most 2 MB (experts)",
                                         query: [.text("filename")], body: .file(json: nil, mediaTypes: Self.letterTypes),
                                         answer: .json(APIProfileController.LetterDTO.self))
        case .removeLetter: APIOperation("removeOwnLetter", "Remove the employer's letter (experts)", answer: .empty, status: .noContent)
        case .showAny: APIOperation("getExpert", "One expert profile in full, with its screening (programme staff)", answer: .json(ExpertProfileDetailDTO.self))
        case .downloadAny: APIOperation("getExpertLetter", "Download an expert's employer's letter (programme staff)", answer: .file(mediaTypes: Self.letterTypes))
        }
    }
}

/// The routes `APIRosterController` answers.
enum APIRosterRoute: String, APIEndpoint {
    case importRoster
    case experts

    var spec: EndpointSpec {
        switch self {
        case .importRoster: .post("roster/imports", .programmeStaff, body: .upTo(RosterController.maxUpload))
        case .experts: .get("experts", .programmeStaff)
        }
    }

    var operation: APIOperation {
        switch self {
        case .importRoster: APIOperation("importRoster", "Check (dryRun) or import an expert roster, all or nothing (programme staff)",
                                         body: .json(APIRosterController.ImportInput.self), answer: .json(APIRosterController.ImportReport.self))
        case .experts: APIOperation("listExperts", "Expert profiles (programme staff)", query: QueryParameter.pages, answer: .page(of: ExpertProfileDTO.self))
        }
    }
}

/// The routes `APIScreeningController` answers.
enum APIScreeningRoute: String, APIEndpoint {
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

    var operation: APIOperation {
        switch self {
        case .participation: APIOperation("getParticipation", "A public body's participation and its screening (staff, evaluators, analysts, members)",
                                          answer: .json(APIScreeningController.ParticipationDTO.self))
        case .submitParticipation: APIOperation("submitParticipation", "Attest and submit the body's participation; it is screened at once (staff, members)",
                                                body: .json(APIScreeningController.AttestationsInput.self), answer: .json(APIScreeningController.ParticipationDTO.self))
        case .decideParticipation: APIOperation("decideParticipation", "Decide a screened body's participation, or override it, with a reason (programme staff)",
                                                body: .json(APIScreeningController.DecisionInput.self), answer: .json(APIScreeningController.ParticipationDTO.self))
        case .decideExpert: APIOperation("decideExpert", "Decide an expert profile screening left for review, or override it, with a reason (programme staff)",
                                         body: .json(APIScreeningController.DecisionInput.self), answer: .json(ExpertProfileDTO.self))
        case .decideNeed: APIOperation("decideNeed", "Decide a need screening left for review, or override its result, with a reason (programme staff)",
                                       body: .json(APIScreeningController.DecisionInput.self), answer: .json(NeedDTO.self))
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
