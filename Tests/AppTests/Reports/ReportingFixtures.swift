@testable import App
import Fluent
import SecureReporting
import XCTVapor

extension AppTestCase {
    /// Seeds the reporting contexts; the integrity unit is Demo.publicES's organisation, the ombudsman Demo.publicFR's,
    /// and both people hold a key pair.
    func reportingRecipients(_ app: Application) async throws -> (unit: User, ombudsman: User) {
        try await app.registry.reportContexts.seed()
        let unit = try await user(Demo.publicES, on: app), ombudsman = try await user(Demo.publicFR, on: app)
        for key in SeedQuestionnaire.allCases.map(\.key) {
            let context = try await XCTUnwrapAsync(try await ReportContext.query(on: app.db).filter(\.$key == key).first())
            try await app.registry.reportContexts.setRecipients([
                .init(key: SeedQuestionnaire.integrityUnit, organisationID: try XCTUnwrap(unit.$organisation.id)),
                .init(key: SeedQuestionnaire.externalOmbudsman, organisationID: try XCTUnwrap(ombudsman.$organisation.id)),
            ], of: context, by: try await user(Demo.coordinator, on: app))
        }
        _ = try await app.registry.recipientKeys.create(for: unit, password: Demo.password)
        _ = try await app.registry.recipientKeys.create(for: ombudsman, password: Demo.password)
        return (unit, ombudsman)
    }

    /// A bribery complaint from `region`, in answers as the form posts them.
    func briberyComplaint(region: String, service: String = "health") -> [String: [String]] {
        ["danger": ["no"], "service": [service], "account": ["A nurse asked for cash before treatment."], "where": [region]]
    }
}
