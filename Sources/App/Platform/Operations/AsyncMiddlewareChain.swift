import Vapor

/// Runs several async middlewares as one. Vapor bridges each `AsyncMiddleware` through its own task and promise;
/// chained here, they call one another directly, so a request pays for one bridge instead of one per middleware.
struct AsyncMiddlewareChain: AsyncMiddleware {
    let middlewares: [any AsyncMiddleware]

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        try await respond(to: request, from: middlewares[...], then: next)
    }

    private func respond(to request: Request, from rest: ArraySlice<any AsyncMiddleware>, then last: AsyncResponder) async throws -> Response {
        guard let first = rest.first else { return try await last.respond(to: request) }
        return try await first.respond(to: request, chainingTo: Link { request in
            try await respond(to: request, from: rest.dropFirst(), then: last)
        })
    }

    private struct Link: AsyncResponder {
        let body: @Sendable (Request) async throws -> Response
        func respond(to request: Request) async throws -> Response { try await body(request) }
    }
}

/// Serves the public folder's files only for paths inside its top-level folders (`/css/`, `/js/`), so other
/// requests do not wait for a file-system lookup on a thread pool.
struct PublicFilesMiddleware: Middleware {
    private let files: FileMiddleware
    private let folders: Set<String>

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: publicDirectory)) ?? []
        folders = Set(entries)
    }

    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        let first = request.url.path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first
        guard let first, folders.contains(String(first)) else { return next.respond(to: request) }
        return files.respond(to: request, chainingTo: next)
    }
}
