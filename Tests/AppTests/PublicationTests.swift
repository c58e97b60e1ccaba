@testable import App
import ExchangeCore
import Fluent
import Foundation
import XCTVapor
import XCTest

/// The closing report, consent per item from both sides, the coordinator's redaction and preview, and the public
/// pages that need no login and show nothing without consent.
final class PublicationTests: AppTestCase {
    func closedMatch(_ app: Application) async throws -> Engagement {
        let match = try await startedMatch(app)
        let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
        let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
        _ = try await coordinator.send(.POST, "\(base)/closing")
        let closed = try await coordinator.send(.POST, "\(base)/close", json: #"{"overrideReason": "Both sides confirmed the outputs in the last meeting."}"#)
        XCTAssertEqual(closed.status, .ok)
        return match
    }

    /// A closed match whose report the body wrote and whose `items` both sides consented to, through the API.
    func reported(_ app: Application, consenting items: [String]) async throws
        -> (id: UUID, base: String, expert: APIClient, coordinator: APIClient) {
        let id = try await closedMatch(app).id!, base = "/api/v1/matches/\(id.uuidString.lowercased())"
        let body = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
        let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
        _ = try await body.send(.PUT, "\(base)/report", json: #"{"outcome": "Risk list in use", "lessons": "Synthetic data first"}"#)
        for party in [body, expert] { _ = try await party.send(.PUT, "\(base)/report/consent", json: json(["items": items])) }
        return (id, base, expert, try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app))
    }

    /// The summary the publication form offers for the Spanish court's match, in English.
    static func generatedSummary(_ app: Application) -> String {
        app.catalogs.text("publication.default_summary", .en, ["Tribunal Ficticio de Cuentas", "Análisis OCDS"])
    }

    func testOnlyConsentedRedactedItemsReachThePublicPages() async throws {
        try await withTestApp { app in
            let match = try await closedMatch(app)
            let id = match.id!
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            let empty = try await body.post(ReportRoute.show.link(id), form: ["outcome": "", "lessons": "x"])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let saved = try await body.post(ReportRoute.show.link(id), form: [
                "outcome": "Monthly risk list in use by the audit unit (Pablo Ejemplo).", "lessons": "Start with synthetic data.",
                "recommendations": "Budget for data cleaning.",
            ])
            XCTAssertEqual(saved.status, .seeOther)
            let bodyConsent = try await body.post(ReportRoute.consent.link(id), form: [:], arrays: ["items": ["summary", "outcome", "lessons"]])
            XCTAssertEqual(bodyConsent.status, .seeOther)
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            _ = try await expert.post(ReportRoute.consent.link(id), form: [:], arrays: ["items": ["summary", "lessons"]])

            let refused = try await body.get(ReportRoute.publicationForm.link(id)).status
            XCTAssertEqual(refused, .forbidden)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let form = try await coordinator.get(ReportRoute.publicationForm.link(id)).body.string
            XCTAssertContains(form, "text_summary")
            XCTAssertContains(form, "text_lessons")
            XCTAssertFalse(form.contains("text_outcome"), "the expert did not consent to the outcome")

            let redacted = ["text_summary": "A court of accounts worked with a data expert on procurement analysis.",
                            "text_lessons": "Start with synthetic data.", "post": "A court of accounts and a pro bono expert…"]
            var preview = redacted
            preview["action"] = "preview"
            let previewed = try await coordinator.post(ReportRoute.publicationForm.link(id), form: preview)
            XCTAssertEqual(previewed.status, .ok)
            XCTAssertContains(previewed.body.string, "A court of accounts worked with a data expert")
            var sneaky = redacted
            sneaky["action"] = "publish"
            sneaky["text_outcome"] = "Monthly risk list in use by the audit unit (Pablo Ejemplo)."
            let blocked = try await coordinator.post(ReportRoute.publicationForm.link(id), form: sneaky)
            XCTAssertEqual(blocked.status, .unprocessableEntity)
            var beforehand = BrowserSession(app: app)
            XCTAssertContains(try await beforehand.get(HomeRoute.home.link()).body.string, "No exchange has been published yet")
            var publish = redacted
            publish["action"] = "publish"
            let published = try await coordinator.post(ReportRoute.publicationForm.link(id), form: publish)
            XCTAssertEqual(published.status, .seeOther)

            // No login needed; only the redacted, consented items.
            let visitor = BrowserSession(app: app)
            var anonymous = visitor
            let list = try await anonymous.get(PublicRoute.list.link()).body.string
            XCTAssertContains(list, "Análisis OCDS")
            let home = try await anonymous.get(HomeRoute.home.link()).body.string
            XCTAssertTrue(home.contains("Análisis OCDS"), "the landing page shows what was published")
            XCTAssertFalse(home.contains("No exchange has been published yet"))
            let page = try await anonymous.get(PublicRoute.show.link(id)).body.string
            XCTAssertContains(page, "Start with synthetic data.")
            XCTAssertFalse(page.contains("Pablo Ejemplo") || page.contains("Monthly risk list"))
            let lessons = try await anonymous.get("/public/lessons").body.string
            XCTAssertContains(lessons, "Start with synthetic data.")

            // Withdrawing consent takes the item down at once.
            _ = try await expert.post(ReportRoute.consent.link(id), form: [:], arrays: ["items": ["summary"]])
            let after = try await anonymous.get(PublicRoute.show.link(id)).body.string
            XCTAssertFalse(after.contains("Start with synthetic data."))
            XCTAssertContains(after, "A court of accounts worked with a data expert")
            let actions = try await AuditEntryRecord.query(on: app.db).filter(\.$action ~~ ["publication.publish", "publication.withdraw"]).count()
            XCTAssertEqual(actions, 2)
        }
    }

    func testTheAPIRecordsConsentAndPublishes() async throws {
        try await withTestApp { app in
            let match = try await closedMatch(app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let body = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let report = try await body.send(.PUT, "\(base)/report", json: #"{"outcome": "Risk list in use", "lessons": "Synthetic data first"}"#)
            XCTAssertEqual(report.status, .ok)
            let unknown = try await body.send(.PUT, "\(base)/report/consent", json: #"{"items": ["summary", "gossip"]}"#)
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            for party in [body, expert] {
                let consented = try await party.send(.PUT, "\(base)/report/consent", json: #"{"items": ["lessons"]}"#)
                XCTAssertEqual(consented.status, .ok)
            }
            let byParty = try await body.send(.PUT, "\(base)/publication", json: #"{"texts": {"lessons": "x"}}"#)
            XCTAssertEqual(byParty.status, .forbidden)
            let published = try await coordinator.send(.PUT, "\(base)/publication", json: #"{"texts": {"lessons": "Synthetic data first."}}"#)
            XCTAssertEqual(try published.content.decode(APIPublicationController.ReportDTO.self).published, ["lessons": "Synthetic data first."])
            let listed = try await APIClient.anonymous(app).send(.GET, "/api/v1/public/exchanges")
            XCTAssertEqual(try listed.content.decode([APIPublicationController.PublishedDTO].self).map(\.texts), [["lessons": "Synthetic data first."]])
        }
    }

    func testAGeneratedSummaryReadsInEachVisitorsLanguageAndAWrittenOneAsWritten() async throws {
        try await withTestApp { app in
            let (id, base, _, coordinator) = try await reported(app, consenting: ["summary"])
            let english = Self.generatedSummary(app)
            let published = try await coordinator.send(.PUT, "\(base)/publication", json: json(["texts": ["summary": english]]))
            XCTAssertEqual(published.status, .ok)
            var visitor = BrowserSession(app: app)
            let french = try await visitor.get(PublicRoute.show.link(id), accept: "fr").body.string
            XCTAssertTrue(french.contains("Tribunal Ficticio de Cuentas a travaillé avec un expert des données du secteur privé"),
                          "the coordinator kept the generated English summary; a French visitor reads it in French")
            let listed = try await visitor.get(PublicRoute.list.link(), accept: "es").body.string
            XCTAssertTrue(listed.contains("trabajó con un experto en datos del sector privado"))
            let api = try await APIClient.anonymous(app).send(.GET, "/api/v1/public/exchanges", headers: ["Accept-Language": "es"])
            XCTAssertTrue(try api.content.decode([APIPublicationController.PublishedDTO].self).first?.texts["summary"]?.contains("trabajó") == true)

            _ = try await coordinator.send(.PUT, "\(base)/publication", json: #"{"texts": {"summary": "A court and an analyst built a risk list."}}"#)
            let rewritten = try await visitor.get(PublicRoute.show.link(id), accept: "fr").body.string
            XCTAssertTrue(rewritten.contains("A court and an analyst built a risk list."), "a summary the coordinator wrote is shown as written")
            XCTAssertFalse(rewritten.contains("a travaillé avec"))
        }
    }

    func testWithdrawingAnotherItemKeepsTheSummaryInEachLanguage() async throws {
        try await withTestApp { app in
            let (id, base, expert, coordinator) = try await reported(app, consenting: ["summary", "lessons"])
            let english = Self.generatedSummary(app)
            let published = try await coordinator.send(.PUT, "\(base)/publication",
                                                       json: json(["texts": ["summary": english, "lessons": "Synthetic data first."]]))
            XCTAssertEqual(published.status, .ok)

            _ = try await expert.send(.PUT, "\(base)/report/consent", json: #"{"items": ["summary"]}"#)
            var visitor = BrowserSession(app: app)
            let french = try await visitor.get(PublicRoute.show.link(id), accept: "fr").body.string
            XCTAssertFalse(french.contains("Synthetic data first."), "the withdrawn lessons are down")
            XCTAssertTrue(french.contains("Tribunal Ficticio de Cuentas a travaillé avec un expert des données du secteur privé"),
                          "the generated summary still reads in the visitor's language")
        }
    }
}

