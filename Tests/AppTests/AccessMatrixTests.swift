@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Who may use which route. `nil` stands for a visitor who is not signed in.
final class AccessMatrixTests: AppTestCase {
    typealias Expectation = [Role?: HTTPStatus]

    static let everyone: [Role?] = [nil] + Role.allCases.map(Optional.some)

    static func expect(_ allowed: Set<Role>, ok: HTTPStatus = .ok, denied: HTTPStatus = .forbidden,
                       anonymous: HTTPStatus = .seeOther, overrides: Expectation = [:]) -> Expectation {
        var expectation: Expectation = [nil: anonymous]
        for role in Role.allCases { expectation[role] = allowed.contains(role) ? ok : denied }
        return expectation.merging(overrides) { _, new in new }
    }

    static let staff: Set<Role> = [.coordinator, .administrator]
    static let readers: Set<Role> = [.coordinator, .administrator, .evaluator, .analyst]
    static let all = Set(Role.allCases)

    var pageMatrix: [(String, Expectation)] {
        let fr = Demo.frenchAgency.uuidString.lowercased()
        let es = Demo.spanishCourt.uuidString.lowercased()
        return [
            ("/", Self.expect(Self.all, anonymous: .ok)),
            ("/healthz", Self.expect(Self.all, anonymous: .ok)),
            ("/metrics", Self.expect(Self.all, anonymous: .ok)),
            ("/login", Self.expect(Self.all, anonymous: .ok)),
            ("/organisations", Self.expect(Self.readers)),
            ("/organisations/new", Self.expect(Self.staff)),
            ("/organisations/mine", Self.expect(Self.all, overrides: [.publicParticipant: .seeOther, .expert: .seeOther])),
            ("/organisations/\(fr)", Self.expect(Self.readers.union([.publicParticipant]), denied: .notFound)),
            ("/organisations/\(es)", Self.expect(Self.readers, denied: .notFound)),
            ("/organisations/\(fr)/edit", Self.expect(Self.staff.union([.publicParticipant]), overrides: [.expert: .notFound])),
            ("/organisations/\(es)/edit", Self.expect(Self.staff, overrides: [.expert: .notFound, .publicParticipant: .notFound])),
            ("/people", Self.expect(Self.staff)),
            ("/invitations", Self.expect(Self.staff)),
            ("/audit", Self.expect(Self.staff)),
            ("/outbox", Self.expect([.administrator])),
            ("/jobs", Self.expect([.administrator])),
            ("/roster", Self.expect(Self.staff)),
            ("/needs", Self.expect(Self.all.subtracting([.expert]))),
            ("/needs/new", Self.expect(Self.staff.union([.publicParticipant]))),
            ("/experts", Self.expect(Self.staff)),
            ("/notifications", Self.expect(Self.all)),
            ("/account", Self.expect(Self.all)),
            ("/account/tokens", Self.expect(Self.all)),
        ]
    }

    func testPagesByRole() async throws {
        try await withTestApp { app in
            for role in Self.everyone {
                var browser = BrowserSession(app: app)
                if let role { try await browser.login(Demo.email(for: role)) }
                for (path, expectation) in pageMatrix {
                    let response = try await browser.get(path)
                    XCTAssertEqual(response.status, expectation[role], "\(role?.rawValue ?? "anonymous") GET \(path)")
                }
            }
        }
    }

    func testAPIByRole() async throws {
        let fr = Demo.frenchAgency.uuidString.lowercased()
        let matrix: [(HTTPMethod, String, Expectation)] = [
            (.GET, "/api/v1/openapi.json", Self.expect(Self.all, anonymous: .ok)),
            (.GET, "/api/v1/me", Self.expect(Self.all, anonymous: .unauthorized)),
            (.GET, "/api/v1/notifications", Self.expect(Self.all, anonymous: .unauthorized)),
            (.GET, "/api/v1/users", Self.expect(Self.staff, anonymous: .unauthorized)),
            (.GET, "/api/v1/organisations", Self.expect(Self.readers, anonymous: .unauthorized)),
            (.GET, "/api/v1/organisations/\(fr)", Self.expect(Self.readers.union([.publicParticipant]), denied: .notFound, anonymous: .unauthorized)),
            (.GET, "/api/v1/audit/checkpoint", Self.expect(Self.all, anonymous: .ok)),
            (.GET, "/api/v1/audit/public-key", Self.expect(Self.all, anonymous: .ok)),
            (.GET, "/api/v1/audit/entries", Self.expect(Self.staff, anonymous: .unauthorized)),
            (.GET, "/api/v1/experts", Self.expect(Self.staff, anonymous: .unauthorized)),
            (.GET, "/api/v1/needs", Self.expect(Self.all.subtracting([.expert]), anonymous: .unauthorized)),
            (.GET, "/api/v1/audit/proofs/inclusion?leafIndex=0&treeSize=2", Self.expect(Self.all, anonymous: .ok)),
            (.GET, "/api/v1/audit/proofs/consistency?first=1&second=2", Self.expect(Self.all, anonymous: .ok)),
        ]
        try await withTestApp { app in
            for role in Self.everyone {
                let client = role == nil ? APIClient.anonymous(app) : try await APIClient.forUser(try await user(Demo.email(for: role!), on: app), app: app)
                for (method, path, expectation) in matrix {
                    let response = try await client.send(method, path)
                    XCTAssertEqual(response.status, expectation[role], "\(role?.rawValue ?? "anonymous") \(method) \(path)")
                }
            }
        }
    }

