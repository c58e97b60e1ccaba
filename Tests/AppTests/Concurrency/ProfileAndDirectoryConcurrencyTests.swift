@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// An expert's profile and letter, organisations and their participation, and the API's creates, each sent 8 times
/// at once: one effect, recorded once, no server error. Replacing a resource (PUT) with the same content 8 times
/// records it once: the repeats change nothing.
final class ProfileAndDirectoryConcurrencyTests: AppTestCase {
    let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    func testAnExpertsProfileAndLetterOnThePagesChangeOnce() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            try await expert.get("/profile")
            let page = expert
            let form = ["country": "GB", "years": "8", "hoursPerWeek": "4", "availableFrom": "2027-01-01", "availableUntil": "2027-12-31",
                        "capacity": "1", "proBono": "on", "workHours": "on", "publicCommunication": "on", "valuesAlignment": "on",
                        "motivation": "I have built procurement analytics for ten years and want to help integrity bodies.",
                        "skill_ocds": "3", "language_1": "en", "level_1": "3"]
            let arrays = ["fields": ["fraud", "audit"]]
            let saved = try await eightTimes("expert.update", on: app) { var tab = page; return try await tab.post("/profile", form: form, arrays: arrays, once: true) }
            XCTAssertEqual(saved, 1)
            let letter = pdf
            let attached = try await eightTimes("expert.letter_attach", on: app) {
                var tab = page
                return try await tab.upload("/profile/letter", fields: ["_once": page.once ?? ""], field: "letter", filename: "letter.pdf",
                                            bytes: letter, contentType: "application/pdf")
            }
            XCTAssertEqual(attached, 1)
            let removed = try await eightTimes("expert.letter_remove", on: app) { var tab = page; return try await tab.post("/profile/letter/remove") }
            XCTAssertEqual(removed, 1, "without a one-time token: decided on the stored letter")
            let submitted = try await eightTimes("expert.submit", on: app) { var tab = page; return try await tab.post("/profile/submit") }
            XCTAssertEqual(submitted, 1)
        }
    }

    func testAnExpertsProfileAndLetterThroughTheAPIChangeOnce() async throws {
        try await withTestApp { app in
            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let profile = try await expert.send(.GET, "/api/v1/profile")
            XCTAssertEqual(profile.status, .ok)
            let body = #"{"country":"GB","years":8,"hoursPerWeek":4,"availableFrom":"2027-01-01","availableUntil":"2027-12-31","capacity":1,"fields":["fraud"],"skills":{"ocds":3},"languages":{"en":"native"},"proBono":true,"workHours":true,"publicCommunication":true,"valuesAlignment":true,"motivation":"I have built procurement analytics for ten years and want to help integrity bodies."}"#
            let saved = try await eightTimes("expert.update", on: app) { try await expert.send(.PUT, "/api/v1/profile", json: body) }
            XCTAssertEqual(saved, 1, "the same profile sent 8 times is saved once")
            let letter = pdf
            let attached = try await eightTimes("expert.letter_attach", on: app) {
                try await expert.send(.PUT, "/api/v1/profile/letter?filename=letter.pdf", bytes: letter, contentType: "application/pdf")
            }
            XCTAssertEqual(attached, 1, "the same letter sent 8 times is attached once")
            let removed = try await eightTimes("expert.letter_remove", on: app) { try await expert.send(.DELETE, "/api/v1/profile/letter") }
            XCTAssertEqual(removed, 1)
            let submitted = try await eightTimes("expert.submit", on: app) { try await expert.send(.POST, "/api/v1/profile/submit") }
            XCTAssertEqual(submitted, 1)
        }
    }

    func testOrganisationsAndParticipationChangeOnce() async throws {
        try await withTestApp { app in
            var member = BrowserSession(app: app)
            try await member.login(Demo.publicFR)
            let path = "/organisations/\(Demo.frenchAgency.uuidString.lowercased())"
            try await member.get(path + "/edit")
            let page = member
            let edited = try await eightTimes("organisation.update", on: app) {
                var tab = page
                return try await tab.post(path, form: [
                    "name": "Agence fictive de prévention de la corruption", "country": "FR", "publicBodyType": "anti_corruption_agency",
                    "jurisdiction": "national", "mandate": "Nouveau mandat fictif.", "legalBasis": "Loi fictive n° 0000-00",
                ], arrays: ["workingLanguages": ["fr", "es"]], once: true)
            }
            XCTAssertEqual(edited, 1)
            let attested = ["proBono": "yes", "workHours": "yes", "publicCommunication": "yes", "integrityMandate": "yes"]
            let submitted = try await eightTimes("organisation.participation_submit", on: app) {
                var tab = page
                return try await tab.post(ParticipationRoute.show.link(Demo.frenchAgency), form: attested, once: true)
            }
            XCTAssertEqual(submitted, 1)

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let kenya = StableID.make("org.ke-audit")
            try await coordinator.post(ParticipationRoute.show.link(kenya), form: attested)
            let staff = coordinator
            let decided = try await eightTimes("organisation.participation_decide", on: app) {
                var tab = staff
                return try await tab.post(ParticipationRoute.decide.link(kenya), form: ["decision": "eligible", "reason": "Contacts confirmed by phone."])
            }
            XCTAssertEqual(decided, 1, "without a one-time token: decided on the stored status")

            let api = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let body = #"{"kind":"public_body","name":"Fictional Ethics Commission","country":"GH","publicBodyType":"anti_corruption_agency","jurisdiction":"national","mandate":"Promotes integrity in a fictional republic.","workingLanguages":["en"]}"#
            let created = try await eightTimes("organisation.create", on: app) {
                try await api.send(.POST, "/api/v1/organisations", json: body, headers: ["Idempotency-Key": "ghana-commission"])
            }
            XCTAssertEqual(created, 1)
            let ghana = try await XCTUnwrapAsync(try await Organisation.query(on: app.db).filter(\.$name == "Fictional Ethics Commission").first())
            let renamed = body.replacingOccurrences(of: "Promotes integrity", with: "Guards integrity")
            let replaced = try await eightTimes("organisation.update", on: app) {
                try await api.send(.PUT, "/api/v1/organisations/\(ghana.id!.uuidString)", json: renamed)
            }
            XCTAssertEqual(replaced, 1, "the same organisation sent 8 times is saved once")

            let member2 = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let need = json(completeNeed())
            let needs = try await eightTimes("need.create", on: app) {
                try await member2.send(.POST, "/api/v1/needs", json: need, headers: ["Idempotency-Key": "one-need"])
            }
            XCTAssertEqual(needs, 1)
        }
    }
}
