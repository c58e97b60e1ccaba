@testable import App
import Foundation
import XCTVapor
import XCTest

/// A person who reaches every form from their dashboard's "Waiting for you" and the pages its links open, never from
/// a typed address. `loads` counts the pages a browser would load: a sign-in is two (its form and the post), a form
/// sent and the page it leads to are one.
struct InboxWalker {
    let email: String
    private(set) var browser: BrowserSession
    private(set) var page = ""
    private(set) var loads = 0

    init(_ email: String, app: Application) {
        self.email = email
        browser = BrowserSession(app: app)
    }

    /// Opens the dashboard (signing in first when the session has lapsed) and returns what waits, as links.
    @discardableResult
    mutating func dashboard(file: StaticString = #filePath, line: UInt = #line) async throws -> [String] {
        var response = try await browser.get(HomeRoute.home.link())
        loads += 1
        if !response.body.string.contains(#"id="waiting-heading""#) {
            try await browser.login(email)
            loads += 2
            response = try await browser.get(HomeRoute.home.link())
        }
        XCTAssertEqual(response.status, .ok, file: file, line: line)
        page = response.body.string
        return Self.links(in: Self.section("waiting-heading", of: page))
    }

    /// Follows the dashboard's item that leads to `href`; fails when "Waiting for you" has no such item.
    mutating func open(_ href: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        let waiting = try await dashboard(file: file, line: line)
        XCTAssertTrue(waiting.contains(href), "\(email) is not asked for \(href); waiting: \(waiting)", file: file, line: line)
        try await follow(href, file: file, line: line)
    }

    /// Follows a link on the page in view.
    mutating func follow(_ href: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        XCTAssertTrue(Self.links(in: page).contains(href), "no link to \(href) on the page", file: file, line: line)
        let response = try await browser.get(href)
        loads += 1
        XCTAssertEqual(response.status, .ok, href, file: file, line: line)
        page = response.body.string
    }

    /// Sends the page's form that posts to `action`, with its one-time token, and lands where it leads.
    mutating func submit(_ action: String, form: [String: String] = [:], arrays: [String: [String]] = [:],
                         file: StaticString = #filePath, line: UInt = #line) async throws {
        XCTAssertTrue(Self.actions(in: page).contains(action), "no form posts to \(action); forms: \(Self.actions(in: page))",
                      file: file, line: line)
        let response = try await browser.post(action, form: form, arrays: arrays, once: page.contains(#"name="_once""#))
        loads += 1
        XCTAssertEqual(response.status, .seeOther, "\(action): \(response.body.string.prefix(600))", file: file, line: line)
        guard let location = response.headers.first(name: .location) else { return }
        page = try await browser.get(location).body.string
    }

    static func section(_ heading: String, of html: String) -> String {
        guard let start = html.range(of: #"aria-labelledby="\#(heading)""#),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    static func links(in html: String) -> [String] {
        captures(#"<a href="([^"]+)""#, in: html)
    }

    static func actions(in html: String) -> [String] {
        captures(#"<form[^>]* action="([^"]+)""#, in: html)
    }

    private static func captures(_ pattern: String, in html: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }
}
