import ExchangeCore
import Foundation
import Vapor

/// One row of the route table: a method, a path pattern, the access rule, and how the body is read.
struct EndpointSpec: Sendable {
    enum Body: Sendable {
        /// Collected up to the application's default limit.
        case collect
        /// Collected up to this limit, which middleware that reads the body first honours too.
        case upTo(ByteCount)
        /// Streamed to the handler, which reads it with `StreamedUpload.receive`.
        case streaming
    }

    let method: HTTPMethod
    /// Path components below the area's prefix, with `:name` for a parameter: `needs/:id/edit`.
    let pattern: String
    let access: RouteAccess
    let body: Body
    /// The route neither reads nor sets a cookie, and logs nothing that could link it to a person (reporting).
    var cookieless = false
    /// Its answer holds a secret (half of a key): it is never kept to replay for an `Idempotency-Key`.
    var answersSecret = false
    /// How its errors are written: the platform's one shape, or another standard's that its clients expect.
    var errors: ErrorShape = .platform

    enum ErrorShape: Sendable {
        case platform
        /// Open311 GeoReport v2: a list of `code` and `description`, in JSON or XML as the address ends.
        case open311
    }

    /// The same row, served without cookies: no session, no sign-in, a form token instead of the session's.
    var withoutCookies: Self {
        var spec = self
        spec.cookieless = true
        return spec
    }

    /// The same row, whose answer is never kept.
    var answeringSecret: Self {
        var spec = self
        spec.answersSecret = true
        return spec
    }

    /// The same row, with its errors in `shape`.
    func errors(_ shape: ErrorShape) -> Self {
        var spec = self
        spec.errors = shape
        return spec
    }

    static func get(_ pattern: String, _ access: RouteAccess) -> Self { .init(method: .GET, pattern: pattern, access: access, body: .collect) }
    static func post(_ pattern: String, _ access: RouteAccess, body: Body = .collect) -> Self {
        .init(method: .POST, pattern: pattern, access: access, body: body)
    }
    static func put(_ pattern: String, _ access: RouteAccess, body: Body = .collect) -> Self {
        .init(method: .PUT, pattern: pattern, access: access, body: body)
    }
    static func delete(_ pattern: String, _ access: RouteAccess) -> Self { .init(method: .DELETE, pattern: pattern, access: access, body: .collect) }
}

/// Where a table's routes live: the pages, or the JSON API under `/api/v1`.
enum EndpointArea: Sendable {
    case site
    case api

    var prefix: [String] { self == .api ? ["api", "v1"] : [] }
}

/// A table of routes, one case per route. The table registers each route with its rule (`routes.on(_:use:)`),
/// builds every link in Swift (`link(_:)`) and gives Leaf its hrefs (`#link("NeedRoute.show", id)`).
protocol Endpoint: CaseIterable, RawRepresentable<String>, Hashable, Sendable {
    static var area: EndpointArea { get }
    var spec: EndpointSpec { get }
}

extension Endpoint {
    static var area: EndpointArea { .site }

    /// The name that templates use: `NeedRoute.show`.
    var name: String { "\(Self.self).\(rawValue)" }

    var components: [String] {
        Self.area.prefix + spec.pattern.split(separator: "/").map(String.init)
    }

    /// The pattern as OpenAPI writes it: `/needs/{id}`, below the API's prefix.
    var documentedPath: String {
        "/" + spec.pattern.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    /// The address of this route with its parameters filled in order, and an optional query.
    func link(_ values: any LinkValue..., query: [URLQueryItem] = []) -> String {
        RouteLink.address(components: components, values.map(\.pathSegment), query: query, name: name)
    }
}

/// Fills a route's pattern with values.
enum RouteLink {
    static func address(components: [String], _ segments: [String], query: [URLQueryItem] = [], name: String) -> String {
        var remaining = segments[...]
        let path = components.map { component -> String in
            guard component.hasPrefix(":") else { return component }
            guard let value = remaining.popFirst() else { preconditionFailure("\(name) needs a value for \(component)") }
            return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
        }
        precondition(remaining.isEmpty, "\(name) was given more values than it has parameters")
        var address = "/" + path.joined(separator: "/")
        if !query.isEmpty {
            var parts = URLComponents()
            parts.queryItems = query
            address += "?" + (parts.percentEncodedQuery ?? "")
        }
        return address
    }
}

/// A value that fills a path parameter.
protocol LinkValue: Sendable {
    var pathSegment: String { get }
}

extension UUID: LinkValue {
    var pathSegment: String { uuidString.lowercased() }
}

extension String: LinkValue {
    var pathSegment: String { self }
}

extension Int: LinkValue {
    var pathSegment: String { String(self) }
}

extension LinkValue where Self: RawRepresentable, RawValue == String {
    var pathSegment: String { rawValue }
}

extension EvaluationStage: LinkValue {}
extension DueDiligenceItem: LinkValue {}
