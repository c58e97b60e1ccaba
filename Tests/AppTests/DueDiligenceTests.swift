@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Due diligence of a proposed match, end to end through the pages: declarations, checklist, signals, the decision
/// with its waiver, rejection with an alternate, re-checks and cancelling.
final class DueDiligenceTests: AppTestCase {
    static let elenaEmail = "experta@demo.integrity.invalid"

    static func declaration(yes: ConflictQuestion? = nil, details: String = "") -> [String: String] {
        var form = Dictionary(uniqueKeysWithValues: ConflictQuestion.allCases.map { ($0.rawValue, $0 == yes ? "yes" : "no") })
        if let yes { form["\(yes.rawValue)_details"] = details }
        form["attested"] = "yes"
        return form
    }

    func testDueDiligenceWithAWaiverNeedsASecondCoordinatorAndEveryPartyIsTold() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let (match, _, _) = try await proposedMatch(&coordinator, app: app)
            let base = MatchRoute.show.link(match.id!)
            var expert = BrowserSession(app: app)
            try await expert.login(Self.elenaEmail)
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)

            // Nothing to declare before due diligence starts; then both parties are asked.
            let value1 = try await expert.get(base).body.string.contains("/declaration")
            XCTAssertFalse(value1)
            let value2 = try await coordinator.post("\(base)/due-diligence/open").status
            XCTAssertEqual(value2, .seeOther)
            let opened = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
            XCTAssertEqual(opened.stage, .dueDiligence)
            XCTAssertEqual(opened.dueDiligence, .open)
            let asked = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.declaration_requested").count()
            XCTAssertEqual(asked, 2)
            // Elena reads Spanish.
            XCTAssertContains(try await expert.get(base).body.string, "Presentar su declaración")

            // The declaration: every question answered, each yes explained, the answers attested.
            let form = try await expert.get("\(base)/declaration")
            XCTAssertContains(form.body.string, "En los últimos 3 años")
            let incomplete = try await expert.post("\(base)/declaration", form: ["employment": "no", "personal_relations": "yes"])
            XCTAssertEqual(incomplete.status, .unprocessableEntity)
            XCTAssertContains(incomplete.body.string, "Detalles sobre las relaciones")
            let value3 = try await DeclarationRecord.query(on: app.db).count()
            XCTAssertEqual(value3, 0, "a refused declaration keeps nothing")
            let filed = try await expert.post("\(base)/declaration",
                                              form: Self.declaration(yes: .personalRelations, details: "My cousin clerks at the court."))
            XCTAssertEqual(filed.status, .seeOther)
            let value4 = try await body.post("\(base)/declaration", form: Self.declaration()).status
            XCTAssertEqual(value4, .seeOther)

            // Clearing needs the checklist first; a link must be a web address.
            let early = try await coordinator.post("\(base)/due-diligence/decision", form: ["outcome": "cleared", "text": "Fine."])
            XCTAssertEqual(early.status, .unprocessableEntity)
            XCTAssertContains(early.body.string, "Every checklist item must be done")
            let badLink = try await coordinator.post("\(base)/due-diligence/items/references",
                                                     form: ["status": "done", "notes": "ok", "links": "ftp://example.org/x"])
            XCTAssertEqual(badLink.status, .unprocessableEntity)
            XCTAssertContains(badLink.body.string, "must be web addresses")
            try await completeChecklist(&coordinator, base, concernAt: .references)

            // The review shows the declared relation as a signal, with its evidence.
            let review = try await coordinator.get("\(base)/due-diligence").body.string
            XCTAssertContains(review, "Declared by the expert — family or personal relations: My cousin clerks at the court.")
            XCTAssertContains(review, "Referee works at the body")

            // Something was found, so plain clearing is refused; a waiver needs its mitigation and another coordinator.
            let plain = try await coordinator.post("\(base)/due-diligence/decision", form: ["outcome": "cleared", "text": "Fine."])
            XCTAssertEqual(plain.status, .unprocessableEntity)
            XCTAssertContains(plain.body.string, "can only be cleared with mitigation")
            let noMitigation = try await coordinator.post("\(base)/due-diligence/decision", form: ["outcome": "mitigated", "text": "Low risk."])
            XCTAssertEqual(noMitigation.status, .unprocessableEntity)
            let requested = try await coordinator.post("\(base)/due-diligence/decision", form: [
                "outcome": "mitigated", "text": "The relation is distant and the work touches no procurement.",
                "mitigation": "The expert stays out of anything touching the court's IT suppliers."])
            XCTAssertEqual(requested.status, .seeOther)
            let value5 = try await Engagement.find(match.id, on: app.db)?.dueDiligence
            XCTAssertEqual(value5, .open, "a waiver alone clears nothing")
            let selfApproval = try await coordinator.post("\(base)/due-diligence/waiver", form: ["answer": "approve"])
            XCTAssertEqual(selfApproval.status, .unprocessableEntity)
            XCTAssertContains(selfApproval.body.string, "must be a different coordinator")

            var administrator = BrowserSession(app: app)
            try await administrator.login(Demo.administrator)
            let value6 = try await administrator.post("\(base)/due-diligence/waiver", form: ["answer": "approve"]).status
            XCTAssertEqual(value6, .seeOther)
            let cleared = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
            XCTAssertEqual(cleared.stage, .torDrafting)
            XCTAssertEqual(cleared.dueDiligence, .mitigated)
            let told = try await MailMessage.query(on: app.db).all().filter { $0.body.contains("The relation is distant") }
            XCTAssertEqual(Set(told.map(\.recipient)), [Self.elenaEmail, Demo.publicES])
            XCTAssertEqual(told.first { $0.recipient == Self.elenaEmail }?.subject, "Diligencia debida aprobada con mitigación: Análisis OCDS")
            let actions = try await AuditEntryRecord.query(on: app.db).filter(\.$subjectType == "engagement").all().map(\.action)
            XCTAssertEqual(actions, ["engagement.due_diligence_open", "conflict.declare", "conflict.declare"]
                + Array(repeating: "due_diligence.checklist", count: 5) + ["due_diligence.waiver_request", "due_diligence.decide"])

            // The parties read the decision but not the review.
            XCTAssertContains(try await body.get(base).body.string, "The relation is distant and the work touches no procurement.")
            let value7 = try await expert.get("\(base)/due-diligence").status
            XCTAssertEqual(value7, .forbidden)

            // A new declared conflict reopens cleared due diligence and tells the coordinators.
            let refiled = try await body.post("\(base)/declaration", form: Self.declaration(yes: .contractsOrBids, details: "A 2025 tender."))
            XCTAssertEqual(refiled.status, .seeOther)
            let value8 = try await Engagement.find(match.id, on: app.db)?.dueDiligence
            XCTAssertEqual(value8, .open)
            let reopened = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.due_diligence_reopened").count()
            XCTAssertEqual(reopened, 1)
        }
    }

    func testRejectionProposesTheChosenAlternateAndCancellingNeedsAReason() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let (match, _, eli) = try await proposedMatch(&coordinator, app: app)
            let base = MatchRoute.show.link(match.id!)
            let value9 = try await coordinator.post("\(base)/due-diligence/open").status
            XCTAssertEqual(value9, .seeOther)
            XCTAssertContains(try await coordinator.get("\(base)/due-diligence").body.string, "Eli Expert")

            let rejected = try await coordinator.post("\(base)/due-diligence/decision", form: [
                "outcome": "rejected", "text": "Elena's employer audits the court.", "alternative": eli.id!.uuidString.lowercased()])
            XCTAssertEqual(rejected.status, .seeOther)
            let old = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
            XCTAssertEqual(old.stage, .cancelled)
            XCTAssertEqual(old.cancelReason, "Elena's employer audits the court.")
            let alternate = try await XCTUnwrapAsync(try await Engagement.query(on: app.db).filter(\.$expert.$id == eli.id!).first())
            XCTAssertEqual(alternate.stage, .proposed)
            let decision = try await XCTUnwrapAsync(try await App.DueDiligenceDecision.query(on: app.db).first())
            XCTAssertEqual(decision.alternativeEngagementID, alternate.id)

            let altBase = MatchRoute.show.link(alternate.id!)
            let reasonless = try await coordinator.post("\(altBase)/cancel", form: ["reason": " "])
            XCTAssertEqual(reasonless.status, .unprocessableEntity)
            XCTAssertContains(reasonless.body.string, "Reason: This field is required.")
            let value10 = try await coordinator.post("\(altBase)/cancel", form: ["reason": "The court withdrew the need."]).status
            XCTAssertEqual(value10, .seeOther)
            let value11 = try await Engagement.find(alternate.id, on: app.db)?.stage
            XCTAssertEqual(value11, .cancelled)
            try await coordinator.assertRefused(try await coordinator.post("\(altBase)/cancel", form: ["reason": "Again"]))
        }
    }

    func testOnlyThePartiesDeclareAndOnlyProgrammeStaffReview() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let (match, _, _) = try await proposedMatch(&coordinator, app: app)
            let base = MatchRoute.show.link(match.id!)
            let value13 = try await coordinator.post("\(base)/due-diligence/open").status
            XCTAssertEqual(value13, .seeOther)
            try await coordinator.assertRefused(try await coordinator.post("\(base)/due-diligence/open"), "the step cannot be taken twice")
            for (email, status) in [(Demo.expert, HTTPStatus.notFound), (Demo.publicFR, .notFound), (Demo.evaluator, .notFound),
                                    (Demo.analyst, .notFound), (Demo.coordinator, .notFound)] {
                var session = BrowserSession(app: app)
                try await session.login(email)
                let value15 = try await session.get("\(base)/declaration").status
                XCTAssertEqual(value15, status, email)
                let value16 = try await session.post("\(base)/declaration", form: Self.declaration()).status
                XCTAssertEqual(value16, status, email)
            }
            for email in [Demo.expert, Demo.evaluator, Demo.publicES, Self.elenaEmail] {
                var session = BrowserSession(app: app)
                try await session.login(email)
                let value17 = try await session.get("\(base)/due-diligence").status
                XCTAssertEqual(value17, .forbidden, email)
                let value18 = try await session.post("\(base)/cancel", form: ["reason": "x"]).status
                XCTAssertEqual(value18, .forbidden, email)
            }
            let value19 = try await coordinator.get("\(base)/due-diligence/items/telepathy").status
            XCTAssertEqual(value19, .notFound)
        }
    }

    func testTheAPIRunsDueDiligenceWithTheSameRules() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            try await browser.login(Demo.coordinator)
            let (match, _, _) = try await proposedMatch(&browser, app: app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let expert = try await APIClient.forUser(try await user(Self.elenaEmail, on: app), app: app)
            let body = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)

            let answers = ConflictQuestion.allCases.map { "\"\($0.rawValue)\": {\"declared\": false}" }.joined(separator: ", ")
            let early = try await expert.send(.PUT, "\(base)/declaration", json: "{\"answers\": {\(answers)}, \"attested\": true}")
            XCTAssertEqual(early.status, .conflict, "nothing to declare before due diligence")
            let opened = try await coordinator.send(.POST, "\(base)/due-diligence/open")
            XCTAssertEqual(opened.status, .ok)
            let peeked = try await expert.send(.GET, "\(base)/due-diligence")
            XCTAssertEqual(peeked.status, .forbidden)

            let unknown = try await expert.send(.PUT, "\(base)/declaration", json: "{\"answers\": {\(answers), \"astrology\": {\"declared\": true}}, \"attested\": true}")
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            let fields = try unknown.content.decode(APIClient.ErrorBody.self).error.fields?.map(\.field)
            XCTAssertEqual(fields, ["answers"])
            for party in [expert, body] {
                let filed = try await party.send(.PUT, "\(base)/declaration", json: "{\"answers\": {\(answers)}, \"attested\": true}")
                XCTAssertEqual(filed.status, .ok)
            }
            let own = try await body.send(.GET, "\(base)/declaration")
            XCTAssertEqual(try own.content.decode(APIDueDiligenceController.DeclarationDTO.self).party, "public_body")

            let badLink = try await coordinator.send(.PUT, "\(base)/due-diligence/checklist/references",
                                                     json: #"{"status": "done", "links": ["not a link"]}"#)
            XCTAssertEqual(badLink.status, .unprocessableEntity)
            for item in DueDiligenceItem.allCases {
                let saved = try await coordinator.send(.PUT, "\(base)/due-diligence/checklist/\(item.rawValue)",
                                                       json: #"{"status": "not_applicable", "notes": "Nothing to check for a pro bono pilot."}"#)
                XCTAssertEqual(saved.status, .ok, item.rawValue)
            }
            let noText = try await coordinator.send(.POST, "\(base)/due-diligence/decision", json: #"{"outcome": "cleared"}"#)
            XCTAssertEqual(noText.status, .unprocessableEntity)
            let cleared = try await coordinator.send(.POST, "\(base)/due-diligence/decision",
                                                     json: #"{"outcome": "cleared", "text": "No conflicts found."}"#)
            XCTAssertEqual(cleared.status, .ok)
            let review = try cleared.content.decode(APIDueDiligenceController.ReviewDTO.self)
            XCTAssertEqual(review.stage, "tor_drafting")
            XCTAssertEqual(review.status, "cleared")
            XCTAssertEqual(review.decisions.map(\.text), ["No conflicts found."])
            XCTAssertEqual(review.signals.count, 0)
            let again = try await coordinator.send(.POST, "\(base)/due-diligence/decision", json: #"{"outcome": "rejected", "text": "x"}"#)
            XCTAssertEqual(again.status, .conflict)
            let reasonless = try await coordinator.send(.POST, "\(base)/cancel", json: #"{"reason": ""}"#)
            XCTAssertEqual(reasonless.status, .unprocessableEntity)
            let shown = try await expert.send(.GET, base)
            XCTAssertEqual(try shown.content.decode(APIMatchingController.MatchDTO.self).dueDiligence, "cleared")
        }
    }
}
