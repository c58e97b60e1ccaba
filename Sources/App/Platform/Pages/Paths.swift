import ExchangeCore
import Foundation

/// Every page's address, in one place.
enum Paths {
    static let home = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let register = "/register"
    static let forgotPassword = "/password/forgot"
    static let resetPassword = "/password/reset"
    static let acceptInvitation = "/invitations/accept"
    static let language = "/language"
    static let organisations = "/organisations"
    static let myOrganisation = "/organisations/mine"
    static let people = "/people"
    static let invitations = "/invitations"
    static let audit = "/audit"
    static let outbox = "/outbox"
    static let jobs = "/jobs"
    static let notifications = "/notifications"
    static let account = "/account"
    static let tokens = "/account/tokens"
    static let roster = "/roster"
    static let experts = "/experts"
    static let needs = "/needs"
    static let profile = "/profile"
    static let matching = "/matching"
    static let matchingSettings = "/matching/settings"
    static let matches = "/matches"
    static let opportunities = "/opportunities"
    static let skills = "/skills"
    static let conflictData = "/conflict-data"
    static let redFlags = "/red-flags"
    static let redFlagMethodology = "/red-flags/methodology"

    static func redFlagRun(_ id: UUID) -> String { "/red-flags/runs/\(id.uuidString.lowercased())" }
    static func redFlagMethodology(_ code: String) -> String { "/red-flags/methodology/\(code)" }
    static func organisation(_ id: UUID) -> String { "/organisations/\(id.uuidString.lowercased())" }
    static func participation(_ id: UUID) -> String { "/organisations/\(id.uuidString.lowercased())/participation" }
    static func need(_ id: UUID) -> String { "/needs/\(id.uuidString.lowercased())" }
    static func matchRun(_ id: UUID) -> String { "/matching/runs/\(id.uuidString.lowercased())" }
    static func match(_ id: UUID) -> String { "/matches/\(id.uuidString.lowercased())" }
    static func matchDeclaration(_ id: UUID) -> String { match(id) + "/declaration" }
    static func dueDiligence(_ id: UUID) -> String { match(id) + "/due-diligence" }
    static func terms(_ id: UUID) -> String { match(id) + "/terms" }
    static func work(_ id: UUID) -> String { match(id) + "/work" }
    static func evaluations(_ id: UUID) -> String { match(id) + "/evaluations" }
    static func evaluation(_ id: UUID, _ stage: EvaluationStage) -> String { evaluations(id) + "/\(stage.rawValue)" }
    static let programme = "/programme"
    static func report(_ id: UUID) -> String { match(id) + "/report" }
    static let publicExchanges = "/public"
    static func publicExchange(_ id: UUID) -> String { "/public/exchanges/\(id.uuidString.lowercased())" }
    static func marketingConcerns(_ id: UUID) -> String { match(id) + "/concerns" }
    static func marketingConcern(_ id: UUID, _ concern: UUID) -> String { marketingConcerns(id) + "/\(concern.uuidString.lowercased())" }
    static func skillEdit(_ id: String) -> String { "/skills/\(id)/edit" }
    static func auditHistory(type: String, id: String) -> String { "/audit?subjectType=\(type)&subjectID=\(id)" }
}

