import ExchangeCore
import Fluent
import Foundation
import SecureReporting
import Vapor

/// The reporting module's demo: the seed subjects, received by the Spanish court's integrity office and, around it
/// when it is implicated, the French agency; both hold a key pair. Three fictional reports come in, one of them with
/// a question from the office and the whistleblower's answer, which `receipt` opens; the reports stand at three stages
/// (received, under review, investigation opened).
struct DemoReporting {
    let app: Application
    let coordinator: User

    /// Fictional, printed with the demo's sign-ins so anyone can try coming back to a report.
    static let receipt = Receipt(typed: DemoProgramme.reportReceipt)!

    /// How many records it made; none when reports exist already.
    func seed() async throws -> Int {
        guard try await Report.query(on: app.db).count() == 0,
              let office = try await User.find(StableID.make("user.public-es"), on: app.db),
              let agency = try await User.find(StableID.make("user.public-fr"), on: app.db),
              let officeOrganisation = office.$organisation.id, let agencyOrganisation = agency.$organisation.id else { return 0 }
        let registry = app.registry
        try await registry.reportContexts.seed()
        for context in try await ReportContext.query(on: app.db).all() {
            try await registry.reportContexts.setRecipients([
                .init(key: SeedQuestionnaire.integrityUnit, organisationID: officeOrganisation),
                .init(key: SeedQuestionnaire.externalOmbudsman, organisationID: agencyOrganisation),
            ], of: context, by: coordinator)
        }
        for person in [office, agency] where try await RecipientKey.query(on: app.db).filter(\.$user.$id == person.requireID()).count() == 0 {
            _ = try await registry.recipientKeys.create(for: person, password: DemoProgramme.password)
        }
        let intake = registry.reportIntake
        _ = try await intake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
            "kind": ["theft"], "account": ["Fictional: the head of the licensing desk keeps part of the fees paid in cash."],
            "who": ["Head of the licensing desk (fictional)"], "handlers-involved": ["no"], "amount": ["4800"], "ongoing": ["yes"],
        ], regions: [], receipt: Self.receipt)
        let thread = try await intake.open(receipt: Self.receipt.value)
        let key = try await registry.recipientKeys.unlock(for: office, password: DemoProgramme.password)
        try await intake.ask(thread.reportID, as: office, privateKey: key, text: "Do you know which months the cash fees were not recorded? (fictional)")
        try await intake.reply(receipt: Self.receipt.value, text: "From March to June, as far as I know. (fictional)")
        try await intake.changeStatus(thread.reportID, from: .received, to: .underReview, explanation: "We are checking the desk's cash records. (fictional)",
                                      as: office, privateKey: key)
        let procurement = try await intake.submit(to: SeedQuestionnaire.procurementFraud.key, answers: [
            "scheme": ["rigged-specification", "kickback"], "account": ["Fictional: the road tender asked for a machine only one bidder owns."],
            "buyer": ["Fictional roads agency"], "value": ["250000"], "insider": ["yes"],
        ], regions: [])
        let tender = try await intake.open(receipt: procurement.value).reportID
        try await intake.changeStatus(tender, from: .received, to: .underReview, explanation: "We have asked the agency for the tender file. (fictional)",
                                      as: office, privateKey: key)
        try await intake.changeStatus(tender, from: .underReview, to: .investigationOpened, explanation: "An investigation is open. (fictional)",
                                      as: office, privateKey: key)
        _ = try await intake.submit(to: SeedQuestionnaire.bribery.key, answers: [
            "danger": ["no"], "service": ["permits"], "account": ["Fictional: I was asked for a payment to speed up a building permit."],
            "asked": ["money"], "amount": ["300"],
        ], regions: [])
        // Three reports; a question, its answer and three explanations of a move; two key pairs.
        return 3 + 2 + 3 + 2
    }
}
