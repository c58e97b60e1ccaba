@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Concerns about promotion or selling: either party reports, only staff see the report and its reporter, and the
/// outcome is dismissed, a warning to both parties, or cancelling with an alternate.
final class MarketingConcernTests: AppTestCase {
    func testAPartyReportsAndOnlyStaffSeeWhoWithAWarningToBothParties() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let (match, _, _) = try await proposedMatch(&coordinator, app: app)
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            let page = try await expert.get(MatchRoute.show.link(match.id!)).body.string
            XCTAssertContains(page, MarketingConcernRoute.reportForm.link(match.id!))

            let empty = try await expert.post(MarketingConcernRoute.report.link(match.id!), form: ["description": " ", "links": "not a link"])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let none = try await MarketingConcern.query(on: app.db).count()
            XCTAssertEqual(none, 0)
            let sent = try await expert.post(MarketingConcernRoute.report.link(match.id!),
                                             form: ["description": "The body's IT lead asked me for a quote for our licence.",
                                                    "links": "https://example.org/thread"])
            XCTAssertEqual(sent.status, .seeOther)
            let concern = try await XCTUnwrapAsync(try await MarketingConcern.query(on: app.db).first())
            let told = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.marketing_concern_reported").count()
            XCTAssertGreaterThan(told, 0)

            // Neither party, nor an evaluator, reads the report.
            let path = MarketingConcernRoute.show.link(match.id!, concern.id!)
            let own = try await expert.get(path).status
            XCTAssertEqual(own, .forbidden)
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            let other = try await body.get(path).status
            XCTAssertEqual(other, .forbidden)
            var evaluator = BrowserSession(app: app)
            try await evaluator.login(Demo.evaluator)
            let outsider = try await evaluator.get(path).status
            XCTAssertEqual(outsider, .notFound)

            let review = try await coordinator.get(path).body.string
            XCTAssertContains(review, "Elena Muestra (demo)")
            XCTAssertContains(review, "asked me for a quote")
            let noText = try await coordinator.post(path + "/decision", form: ["outcome": "warning", "text": ""])
            XCTAssertEqual(noText.status, .unprocessableEntity)
            let warned = try await coordinator.post(path + "/decision", form: ["outcome": "warning", "text": "Quotes and sales are not part of an exchange."])
            XCTAssertEqual(warned.status, .seeOther)
            let warnings = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.marketing_concern_warning").count()
            XCTAssertEqual(warnings, 2, "both parties are reminded")
            let again = try await coordinator.post(path + "/decision", form: ["outcome": "dismissed", "text": "x"])
            try await coordinator.assertRefused(again)
            let stage = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db)).stage
            XCTAssertEqual(stage, .proposed, "a warning lets the exchange go on")
            let actions = try await AuditEntryRecord.query(on: app.db).filter(\.$action ~~ ["marketing_concern.report", "marketing_concern.decide"])
                .sort(\.$id).all(\.$action)
            XCTAssertEqual(actions, ["marketing_concern.report", "marketing_concern.decide"])
        }
    }

    func testCancellingOverTheAPIProposesTheAlternate() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            try await browser.login(Demo.coordinator)
            let (match, _, eli) = try await proposedMatch(&browser, app: app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())/concerns"
            let body = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)

            let bad = try await body.send(.POST, base, json: #"{"description": "Pitched a product", "links": ["javascript:alert(1)"]}"#)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let filed = try await body.send(.POST, base, json: #"{"description": "The expert demonstrated their firm's paid dashboard and sent prices."}"#)
            XCTAssertEqual(filed.status, .created)
            let receipt = try filed.content.decode(APIMarketingConcernController.ReceiptDTO.self)
            let peek = try await body.send(.GET, base)
            XCTAssertEqual(peek.status, .forbidden)

            let listed = try await coordinator.send(.GET, base)
            let concerns = try listed.content.decode([APIMarketingConcernController.ConcernDTO].self)
            XCTAssertEqual(concerns.map(\.reporter.party), ["public_body"])
            let decision = "\(base)/\(receipt.id.uuidString.lowercased())/decision"
            let stranger = try await coordinator.send(.POST, decision, json: "{\"outcome\": \"cancelled\", \"text\": \"Repeated sales.\", \"alternativeExpertProfileID\": \"\(UUID().uuidString)\"}")
            XCTAssertEqual(stranger.status, .unprocessableEntity)
            let cancelled = try await coordinator.send(.POST, decision, json: "{\"outcome\": \"cancelled\", \"text\": \"Repeated sales pitches.\", \"alternativeExpertProfileID\": \"\(eli.id!.uuidString)\"}")
            XCTAssertEqual(cancelled.status, .ok)
            let dto = try cancelled.content.decode(APIMarketingConcernController.ConcernDTO.self)
            XCTAssertEqual(dto.status, "cancelled")
            let ended = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
            XCTAssertEqual(ended.stage, .cancelled)
            XCTAssertEqual(ended.cancelReason, "Repeated sales pitches.")
            let alternate = try await XCTUnwrapAsync(try await Engagement.find(dto.alternativeMatchID, on: app.db))
            XCTAssertEqual(alternate.$expert.id, eli.id)
            XCTAssertEqual(alternate.stage, .proposed)
            let late = try await body.send(.POST, base, json: #"{"description": "More pitching."}"#)
            XCTAssertEqual(late.status, .conflict, "nothing to report on a cancelled match")
        }
    }
}
