import Crypto
import Foundation
import Vapor

/// A request body written to disk as it arrives, so an upload of any size costs the same memory: a page's
/// `multipart/form-data` (its one file part goes to disk, its small fields are kept), or the API's raw body.
struct StreamedUpload: Sendable {
    /// The file's bytes; the caller removes the file.
    let url: URL
    let bytes: Int
    /// SHA-256 of the bytes, lower-case hex: two uploads of one file are recognised as one.
    let digest: String
    let fileName: String?
    /// A page form's other fields, or the API request's query.
    let fields: [String: String]

    /// Why a body was refused; nothing of it stays on disk.
    enum Refusal: Error {
        case tooLarge(limit: Int)
        case malformed
    }

    /// Small fields only: anything larger in a page form is not a field of ours.
    static let fieldLimit = 256 << 10

    static func receive(_ req: Request, fileField: String = "file", into directory: String, limit: Int) async throws -> StreamedUpload {
        if let declared = req.headers.first(name: .contentLength).flatMap(Int.init), declared > limit + fieldLimit {
            throw Refusal.tooLarge(limit: limit)
        }
        try await req.application.threadPool.runIfActive {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let url = URL(fileURLWithPath: directory).appendingPathComponent(UUID().uuidString.lowercased() + ".part")
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw Abort(.internalServerError, reason: "cannot write uploads to \(directory)")
        }
        let sink = FileSink(handle: handle, threadPool: req.application.threadPool, limit: limit)
        do {
            let upload: StreamedUpload
            if let boundary = req.headers.contentType.flatMap({ $0.type == "multipart" ? $0.parameters["boundary"] : nil }) {
                upload = try await multipart(req, boundary: boundary, fileField: fileField, into: sink, url: url)
            } else {
                for try await chunk in req.body { try await sink.append(chunk) }
                try await sink.close()
                upload = StreamedUpload(url: url, bytes: sink.bytes, digest: sink.digest, fileName: nil,
                                        fields: (try? req.query.decode([String: String].self)) ?? [:])
            }
            return upload
        } catch {
            try? await sink.close()
            try? FileManager.default.removeItem(at: url)
            throw error
        }
    }

    /// A small body already in memory (the API's JSON text), stored as an upload is.
    static func store(_ bytes: [UInt8], _ req: Request, into directory: String) async throws -> StreamedUpload {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(UUID().uuidString.lowercased() + ".part")
        return try await req.application.threadPool.runIfActive {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return try written(bytes, to: url, fileName: nil)
        }
    }

    /// Bytes in memory written to `url`, as an upload of them would leave them.
    static func written(_ bytes: [UInt8], to url: URL, fileName: String?) throws -> StreamedUpload {
        try Data(bytes).write(to: url)
        let digest = SHA256.hash(data: bytes).hex
        return StreamedUpload(url: url, bytes: bytes.count, digest: digest, fileName: fileName, fields: [:])
    }

    /// Reads a page form: the CSRF token, which pages put before the file, is checked as soon as the file begins, so
    /// a forged form writes nothing; a form without a file part is checked at its end.
    private static func multipart(_ req: Request, boundary: String, fileField: String, into sink: FileSink, url: URL) async throws -> StreamedUpload {
        let form = MultipartFormState(fileField: fileField)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in form.header(name, value) }
        parser.onBody = { buffer in form.body(&buffer) }
        parser.onPartComplete = { form.partComplete() }
        var checked = false
        for try await chunk in req.body {
            do { try parser.execute(chunk) } catch { throw Refusal.malformed }
            if form.fieldOverflow { throw Refusal.malformed }
            if form.inFile, !checked {
                try CSRFMiddleware.verify(req, supplied: form.fields[CSRFMiddleware.fieldName])
                checked = true
            }
            if form.fileBytes.readableBytes > 0 {
                try await sink.append(form.fileBytes)
                form.fileBytes.clear()
            }
        }
        if !checked { try CSRFMiddleware.verify(req, supplied: form.fields[CSRFMiddleware.fieldName]) }
        try await sink.close()
        return StreamedUpload(url: url, bytes: sink.bytes, digest: sink.digest, fileName: form.fileName, fields: form.fields)
    }
}

/// What the multipart parser has seen so far; the parser's callbacks run one at a time on the receiving task.
private final class MultipartFormState {
    let fileField: String
    var fields: [String: String] = [:]
    var fileName: String?
    var fileBytes = ByteBuffer()
    var inFile = false
    var fieldOverflow = false
    private var current: String?
    private var value: [UInt8] = []

    init(fileField: String) { self.fileField = fileField }

    func header(_ name: String, _ text: String) {
        guard name.lowercased() == "content-disposition" else { return }
        let parameters = Self.parameters(text)
        current = parameters["name"]
        if current == fileField, fileName == nil {
            inFile = true
            fileName = parameters["filename"] ?? ""
        }
    }

    func body(_ buffer: inout ByteBuffer) {
        if inFile {
            fileBytes.writeBuffer(&buffer)
        } else if current != nil {
            value += buffer.readableBytesView
            if value.count > StreamedUpload.fieldLimit { fieldOverflow = true }
        }
    }

    func partComplete() {
        if !inFile, let current { fields[current] = String(decoding: value, as: UTF8.self) }
        inFile = false
        current = nil
        value = []
    }

    /// `form-data; name="file"; filename="a.json"` as its parameters, quotes removed.
    static func parameters(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        for part in text.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            found[pair[0].lowercased()] = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                ? String(pair[1].dropFirst().dropLast()) : pair[1]
        }
        return found
    }
}

/// Bytes gathered and written to the upload's file in large writes off the event loop, counted and hashed.
private final class FileSink {
    let handle: FileHandle
    let threadPool: NIOThreadPool
    let limit: Int
    private(set) var bytes = 0
    private var hash = SHA256()
    private var pending = ByteBuffer()
    private var closed = false
    /// Bytes gathered before a write to disk.
    private static let writeSize = 1 << 20

    init(handle: FileHandle, threadPool: NIOThreadPool, limit: Int) {
        self.handle = handle
        self.threadPool = threadPool
        self.limit = limit
    }

    var digest: String { hash.finalize().hex }

    func append(_ chunk: ByteBuffer) async throws {
        bytes += chunk.readableBytes
        guard bytes <= limit else { throw StreamedUpload.Refusal.tooLarge(limit: limit) }
        hash.update(data: chunk.readableBytesView)
        var chunk = chunk
        pending.writeBuffer(&chunk)
        if pending.readableBytes >= Self.writeSize { try await flush() }
    }

    func close() async throws {
        guard !closed else { return }
        closed = true
        try await flush()
        let handle = handle
        try await threadPool.runIfActive { try handle.close() }
    }

    private func flush() async throws {
        guard pending.readableBytes > 0 else { return }
        let data = Data(pending.readableBytesView)
        pending.clear()
        let handle = handle
        try await threadPool.runIfActive { try handle.write(contentsOf: data) }
    }
}
