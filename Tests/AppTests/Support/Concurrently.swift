@testable import App
import Fluent
import Foundation
import XCTVapor
import XCTest

/// Fires requests at once, as a double click, a retry over a slow network or two coordinators on one page would.
enum Concurrently {
    /// The status of each of `count` identical requests, sent together.
    static func fire(_ count: Int, _ request: @escaping @Sendable () async throws -> XCTHTTPResponse) async throws -> [HTTPStatus] {
        try await fire(Array(repeating: request, count: count))
    }

    /// The status of each request, in the order given, all sent together.
    static func fire(_ requests: [@Sendable () async throws -> XCTHTTPResponse]) async throws -> [HTTPStatus] {
        try await withThrowingTaskGroup(of: (Int, HTTPStatus).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask { (index, try await request().status) }
            }
            var statuses = Array(repeating: HTTPStatus.internalServerError, count: requests.count)
            for try await (index, status) in group { statuses[index] = status }
            return statuses
        }
    }
}

/// What one action left behind: audit entries by action, outbox messages and rows, counted before and after.
struct Effects {
    let audit: [String: Int]
    let mails: Int

    static func count(on db: Database) async throws -> Effects {
        let actions = try await AuditEntryRecord.query(on: db).all(\.$action)
        return Effects(audit: actions.reduce(into: [:]) { $0[$1, default: 0] += 1 }, mails: try await MailMessage.query(on: db).count())
    }

    /// Entries and mails added since `before`.
    func since(_ before: Effects) -> (audit: [String: Int], mails: Int) {
        let added = audit.reduce(into: [String: Int]()) { result, entry in
            let delta = entry.value - (before.audit[entry.key] ?? 0)
            if delta != 0 { result[entry.key] = delta }
        }
        return (added, mails - before.mails)
    }
}

/// Asserts that of `statuses` exactly `winners` succeeded and the rest lost with 409; no server error anywhere.
func XCTAssertOneWinner(_ statuses: [HTTPStatus], winners: Int = 1, file: StaticString = #filePath, line: UInt = #line) {
    let succeeded = statuses.filter { (200..<400).contains($0.code) }.count
    let conflicts = statuses.filter { $0 == .conflict }.count
    XCTAssertEqual(succeeded, winners, "successes in \(statuses.map(\.code))", file: file, line: line)
    XCTAssertEqual(conflicts, statuses.count - winners, "409s in \(statuses.map(\.code))", file: file, line: line)
}

extension AppTestCase {
    /// Sends 8 copies of one request at once, asserts that none got a server error and that one at least succeeded,
    /// and returns how many audit entries of `action` they added.
    func eightTimes(_ action: String, on app: Application, file: StaticString = #filePath, line: UInt = #line,
                    _ request: @escaping @Sendable () async throws -> XCTHTTPResponse) async throws -> Int {
        let before = try await AuditEntryRecord.query(on: app.db).filter(\.$action == action).count()
        let statuses = try await Concurrently.fire(8, request)
        XCTAssertFalse(statuses.contains { $0.code >= 500 }, "\(action): \(statuses.map(\.code))", file: file, line: line)
        XCTAssertTrue(statuses.contains { (200..<400).contains($0.code) }, "\(action): \(statuses.map(\.code))", file: file, line: line)
        return try await AuditEntryRecord.query(on: app.db).filter(\.$action == action).count() - before
    }
}
