@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// What matching scores besides skills: countries, regions and sectors on profiles; fields and a sector on needs.
final class MatchingBackgroundTests: AppTestCase {
    func storedNeed(on app: Application, fields: [String] = ["fraud"], sector: String? = "public_procurement") async throws -> Need {
        let owner = try await user(Demo.publicES, on: app)
        let draft = NeedDraft(title: "Banderas rojas", problemStatement: "p", whyPrivateSector: "w", supportAreas: [3],
                              requiredSkills: ["ocds"], languages: ["es"], preferredStart: try Date("2027-02-01T00:00:00Z", strategy: .iso8601),
                              expectedOutputs: "o", fields: fields, sector: sector)
        let service = NeedService(db: app.db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy, mailer: app.mailer)
        return try await service.create(draft, readiness: .init(ratings: [:]), organisationID: Demo.spanishCourt, by: owner)
    }

    func testCountriesRegionsSectorsAndFieldsChangeTheRanking() async throws {
        try await withTestApp { app in
            // Equal on skills, language, availability and years; they differ only in background.
            let workedInSpain = try await storedProfile("Worked In Spain", status: .eligible, skills: "ocds:3", languages: "es:3", country: "MX", on: app)
            workedInSpain.storedCountriesWorked = ["ES"]
            workedInSpain.storedSectors = [.publicProcurement]
            workedInSpain.storedFields = [.fraud]
            try await workedInSpain.save(on: app.db)
            let knowsRegion = try await storedProfile("Knows Southern Europe", status: .eligible, skills: "ocds:3", languages: "es:3", country: "MX", on: app)
            knowsRegion.storedRegionsWorked = ["039"]
            try await knowsRegion.save(on: app.db)
            try await storedProfile("Neither", status: .eligible, skills: "ocds:3", languages: "es:3", country: "MX", on: app)

            let need = try await storedNeed(on: app)
            let result = try await CandidateRankingService(db: app.db, taxonomy: app.taxonomy).rank(need)
            let names = result.ranking.candidates.map { result.profiles[Int($0.candidate)].fullName }
            XCTAssertEqual(names, ["Worked In Spain", "Knows Southern Europe", "Neither"])
            let top = try XCTUnwrap(result.ranking.candidates.first?.breakdown)
            XCTAssertEqual(top[.region], 1)
            XCTAssertEqual(top[.sector], 1)
            XCTAssertEqual(top[.fields], 1)
            XCTAssertEqual(result.ranking.candidates[1].breakdown[.region], 0.5, "a known region is half a known country")
            XCTAssertEqual(result.ranking.candidates[1].breakdown[.sector], 0)

            let open = try await storedNeed(on: app, fields: [], sector: nil)
            let plain = try await CandidateRankingService(db: app.db, taxonomy: app.taxonomy).rank(open)
            XCTAssertNil(plain.ranking.candidates.first?.breakdown[.sector], "a need naming no sector is not scored on one")
            XCTAssertNil(plain.ranking.candidates.first?.breakdown[.fields])
        }
    }

