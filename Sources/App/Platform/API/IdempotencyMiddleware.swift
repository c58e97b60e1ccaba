import Crypto
import Fluent
import Vapor

/// Requests that may be sent twice act once.
/// - API POSTs with an `Idempotency-Key`: a retry with the same key and request gets the first response again (with
///   `Idempotent-Replayed: true`), the same key with another request is 422, and a retry while the first is still
///   running is 409.
/// - Page forms carry a one-time `_once` field, new with every page: a second click (or several tabs of one page)
///   gets the first click's redirect again; one that arrives while the first is running is 409, shown as a flash.
///
/// Keys are kept 24 hours. A request that fails (any 4xx or 5xx) keeps no key, so it can be corrected and sent
/// again: its transaction wrote nothing.
struct IdempotencyMiddleware: AsyncMiddleware {
    static let header = "Idempotency-Key"
    static let formField = "_once"

    private struct Key {
        let value: String
        let isForm: Bool
    }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        // A streamed upload is never held to be compared; its service recognises the same file sent twice.
        // Pages without cookies keep no response: it may hold a receipt. Their forms act once through a unique index.
        // Nor does a route whose answer is half of a key: kept, it would sit beside the other half.
        guard request.method == .POST, request.route?.streamsBody != true, request.route?.isCookieless != true, request.route?.answersSecret != true,
              let key = try await Self.key(of: request) else {
            return try await next.respond(to: request)
        }
        let owner = request.auth.get(User.self)?.id.map { "user:\($0.uuidString.lowercased())" } ?? "anonymous"
        let body = request.body.data
        let claim = try await Self.claim(owner: owner, key: key.value, digest: Self.digest(request, body),
                                         now: request.application.clock.now(), on: request.db)
        switch claim {
        case .existing(let record, let sameRequest):
            guard let status = record.status else {
                throw key.isForm ? AppError.conflict(code: "form_in_progress") : AppError.conflict(code: "idempotency_key_in_progress")
            }
            guard sameRequest else {
                throw key.isForm ? AppError.conflict(code: "form_in_progress") : AppError.unprocessable(code: "idempotency_key_reused")
            }
            return Self.replay(record, status: status)
        case .claimed(let record):
            let response: Response
            do {
                response = try await next.respond(to: request)
            } catch {
                try? await record.delete(on: request.db)
                throw error
            }
            try await Self.keep(response, in: record, form: key.isForm, on: request.db)
            return response
        }
    }

    /// The API's header, or a page form's field (pages only: the API takes no form bodies).
    private static func key(of request: Request) async throws -> Key? {
        let limit = request.route?.bodyLimit ?? request.application.routes.defaultMaxBodySize
        if request.isAPI {
            guard let key = request.headers.first(name: header) else { return nil }
            guard (1...200).contains(key.count) else { throw AppError.badRequest(code: "idempotency_key_invalid") }
            _ = try await request.body.collect(max: limit.value).get()
            return Key(value: key, isForm: false)
        }
        _ = try await request.body.collect(max: limit.value).get()
        guard let once = try? request.content.get(String.self, at: formField), (1...200).contains(once.count) else { return nil }
        // One page may hold several forms: the key is the page's token for this form's address.
        return Key(value: request.url.path + "#" + once, isForm: true)
    }

    private enum Claim {
        case claimed(IdempotencyRecord)
        case existing(IdempotencyRecord, sameRequest: Bool)
    }

    /// Records the key as running, unless it exists; the unique index decides between simultaneous requests.
    private static func claim(owner: String, key: String, digest: String, now: Date, on db: Database) async throws -> Claim {
        let expired = now.addingTimeInterval(-IdempotencyRecord.lifetime)
        try await IdempotencyRecord.query(on: db).filter(\.$owner == owner).filter(\.$key == key).filter(\.$createdAt < expired).delete()
        // Everyone's expired keys now and then, rather than a sweep on every request.
        if Int.random(in: 0..<200) == 0 { try await IdempotencyRecord.query(on: db).filter(\.$createdAt < expired).delete() }
        func existing() async throws -> Claim? {
            try await IdempotencyRecord.query(on: db).filter(\.$owner == owner).filter(\.$key == key).first()
                .map { .existing($0, sameRequest: $0.requestDigest == digest) }
        }
        if let found = try await existing() { return found }
        let record = IdempotencyRecord(owner: owner, key: key, requestDigest: digest, now: now)
        do {
            try await record.create(on: db)
            return .claimed(record)
        } catch {
            // Another request claimed the key between the look-up and the insert.
            guard (error as? DatabaseError)?.isConstraintFailure == true, let found = try await existing() else { throw error }
            return found
        }
    }

    /// Keeps what a retry should see: the API's success, or a form's redirect. Anything else frees the key.
    private static func keep(_ response: Response, in record: IdempotencyRecord, form: Bool, on db: Database) async throws {
        let kept = form ? (300..<400).contains(response.status.code) : response.status.code < 400
        guard kept, let buffer = response.body.buffer ?? (response.body.count == 0 ? ByteBuffer() : nil) else {
            try await record.delete(on: db)
            return
        }
        record.status = Int(response.status.code)
        record.contentType = response.headers.first(name: .contentType)
        record.location = response.headers.first(name: .location)
        record.body = Data(buffer.readableBytesView)
        try await record.save(on: db)
    }

    private static func replay(_ record: IdempotencyRecord, status: Int) -> Response {
        var headers = HTTPHeaders()
        if let type = record.contentType { headers.replaceOrAdd(name: .contentType, value: type) }
        if let location = record.location { headers.replaceOrAdd(name: .location, value: location) }
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(data: record.body ?? Data()))
    }

    private static func digest(_ request: Request, _ body: ByteBuffer?) -> String {
        var hash = SHA256()
        hash.update(data: Data("\(request.method.rawValue) \(request.url.path)?\(request.url.query ?? "")\n".utf8))
        if let body { hash.update(data: Data(body.readableBytesView)) }
        return hash.finalize().hex
    }
}
