import ExchangeCore
import Fluent
import Foundation
import SecureReporting
import Crypto
import Vapor

/// The reporting module's demo: the seed subjects, received by the Spanish court's integrity office and, around it
/// when it is implicated, the French agency; both hold a key pair. Three fictional reports come in, one of them with
/// a question from the office and the whistleblower's answer, which `receipt` opens; the reports stand at three stages
/// (received, under review, investigation opened). The administrator, custodian of sealed identities, has a request
/// waiting from the office to see the identity the procurement report's whistleblower gave. The office forwards a
/// redacted copy of a permit complaint to the agency, whose reader declared a conflict with the licensing desk.
struct DemoReporting {
    let app: Application
    let coordinator: User

    /// Fictional, printed with the demo's sign-ins so anyone can try coming back to a report.
    static let receipt = Receipt(typed: DemoProgramme.reportReceipt)!

    /// After the first report, the administrator publishes a clearer help text for its story question: that report
    /// keeps version 1, and the builder shows version 2 with the history.
    private func clarifyMisconductQuestionnaire(by administrator: User) async throws {
        guard let context = try await ReportContext.query(on: app.db).filter(\.$key == SeedQuestionnaire.officialMisconduct.key).first() else { return }
        var questionnaire = SeedQuestionnaire.officialMisconduct.questionnaire
        for s in questionnaire.steps.indices {
            for f in questionnaire.steps[s].fields.indices where questionnaire.steps[s].fields[f].id == "account" {
                questionnaire.steps[s].fields[f].help = LocalizedText(
                    en: "In your own words, in the order it happened. Dates and places help most.",
                    fr: "Avec vos mots, dans l’ordre où c’est arrivé. Les dates et les lieux aident le plus.",
                    es: "Con sus palabras, en el orden en que ocurrió. Las fechas y los lugares son lo que más ayuda.")
            }
        }
        _ = try await app.registry.reportContexts.publish(questionnaire, to: context, editedFrom: 1, by: administrator)
    }