    func testTheProfileFormKeepsWhereAndInWhatTheExpertHasWorked() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            let form = ["country": "GB", "years": "8", "capacity": "1", "skill_ocds": "3", "language_1": "es", "level_1": "3"]
            let saved = try await expert.post("/profile", form: form, arrays: [
                "countriesWorked": ["ES", "CO"], "regionsWorked": ["039"], "sectors": ["public_procurement", "health"]])
            XCTAssertEqual(saved.status, .seeOther)
            let profile = try await XCTUnwrapAsync(try await ExpertProfile.query(on: app.db).first())
            XCTAssertEqual(profile.countriesWorked.map(\.value), ["ES", "CO"])
            XCTAssertEqual(profile.regionsWorked, [WorldRegion("039")!])
            XCTAssertEqual(profile.sectors, [.publicProcurement, .health])
            let page = try await expert.get("/profile")
            XCTAssertContains(page.body.string, #"<option value="039" selected>Southern Europe</option>"#)

            let rejected = try await expert.post("/profile", form: form, arrays: ["sectors": ["lobbying"], "countriesWorked": ["Atlantis"]])
            XCTAssertEqual(rejected.status, .unprocessableEntity)
            XCTAssertContains(rejected.body.string, "Sectors: Choose one of the options offered.")
            let unchanged = try await XCTUnwrapAsync(try await ExpertProfile.query(on: app.db).first())
            XCTAssertEqual(unchanged.sectors, [.publicProcurement, .health], "a refused form loses nothing")
        }
    }

    func testExpertsKeepTheirProfileOverTheAPI() async throws {
        try await withTestApp { app in
            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let first = try await expert.send(.GET, "/api/v1/profile")
            XCTAssertEqual(first.status, .ok)
            XCTAssertEqual(try first.content.decode(ExpertProfileDetailDTO.self).status, .draft)

            let bad = try await expert.send(.PUT, "/api/v1/profile", json: #"{"country":"GB","languages":{"es":"fluentish"},"sectors":["lobbying"]}"#)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertContains(bad.body.string, "languages")

            let body = #"""
            {"country":"GB","years":8,"fields":["fraud"],"skills":{"ocds":3},"languages":{"es":"native","en":"working"},
             "countriesWorked":["ES"],"regionsWorked":["039"],"sectors":["public_procurement"],"hoursPerWeek":5,
             "availableFrom":"2027-01-01","availableUntil":"2027-12-31","capacity":1,"proBono":true,"workHours":true,
             "publicCommunication":true,"valuesAlignment":true,"motivation":"I have built procurement analytics for ten years and want to help integrity bodies use their own data."}
            """#
            let saved = try await expert.send(.PUT, "/api/v1/profile", json: body)
            XCTAssertEqual(saved.status, .ok)
            let profile = try saved.content.decode(ExpertProfileDetailDTO.self)
            XCTAssertEqual(profile.languages, ["es": "native", "en": "working"])
            XCTAssertEqual(profile.countriesWorked, ["ES"])
            XCTAssertEqual(profile.availableUntil, "2027-12-31")

            let submitted = try await expert.send(.POST, "/api/v1/profile/submit")
            XCTAssertEqual(submitted.status, .ok)
            let screened = try submitted.content.decode(ExpertProfileDetailDTO.self)
            XCTAssertEqual(screened.status, .eligible, "\(screened.screening)")
            XCTAssertFalse(screened.screening.isEmpty)
            let again = try await expert.send(.PUT, "/api/v1/profile", json: body)
            XCTAssertEqual(again.status, .conflict, "a screened profile is not edited")

            let staff = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let read = try await staff.send(.GET, "/api/v1/experts/\(profile.id.uuidString)")
            XCTAssertEqual(try read.content.decode(ExpertProfileDetailDTO.self).sectors, ["public_procurement"])
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let refused = try await analyst.send(.GET, "/api/v1/experts/\(profile.id.uuidString)")
            XCTAssertEqual(refused.status, .forbidden)
            let notExpert = try await staff.send(.GET, "/api/v1/profile")
            XCTAssertEqual(notExpert.status, .forbidden)
        }
    }

    func testNeedsNameFieldsAndASectorAndRefuseUnknownOnes() async throws {
        try await withTestApp { app in
            let member = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let base = #""title":"t","problemStatement":"p","whyPrivateSector":"w","supportAreas":[3],"requiredSkills":["ocds"],"languages":["es"],"preferredStart":"2027-02-01","expectedOutputs":"o""#
            let created = try await member.send(.POST, "/api/v1/needs", json: "{\(base),\"fields\":[\"audit\"],\"sector\":\"health\"}")
            XCTAssertEqual(created.status, .created)
            let need = try created.content.decode(NeedDTO.self)
            XCTAssertEqual(need.fields, [.audit])
            XCTAssertEqual(need.sector, .health)
            for bad in [#""sector":"lobbying""#, #""fields":["other"]"#] {
                let refused = try await member.send(.POST, "/api/v1/needs", json: "{\(base),\(bad)}")
                XCTAssertEqual(refused.status, .unprocessableEntity, bad)
            }
            let stored = try await Need.query(on: app.db).count()
            XCTAssertEqual(stored, 1)
            var browser = BrowserSession(app: app)
            try await browser.login(Demo.publicES)
            let page = try await browser.get("/needs/\(need.id.uuidString)")
            XCTAssertContains(page.body.string, "<dt>Sector al que se refiere la necesidad</dt><dd>Salud</dd>")
        }
    }

    func testNeedsOfABodyNotYetAdmittedWaitOffTheBoard() async throws {
        try await withTestApp { app in
            let need = try await storedNeed(on: app)
            need.status = .eligible
            try await need.save(on: app.db)
            let before = try await BatchMatchingService.openNeeds(on: app.db)
            XCTAssertEqual(before.count, 0)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let board = try await coordinator.get("/matching")
            XCTAssertContains(board.body.string, "1 screened need(s) wait for their public body")
            try await admit(Demo.spanishCourt, on: app)
            let open = try await BatchMatchingService.openNeeds(on: app.db)
            XCTAssertEqual(open.map(\.id), [need.id])
            let after = try await coordinator.get("/matching")
            XCTAssertFalse(after.body.string.contains("wait for their public body"))
        }
    }
}
