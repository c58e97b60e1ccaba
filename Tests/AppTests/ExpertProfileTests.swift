@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

final class ExpertProfileTests: AppTestCase {
    func completeForm() -> (form: [String: String], arrays: [String: [String]]) {
        (["country": "GB", "years": "8", "hoursPerWeek": "4", "availableFrom": "2027-01-01", "availableUntil": "2027-12-31",
          "capacity": "1", "proBono": "on", "workHours": "on", "publicCommunication": "on", "valuesAlignment": "on",
          "motivation": "I have built procurement analytics for ten years and want to help integrity bodies.",
          "skill_ocds": "3", "skill_network-analysis": "2", "language_1": "en", "level_1": "3", "language_2": "fr", "level_2": "1"],
         ["fields": ["fraud", "audit"]])
    }

    func testAnExpertCompletesTheProfileAndScreeningMakesThemEligible() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            let first = try await expert.get("/profile")
            XCTAssertEqual(first.status, .ok)
            XCTAssertContains(first.body.string, "Status: Draft")
            let (form, arrays) = completeForm()
            let saved = try await expert.post("/profile", form: form, arrays: arrays)
            XCTAssertEqual(saved.status, .seeOther)
            let profile = try await XCTUnwrapAsync(try await ExpertProfile.query(on: app.db).first())
            XCTAssertEqual(profile.skills.map(\.id).sorted(), ["network-analysis", "ocds"])
            XCTAssertEqual(profile.languages.map(\.level), [.native, .working])

            let submitted = try await expert.post("/profile/submit")
            XCTAssertEqual(submitted.status, .seeOther)
            let page = try await expert.get("/profile")
            XCTAssertContains(page.body.string, "Your profile meets every minimum criterion")
            XCTAssertContains(page.body.string, "Status: Eligible")
            XCTAssertFalse(page.body.string.contains(#"action="/profile""#), "a submitted profile is no longer edited here")
            let actions = try await AuditEntryRecord.query(on: app.db).filter(\.$subjectType == "expert_profile").all().map(\.action)
            XCTAssertEqual(actions, ["expert.confirm", "expert.update", "expert.submit"])
        }
    }

    func testEmptyNumberBoxesAreNotGivenAndWordsAreRefused() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            var (form, arrays) = completeForm()
            form["years"] = ""
            form["hoursPerWeek"] = " "
            let saved = try await expert.post("/profile", form: form, arrays: arrays)
            XCTAssertEqual(saved.status, .seeOther, "an empty number box means not given")
            let profile = try await XCTUnwrapAsync(try await ExpertProfile.query(on: app.db).first())
            XCTAssertNil(profile.years)
            form["years"] = "seven"
            let rejected = try await expert.post("/profile", form: form, arrays: arrays)
            XCTAssertEqual(rejected.status, .unprocessableEntity)
            XCTAssertContains(rejected.body.string, "Years of experience: Choose one of the options offered.")
        }
    }

    func testUnderFiveYearsWaitsForACoordinatorWithTheReasonShown() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            try await expert.post("/language", form: ["lang": "fr", "returnTo": "/profile"])
            var (form, arrays) = completeForm()
            form["years"] = "3"
            try await expert.post("/profile", form: form, arrays: arrays)
            try await expert.post("/profile/submit")
            let page = try await expert.get("/profile")
            XCTAssertContains(page.body.string, "Moins de cinq ans : le programme préfère au moins cinq ans")
            let profile = try await XCTUnwrapAsync(try await ExpertProfile.query(on: app.db).first())
            XCTAssertEqual(profile.status, .screened)
        }
    }

    func testAnImportedExpertIsConfirmedWhenTheySignIn() async throws {
        try await withTestApp { app in
            let staff = try await user(Demo.coordinator, on: app)
            let preview = try await app.registry.roster.preview("name,email,country\nEli Expert,\(Demo.expert),GB\n", mapping: nil)
            let imported = try await app.registry.roster.apply(preview, skippingFlagged: false, actor: .user(staff.id!))
            XCTAssertEqual(imported.first?.status, .invited)
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            try await expert.get("/profile")
            let profiles = try await ExpertProfile.query(on: app.db).all()
            XCTAssertEqual(profiles.count, 1, "the imported profile is taken over, not duplicated")
            XCTAssertEqual(profiles.first?.status, .draft)
            let eli = try await user(Demo.expert, on: app)
            XCTAssertEqual(profiles.first?.$user.id, eli.id)
        }
    }

    func testMalformedValuesAreRefusedAndOnlyExpertsHaveAProfilePage() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            var (form, arrays) = completeForm()
            form["skill_telepathy"] = "3"
            form["skill_ocds"] = "7"
            form["language_1"] = "xx"
            let rejected = try await expert.post("/profile", form: form, arrays: arrays)
            XCTAssertEqual(rejected.status, .unprocessableEntity)
            XCTAssertContains(rejected.body.string, "Skills: Choose one of the options offered.")
            for role in [Role.coordinator, .publicParticipant, .analyst] {
                var other = BrowserSession(app: app)
                try await other.login(Demo.email(for: role))
                let page = try await other.get("/profile")
                XCTAssertEqual(page.status, .forbidden, "\(role)")
            }
        }
    }
}