    /// How many records it made; none when reports exist already.
    func seed() async throws -> Int {
        guard try await Report.query(on: app.db).count() == 0,
              let office = try await User.find(StableID.make("user.public-es"), on: app.db),
              let agency = try await User.find(StableID.make("user.public-fr"), on: app.db),
              let custodian = try await User.find(StableID.make("user.administrator"), on: app.db),
              let officeOrganisation = office.$organisation.id, let agencyOrganisation = agency.$organisation.id else { return 0 }
        let registry = app.registry
        try await registry.reportContexts.seed()
        for context in try await ReportContext.query(on: app.db).all() {
            try await registry.reportContexts.setRecipients([
                .init(key: SeedQuestionnaire.integrityUnit, organisationID: officeOrganisation),
                .init(key: SeedQuestionnaire.externalOmbudsman, organisationID: agencyOrganisation),
            ], of: context, by: coordinator)
        }
        // The administrator is the custodian of sealed identities, so holds a key pair too.
        for person in [office, agency, custodian] where try await RecipientKey.query(on: app.db).filter(\.$user.$id == person.requireID()).count() == 0 {
            _ = try await registry.recipientKeys.make(for: person, password: DemoProgramme.password)
        }
        // The agency's reader once worked at the licensing desk the first report names, and said so: that report is
        // never wrapped for them.
        try await registry.readerConflicts.declare("Licensing desk", as: agency)
        let intake = registry.reportIntake
        _ = try await intake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
            "kind": ["theft"], "account": ["Fictional: the head of the licensing desk keeps part of the fees paid in cash."],
            "who": ["Head of the licensing desk (fictional)"], "handlers-involved": ["no"], "amount": ["4800"], "ongoing": ["yes"],
        ], regions: [], receipt: Self.receipt)
        let thread = try await intake.open(receipt: Self.receipt.value)
        try await clarifyMisconductQuestionnaire(by: custodian)
        let key = try await registry.recipientKeys.unlock(for: office, password: DemoProgramme.password)
        try await intake.ask(thread.reportID, as: office, privateKey: key, text: "Do you know which months the cash fees were not recorded? (fictional)")
        try await intake.reply(receipt: Self.receipt.value, text: "From March to June, as far as I know. (fictional)",
                               attachments: [ReportAttachment(name: "ledger-extract.csv",
                                                              content: Data("month,fees collected,fees banked\n2026-03,4200,2900\n2026-04,3900,2500\n(fictional)\n".utf8))])
        try await intake.changeStatus(thread.reportID, from: .received, to: .underReview, explanation: "We are checking the desk's cash records. (fictional)",
                                      as: office, privateKey: key)
        let procurement = try await intake.submit(to: SeedQuestionnaire.procurementFraud.key, answers: [
            "scheme": ["rigged-specification", "kickback"], "account": ["Fictional: the road tender asked for a machine only one bidder owns."],
            "buyer": ["Fictional roads agency"], "value": ["250000"], "insider": ["yes"],
        ], regions: [], identity: ReportIdentity(name: "Fictional engineer", contact: "Through the receipt only (fictional)"))
        let tender = try await intake.open(receipt: procurement.value).reportID
        try await registry.reportIdentity.request(tender, reason: "We need to hear the engineer as a witness. (fictional)", as: office)
        try await intake.changeStatus(tender, from: .received, to: .underReview, explanation: "We have asked the agency for the tender file. (fictional)",
                                      as: office, privateKey: key)
        try await intake.changeStatus(tender, from: .underReview, to: .investigationOpened, explanation: "An investigation is open. (fictional)",
                                      as: office, privateKey: key)
        let history = try await complaints(office: office, agency: agency, key: key)
        // The permit complaint reaches the office alone (the routing table sends the south's complaints there), and the
        // office forwards it to the agency without the story and the amount.
        let permit = try await intake.send(to: SeedQuestionnaire.bribery.key, answers: [
            "danger": ["no"], "service": ["permits"], "account": ["Fictional: I was asked for a payment to speed up a building permit."],
            "asked": ["money"], "amount": ["300"], "where": [Self.south],
        ], regions: Self.regions).reportID
        try await registry.reportForwarding.forward(permit, to: agencyOrganisation, keeping: ["service", "asked", "where"],
                                                    note: "Building permits are yours to inspect; ask us for more if you need it. (fictional)",
                                                    forwardID: StableID.make("report-forward.permit"), as: office, privateKey: key)
        // Three reports; a question, its answer and three explanations of a move; three key pairs; a request to see a
        // sealed identity; the complaints; a forwarded copy; a declared conflict; a questionnaire's second version.
        return 3 + 2 + 3 + 3 + 1 + history + 1 + 1 + 1
    }

    static let south = "039", west = "155"
    static let regions = Set(WorldRegion.all.map(\.code))

    /// Bribery complaints go to the office, and those from Western Europe to the agency. Last month five came from
    /// Southern Europe, and were answered and closed; this month Western Europe sends five, a surge against its quiet
    /// year that coordinators see. How many records it made.
    private func complaints(office: User, agency: User, key: Curve25519.KeyAgreement.PrivateKey) async throws -> Int {
        let registry = app.registry
        guard let officeOrganisation = office.$organisation.id, let agencyOrganisation = agency.$organisation.id else { return 0 }
        for (region, organisation) in [(nil, officeOrganisation), (Self.west, agencyOrganisation)] {
            _ = try await registry.complaintRouting.add(.init(category: SeedQuestionnaire.bribery.key, region: region, authority: organisation), by: coordinator)
        }
        var made = 2
        let now = app.clock.now()
        let lastMonth = CalendarDay.parse("\(ReportMonth(now).window(2)[0])-10")!
        for number in 0..<5 {
            // The first complainant asked for updates by e-mail: the outbox shows each move's mail, its address not kept.
            let contact = number == 0 ? ComplainantContact(email: "complainant@demo.integrity.invalid", language: "es") : nil
            let receipt = try await intake(on: lastMonth).submit(to: SeedQuestionnaire.bribery.key, answers: complaint(Self.south, number), regions: Self.regions,
                                                                 contact: contact)
            let id = try await intake(on: lastMonth).open(receipt: receipt.value).reportID
            try await intake(on: lastMonth.addingTimeInterval(3 * 86_400)).changeStatus(
                id, from: .received, to: .underReview, explanation: "We are looking into it. (fictional)", as: office, privateKey: key)
            try await intake(on: lastMonth.addingTimeInterval(Double(12 + number) * 86_400)).changeStatus(
                id, from: .underReview, to: number % 2 == 0 ? .closedWithAction : .closedWithoutAction,
                explanation: "The inquiry is finished. (fictional)", as: office, privateKey: key)
            made += 3
        }
        for number in 0..<5 {
            _ = try await intake(on: now).submit(to: SeedQuestionnaire.bribery.key, answers: complaint(Self.west, number), regions: Self.regions)
            made += 1
        }
        return made
    }

    private func intake(on day: Date) -> ReportIntakeService {
        app.registry.reportIntake.with(clock: .fixed(day))
    }

    private func complaint(_ region: String, _ number: Int) -> [String: [String]] {
        let services = ["health", "education", "police", "permits", "taxes"]
        return ["danger": ["no"], "service": [services[number % services.count]], "account": ["Fictional: a fee was asked for a free service."],
                "asked": [number % 3 == 0 ? "gift" : "money"], "where": [region]]
    }
}
