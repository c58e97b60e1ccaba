import Crypto
import Fluent
import Vapor

/// API POSTs that carry an `Idempotency-Key` run once: a retry with the same key and request gets the first response
/// again (with `Idempotent-Replayed: true`), the same key with another request is 422, and a retry while the first
/// is still running is 409. Keys are kept 24 hours. A request that fails (any 4xx or 5xx) keeps no key, so it can
/// be corrected and retried: its transaction wrote nothing.
struct IdempotencyMiddleware: AsyncMiddleware {
    static let header = "Idempotency-Key"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.isAPI, request.method == .POST, let key = request.headers.first(name: Self.header) else {
            return try await next.respond(to: request)
        }
        guard (1...200).contains(key.count) else { throw AppError.badRequest(code: "idempotency_key_invalid") }
        let limit = request.route?.bodyLimit ?? request.application.routes.defaultMaxBodySize
        let body = try await request.body.collect(max: limit.value).get()
        let owner = request.auth.get(User.self)?.id.map { "user:\($0.uuidString.lowercased())" } ?? "anonymous"
        let claim = try await Self.claim(owner: owner, key: key, digest: Self.digest(request, body), now: request.application.clock.now(),
                                         on: request.db)
        switch claim {
        case .existing(let record, let sameRequest):
            guard sameRequest else { throw AppError.unprocessable(code: "idempotency_key_reused") }
            guard let status = record.status else { throw AppError.conflict(code: "idempotency_key_in_progress") }
            return Self.replay(record, status: status)
        case .claimed(let record):
            let response: Response
            do {
                response = try await next.respond(to: request)
            } catch {
                try? await record.delete(on: request.db)
                throw error
            }
            try await Self.keep(response, in: record, on: request.db)
            return response
        }
    }

    private enum Claim {
        case claimed(IdempotencyRecord)
        case existing(IdempotencyRecord, sameRequest: Bool)
    }

    /// Records the key as running, unless it exists; the unique index decides between simultaneous requests.
    private static func claim(owner: String, key: String, digest: String, now: Date, on db: Database) async throws -> Claim {
        try await IdempotencyRecord.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-IdempotencyRecord.lifetime)).delete()
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

    private static func keep(_ response: Response, in record: IdempotencyRecord, on db: Database) async throws {
        guard response.status.code < 400, let buffer = response.body.buffer ?? (response.body.count == 0 ? ByteBuffer() : nil) else {
            try await record.delete(on: db)
            return
        }
        record.status = Int(response.status.code)
        record.contentType = response.headers.first(name: .contentType)
        record.body = Data(buffer.readableBytesView)
        try await record.save(on: db)
    }

    private static func replay(_ record: IdempotencyRecord, status: Int) -> Response {
        var headers = HTTPHeaders()
        if let type = record.contentType { headers.replaceOrAdd(name: .contentType, value: type) }
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(data: record.body ?? Data()))
    }

    private static func digest(_ request: Request, _ body: ByteBuffer?) -> String {
        var hash = SHA256()
        hash.update(data: Data("\(request.method.rawValue) \(request.url.path)?\(request.url.query ?? "")\n".utf8))
        if let body { hash.update(data: Data(body.readableBytesView)) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