extension ExpertProfileTests {
    func screenedProfile(_ app: Application) async throws -> ExpertProfile {
        var expert = BrowserSession(app: app)
        try await expert.login(Demo.expert)
        try await expert.post("/language", form: ["lang": "fr", "returnTo": "/profile"])
        var (form, arrays) = completeForm()
        form["years"] = "3"
        try await expert.post("/profile", form: form, arrays: arrays)
        try await expert.post("/profile/submit")
        return try await XCTUnwrapAsync(try await ExpertProfile.query(on: app.db).first())
    }

    func testACoordinatorDecidesWithAReasonThatIsAuditedAndSentToTheExpert() async throws {
        try await withTestApp { app in
            let profile = try await screenedProfile(app)
            XCTAssertEqual(profile.status, .screened)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let page = try await coordinator.get("/experts/\(profile.id!.uuidString)")
            XCTAssertContains(page.body.string, "Under five years: the programme prefers at least five")

            let noReason = try await coordinator.post("/experts/\(profile.id!.uuidString)/decision", form: ["decision": "eligible", "reason": " "])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            let unchanged = try await ExpertProfile.find(profile.id, on: app.db)
            XCTAssertEqual(unchanged?.status, .screened)

            let reason = "Three years, but led the national e-procurement analytics team."
            let decided = try await coordinator.post("/experts/\(profile.id!.uuidString)/decision", form: ["decision": "eligible", "reason": reason])
            XCTAssertEqual(decided.status, .seeOther)
            let eligible = try await ExpertProfile.find(profile.id, on: app.db)
            XCTAssertEqual(eligible?.status, .eligible)
            let entry = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "expert.decide").first())
            XCTAssertEqual(entry.reason, reason)
            let mail = try await XCTUnwrapAsync(try await MailMessage.query(on: app.db).filter(\.$recipient == Demo.expert).first())
            XCTAssertEqual(mail.subject, "Une décision sur votre profil d'expert·e", "in the expert's language")
            XCTAssertContains(mail.body, reason)
            let eli = try await user(Demo.expert, on: app)
            let notified = try await UserNotification.query(on: app.db).filter(\.$user.$id == eli.id!)
                .filter(\.$messageKey == "notification.profile_decided").count()
            XCTAssertEqual(notified, 1)

            let overridden = try await coordinator.post("/experts/\(profile.id!.uuidString)/decision",
                                                        form: ["decision": "ineligible", "reason": "A conflict came to light."])
            XCTAssertEqual(overridden.status, .seeOther, "a result can be overridden, with a reason")
            let final = try await ExpertProfile.find(profile.id, on: app.db)
            XCTAssertEqual(final?.status, .ineligible)
        }
    }

    func testOnlyStaffDecideAndOnlyScreenedProfiles() async throws {
        try await withTestApp { app in
            let profile = try await screenedProfile(app)
            for role in [Role.expert, .evaluator, .analyst, .publicParticipant] {
                var other = BrowserSession(app: app)
                try await other.login(Demo.email(for: role))
                let page = try await other.get("/experts/\(profile.id!.uuidString)")
                XCTAssertEqual(page.status, .forbidden, "\(role)")
                let post = try await other.post("/experts/\(profile.id!.uuidString)/decision", form: ["decision": "eligible", "reason": "r"])
                XCTAssertEqual(post.status, .forbidden, "\(role)")
            }
            let draft = ExpertProfile(id: UUID(), userID: try await user(Demo.administrator, on: app).id!, name: "Draft", email: "d@example.org",
                                      organisation: "", now: app.clock.now())
            try await draft.create(on: app.db)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let early = try await coordinator.post("/experts/\(draft.id!.uuidString)/decision", form: ["decision": "eligible", "reason": "r"])
            try await coordinator.assertRefused(early, "a draft is not decided before it is screened")
        }
    }
}