    func testChangingAnotherOrganisationByIdIsRefusedAndChangesNothing() async throws {
        try await withTestApp { app in
            let es = Demo.spanishCourt.uuidString.lowercased()
            let body = #"{"name":"Hijacked","country":"ES","publicBodyType":"other","jurisdiction":"local","mandate":"x","workingLanguages":["es"]}"#
            let member = try await APIClient.forUser(try await user(Demo.publicFR, on: app), app: app)
            let viaAPI = try await member.send(.PUT, "/api/v1/organisations/\(es)", json: body)
            XCTAssertEqual(viaAPI.status, .notFound)
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let response = try await analyst.send(.PUT, "/api/v1/organisations/\(es)", json: body)
            XCTAssertEqual(response.status, .forbidden)

            var browser = BrowserSession(app: app)
            try await browser.login(Demo.publicFR)
            let viaForm = try await browser.post("/organisations/\(es)", form: ["name": "Hijacked", "country": "ES"])
            XCTAssertEqual(viaForm.status, .notFound)

            let court = try await XCTUnwrapAsync(try await Organisation.find(Demo.spanishCourt, on: app.db))
            XCTAssertEqual(court.name, "Tribunal Ficticio de Cuentas")
        }
    }

    func testPersonalObjectsOfOthersAnswerNotFound() async throws {
        try await withTestApp { app in
            let coordinator = try await user(Demo.coordinator, on: app)
            let notification = try await XCTUnwrapAsync(
                try await UserNotification.query(on: app.db).filter(\.$user.$id == coordinator.id!).first())
            let secret = SecretToken(prefix: APIToken.prefix)
            let token = APIToken(id: UUID(), userID: coordinator.id!, name: "coordinator's", secret: secret, now: app.clock.now())
            try await token.create(on: app.db)

            var browser = BrowserSession(app: app)
            try await browser.login(Demo.expert)
            let readOther = try await browser.post("/notifications/\(notification.id!.uuidString)/read")
            XCTAssertEqual(readOther.status, .notFound)
            let revokeOther = try await browser.post("/account/tokens/\(token.id!.uuidString)/revoke")
            XCTAssertEqual(revokeOther.status, .notFound)
            let stillUnread = try await UserNotification.find(notification.id, on: app.db)
            XCTAssertNil(stillUnread?.readAt)
            let stillLive = try await APIToken.find(token.id, on: app.db)
            XCTAssertNil(stillLive?.revokedAt)
        }
    }

    func testOnlyStaffDecideRegistrations() async throws {
        try await withTestApp { app in
            let pending = try await user(Demo.pending, on: app)
            var browser = BrowserSession(app: app)
            try await browser.login(Demo.expert)
            let response = try await browser.post("/people/\(pending.id!.uuidString)/approve")
            XCTAssertEqual(response.status, .forbidden)
            let unchanged = try await User.find(pending.id, on: app.db)
            XCTAssertEqual(unchanged?.status, .pending)
        }
    }

    func testEveryRegisteredRouteDeclaresAnAccessRule() async throws {
        try await withTestApp(seed: false) { app in
            let unguarded = app.routes.all.filter { $0.access == nil }.map(\.description)
            XCTAssertEqual(unguarded, [])
        }
    }

    func testARouteWithoutARuleIsRefused() async throws {
        try await withTestApp(seed: false) { app in
            app.get("forgotten") { _ in "secret" }
            try await app.test(.GET, "/forgotten", afterResponse: { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertFalse(res.body.string.contains("secret"))
            })
        }
    }

    func testInvalidAndRevokedTokensAreRefused() async throws {
        try await withTestApp { app in
            let unknown = try await APIClient(app: app, token: "ixp_not-a-token").send(.GET, "/api/v1/me")
            XCTAssertEqual(unknown.status, .unauthorized)
            let client = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let live = try await client.send(.GET, "/api/v1/me")
            XCTAssertEqual(live.status, .ok)
            try await APIToken.query(on: app.db).set(\.$revokedAt, to: app.clock.now()).update()
            let revoked = try await client.send(.GET, "/api/v1/me")
            XCTAssertEqual(revoked.status, .unauthorized)
        }
    }

    /// `req.load` finds, then asks the policy: a missing id, another body's need and a company's participation page
    /// all answer 404; the body's own need and its own participation page open.
    func testObjectsAreLoadedThenAuthorizedWithOneAnswerForWhatMayNotBeSeen() async throws {
        try await withTestApp { app in
            let member = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let own = try await member.send(.POST, "/api/v1/needs", json: json(completeNeed())).content.decode(NeedDTO.self).id
            let other = try await APIClient.forUser(try await user(Demo.publicFR, on: app), app: app)
            let mine = try await member.send(.GET, "/api/v1/needs/\(own.uuidString)").status
            XCTAssertEqual(mine, .ok)
            let foreign = try await other.send(.GET, "/api/v1/needs/\(own.uuidString)").status
            XCTAssertEqual(foreign, .notFound, "another body's need does not exist for them")
            let missing = try await member.send(.GET, "/api/v1/needs/\(UUID().uuidString)").status
            XCTAssertEqual(missing, .notFound)

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let company = try await coordinator.get(ParticipationRoute.show.link(Demo.britishCompany)).status
            XCTAssertEqual(company, .notFound, "a company has no participation page")
            let body = try await coordinator.get(ParticipationRoute.show.link(Demo.frenchAgency)).status
            XCTAssertEqual(body, .ok)
        }
    }
}
