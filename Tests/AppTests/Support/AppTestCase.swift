@testable import App
import ExchangeCore
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import SecureReporting
import XCTVapor
import XCTest

/// A movable clock, so expiry and lockout can be tested without waiting.
final class TestClock: Sendable {
    private let now = NIOLockedValueBox(Date(timeIntervalSince1970: 1_793_610_000))  // 2026-11-02T09:00:00Z

    var wallClock: WallClock { WallClock { [now] in now.withLockedValue { $0 } } }

    func advance(by seconds: TimeInterval) {
        now.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Base for HTTP tests. Runs on in-memory SQLite, or on PostgreSQL when DATABASE_URL is set,
/// with a fresh schema and the demo programme for every test.
class AppTestCase: XCTestCase {
    let clock = TestClock()

    var usesPostgres: Bool { ProcessInfo.processInfo.environment["DATABASE_URL"].map { !$0.isEmpty } ?? false }

    func withTestApp(seed: Bool = true, logger: Logger? = nil, adjust: (inout AppConfiguration) -> Void = { _ in },
                     _ body: (Application) async throws -> Void) async throws {
        var config = AppConfiguration(bcryptCost: 4)
        config.reportStretchCost = StretchCost(n: 1 << 10, r: 8, p: 1)
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            config.database = .postgres(url: url)
        }
        config.baseURL = "http://127.0.0.1:8080"
        adjust(&config)
        let app = try await Application.make(.testing)
        app.clock = clock.wallClock
        if let logger { app.logger = logger }
        do {
            try await configure(app, config, signingKey: .generate())
            if usesPostgres { try await app.autoRevert() }
            try await app.autoMigrate()
            if seed { _ = try await Platform.seedDemo(app) }
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    // MARK: - Demo people

    enum Demo {
        static let coordinator = "coordinator@demo.integrity.invalid"
        static let administrator = "admin@demo.integrity.invalid"
        static let publicFR = "agent.public@demo.integrity.invalid"
        static let publicES = "participante@demo.integrity.invalid"
        static let expert = "expert@demo.integrity.invalid"
        static let evaluator = "evaluator@demo.integrity.invalid"
        static let analyst = "analyst@demo.integrity.invalid"
        static let pending = "pending@demo.integrity.invalid"
        static let password = DemoProgramme.password

        static func email(for role: Role) -> String {
            switch role {
            case .coordinator: coordinator
            case .administrator: administrator
            case .publicParticipant: publicFR
            case .expert: expert
            case .evaluator: evaluator
            case .analyst: analyst
            }
        }

        static let frenchAgency = StableID.make("org.fr-agency")
        static let spanishCourt = StableID.make("org.es-court")
        static let britishCompany = StableID.make("org.gb-analytics")
    }

    /// "id:level,id:level", the short form tests write skills and languages in.
    func pairs(_ text: String) -> [(String, String)] {
        text.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: ":").map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    /// An expert profile straight in the database, as screening would leave it, available through 2027.
    /// With `userKey`, it belongs to that demo account (and has a stable id); otherwise to nobody.
    @discardableResult
    func storedProfile(_ name: String, status: ParticipationStatus, userKey: String? = nil, skills: String = "", languages: String = "",
                       country: String = "", years: Int = 8, on app: Application) async throws -> ExpertProfile {
        let p = ExpertProfile(id: userKey.map { StableID.make("profile." + $0) } ?? UUID(), userID: UUID(), name: name,
                              email: "\(UUID().uuidString.lowercased())@example.org", organisation: "Example Analytics Ltd (fictional)",
                              now: app.clock.now())
        p.$user.id = userKey.map(StableID.make)
        p.identityKey = name
        p.status = status
        p.storedSkills = JSONList(pairs(skills).compactMap { id, level in Int(level).map { ExpertProfile.SkillEntry(id: id, level: $0) } })
        p.storedLanguages = JSONList(pairs(languages).compactMap { code, level in
            UInt8(level).flatMap(LanguageLevel.init).map { ExpertProfile.LanguageEntry(code: code, level: $0) }
        })
        p.country = country
        p.years = years
        p.capacity = 1
        p.availableFrom = try Date("2026-01-01T00:00:00Z", strategy: .iso8601)
        p.availableUntil = try Date("2028-01-01T00:00:00Z", strategy: .iso8601)
        try await p.create(on: app.db)
        return p
    }

    /// Elena (Spanish, OCDS level 3) fits the Spanish court's need better than Eli (OCDS level 2, working Spanish).
    func matchingProgramme(on app: Application) async throws -> (need: Need, elena: ExpertProfile, eli: ExpertProfile) {
        let elena = try await storedProfile("Elena Muestra", status: .eligible, userKey: "user.expert-es", skills: "ocds:3", languages: "es:3",
                                            country: "ES", on: app)
        let eli = try await storedProfile("Eli Expert", status: .eligible, userKey: "user.expert-en", skills: "ocds:2", languages: "en:3,es:1",
                                          country: "GB", on: app)
        let owner = try await user(Demo.publicES, on: app)
        let draft = NeedDraft(title: "Análisis OCDS", problemStatement: "p", whyPrivateSector: "w", supportAreas: [3],
                              requiredSkills: ["ocds"], languages: ["es"], preferredStart: try Date("2027-02-01T00:00:00Z", strategy: .iso8601),
                              expectedOutputs: "o")
        let need = try await NeedService(db: app.db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy, mailer: app.mailer).create(draft, readiness: .init(ratings: [:]), organisationID: Demo.spanishCourt, by: owner)
        need.status = .eligible
        try await need.save(on: app.db)
        try await admit(Demo.spanishCourt, on: app)
        return (need, elena, eli)
    }

    func runBatch(_ coordinator: inout BrowserSession, app: Application) async throws -> MatchRun {
        let started = try await coordinator.post("/matching/runs")
        XCTAssertEqual(started.status, .seeOther)
        try await app.jobWorker.drain()
        let run = try await XCTUnwrapAsync(try await MatchRun.query(on: app.db).sort(\.$startedAt, .descending).first())
        XCTAssertEqual(started.headers.first(name: .location), MatchingBoardRoute.run.link(run.id!))
        XCTAssertEqual(run.status, .completed)
        return run
    }

    /// The matching programme with Elena proposed for the Spanish court's need, as a confirmed proposal leaves it.
    func proposedMatch(_ coordinator: inout BrowserSession, app: Application) async throws -> (match: Engagement, elena: ExpertProfile, eli: ExpertProfile) {
        let (_, elena, eli) = try await matchingProgramme(on: app)
        let run = try await runBatch(&coordinator, app: app)
        let proposal = try await XCTUnwrapAsync(try await MatchProposal.query(on: app.db).filter(\.$run.$id == run.id!).first())
        let confirmed = try await coordinator.post("/matching/proposals/\(proposal.id!.uuidString)/decision", form: ["action": "confirm"])
        XCTAssertEqual(confirmed.status, .seeOther)
        return (try await XCTUnwrapAsync(try await Engagement.query(on: app.db).first()), elena, eli)
    }

    /// Elena (employed by Datos de Muestra) proposed to the Spanish court, with due diligence cleared on no findings.
    func clearedMatch(_ app: Application) async throws -> Engagement {
        var browser = BrowserSession(app: app)
        try await browser.login(Demo.coordinator)
        let (match, _, _) = try await proposedMatch(&browser, app: app)
        let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
        let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
        _ = try await coordinator.send(.POST, "\(base)/due-diligence/open")
        let answers = ConflictQuestion.allCases.map { "\"\($0.rawValue)\": {\"declared\": false}" }.joined(separator: ", ")
        for email in ["experta@demo.integrity.invalid", Demo.publicES] {
            let party = try await APIClient.forUser(try await user(email, on: app), app: app)
            _ = try await party.send(.PUT, "\(base)/declaration", json: "{\"answers\": {\(answers)}, \"attested\": true}")
        }
        for item in DueDiligenceItem.allCases {
            _ = try await coordinator.send(.PUT, "\(base)/due-diligence/checklist/\(item.rawValue)",
                                           json: #"{"status": "not_applicable", "notes": "Pro bono pilot with synthetic data."}"#)
        }
        let cleared = try await coordinator.send(.POST, "\(base)/due-diligence/decision", json: #"{"outcome": "cleared", "text": "Nothing found."}"#)
        XCTAssertEqual(cleared.status, .ok)
        return try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
    }

    /// Terms of Reference for the Spanish court's need (support area 3) as the API takes them: one goal, one
    /// deliverable, one milestone.
    static func termsJSON(success: String = "We will know we are successful when we have a monthly risk list.") -> String {
        """
        {"start": "2027-02-01", "months": 3,
         "people": [{"name": "Pablo", "side": "public_body", "responsibilities": "Data owner"},
                    {"name": "Elena", "side": "expert", "responsibilities": "Indicators"},
                    {"name": "Cora", "side": "programme_office", "responsibilities": "Follow-up"}],
         "governance": {"meetingCadence": "Weekly", "decisionMaking": "Consensus", "escalation": "Programme office"},
         "goals": [{"text": "Flag risky tenders", "supportArea": 3}],
         "deliverables": [{"goal": 1, "title": "Indicator pipeline", "due": "2027-04-01"}],
         "milestones": [{"title": "Data received", "due": "2027-02-15"}],
         "successStatement": "\(success)",
         "communication": {"what": "Lessons", "channels": "Website", "consent": "Both parties"},
         "dataHandling": {"access": "none"}}
        """
    }

    /// The cleared match with Terms of Reference (one deliverable, one milestone) signed by all three sides and started.
    func startedMatch(_ app: Application) async throws -> Engagement {
        let match = try await clearedMatch(app)
        let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
        let terms = Self.termsJSON()
        var clients: [APIClient] = []
        for email in ["experta@demo.integrity.invalid", Demo.publicES, Demo.coordinator] {
            clients.append(try await APIClient.forUser(try await user(email, on: app), app: app))
        }
        let saved = try await clients[0].send(.PUT, "\(base)/terms", json: terms)
        XCTAssertEqual(saved.status, .created)
        for client in clients {
            let signed = try await client.send(.POST, "\(base)/terms/sign")
            XCTAssertEqual(signed.status, .ok)
        }
        let started = try await clients[2].send(.POST, "\(base)/start")
        XCTAssertEqual(started.status, .ok)
        return try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
    }

    /// Marks a public body's participation eligible, as a coordinator's screening would.
    func admit(_ organisationID: UUID, on app: Application) async throws {
        let body = try await XCTUnwrapAsync(try await Organisation.find(organisationID, on: app.db))
        body.participationStatus = .eligible
        try await body.save(on: app.db)
    }

    // MARK: - Request bodies

    var allRatings: [String: Int] {
        Dictionary(uniqueKeysWithValues: ReadinessArea.allCases.enumerated().map { ($0.element.rawValue, $0.offset % 4) })
    }

    /// A need that passes every rule, for the Spanish court.
    func completeNeed(dataAccess: String = "none") -> [String: Any] {
        ["title": "Red flags on our tenders", "problemStatement": "We publish OCDS but cannot analyse it.",
         "whyPrivateSector": "Industry builds such pipelines daily.", "supportAreas": [3, 4], "issueAreas": ["money_flows"],
         "requiredSkills": ["procurement-red-flags", "ocds"], "languages": ["es"], "preferredStart": "2027-02-01",
         "expectedOutputs": "A reproducible notebook.", "dataAccess": dataAccess, "dataRules": dataAccess == "real" ? "On site only." : "",
         "readiness": allRatings]
    }

    /// A JSON body from a dictionary, as a script would build it.
    func json(_ dict: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: dict), as: UTF8.self)
    }

    /// Marks every due-diligence item done, or one of them a concern, through the checklist pages.
    func completeChecklist(_ coordinator: inout BrowserSession, _ base: String, concernAt concern: DueDiligenceItem? = nil) async throws {
        for item in DueDiligenceItem.allCases {
            let form = item == concern
                ? ["status": "concern", "notes": "Referee works at the body's main supplier.", "links": ""]
                : ["status": "done", "notes": "", "links": "https://registry.example.org/\(item.rawValue)"]
            let saved = try await coordinator.post("\(base)/due-diligence/items/\(item.rawValue)", form: form)
            XCTAssertEqual(saved.status, .seeOther, item.rawValue)
        }
    }

    func user(_ email: String, on app: Application) async throws -> User {
        try await XCTUnwrapAsync(try await User.query(on: app.db).filter(\.$email == email).first())
    }

    func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
        try XCTUnwrap(value, file: file, line: line)
    }
}
