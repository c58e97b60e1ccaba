import ExchangeCore
import Foundation

/// A public body's participation: its attestations, its screening, and submission or the coordinator's decision.
struct ParticipationPage: PageModel {
    static let template = "participation"
    let titleKey = "body_participation.title"
    static let attestationNames = ["proBono", "workHours", "publicCommunication", "integrityMandate"]

    let id: String
    let name: String
    let organisationHref: String
    let status: String
    let screening: [ScreeningRow]
    let hasScreening: Bool
    let attestations: [Option]
    let canSubmit: Bool
    let canDecide: Bool
    let decisionAction: String
    let decisionHint = "body_participation.reason_hint"
    let form: FormState

    /// `mayUpdate`: the reader may change the organisation; `managesProgramme`: the reader decides for the programme.
    init(organisation o: Organisation, mayUpdate: Bool, managesProgramme: Bool, errors: [FieldError], text: some Translating) throws {
        let id = try o.requireID(), status = o.participationStatus ?? .draft
        let given: [String: Bool?] = ["proBono": o.proBono, "workHours": o.workHours, "publicCommunication": o.publicCommunication,
                                      "integrityMandate": o.integrityMandate]
        self.id = id.pathSegment
        name = o.name
        organisationHref = OrganisationRoute.show.link(id)
        self.status = text.t("participation.\(status.rawValue)")
        screening = ScreeningRow.rows(o.screening, text)
        hasScreening = !screening.isEmpty
        attestations = Self.attestationNames.map { Option(value: $0, label: text.t("body_participation.attest.\($0)"), selected: given[$0] == true) }
        canSubmit = mayUpdate
        canDecide = managesProgramme && ParticipationWorkflow.coordinatorMayDecide(status)
        decisionAction = ParticipationRoute.decide.link(id)
        form = FormState(values: [:], errors: errors, on: text)
    }
}
