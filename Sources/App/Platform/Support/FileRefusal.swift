import RedFlags
import Vapor

/// Why an uploaded data file was refused as a file, before any of its content was looked at. Each module words the
/// messages under its own catalog namespace (`redflags.error.…`, `conflict_data.error.…`); the key is also the
/// API's error code. Nothing of a refused file is kept.
enum FileRefusal: Error, Equatable {
    case tooLarge(limit: Int)
    case malformed
    case documentTooLarge(limit: Int)
    case unreadable(LineReader.ReadError.Kind)
    case notUTF8

    init(_ refusal: StreamedUpload.Refusal) {
        switch refusal {
        case .tooLarge(let limit): self = .tooLarge(limit: limit)
        case .malformed: self = .malformed
        }
    }

    func key(_ namespace: String) -> String {
        let name = switch self {
        case .tooLarge: "too_large"
        case .malformed: "malformed"
        case .documentTooLarge: "document_too_large"
        case .unreadable(.truncatedGzip): "gzip_truncated"
        case .unreadable: "gzip_damaged"
        case .notUTF8: "not_utf8"
        }
        return "\(namespace).error.\(name)"
    }

    var status: HTTPResponseStatus {
        switch self {
        case .tooLarge: .payloadTooLarge
        case .malformed: .badRequest
        default: .unprocessableEntity
        }
    }

    func message(_ req: Request, _ namespace: String) -> String {
        switch self {
        case .tooLarge(let limit), .documentTooLarge(let limit): req.t(key(namespace), req.megabytes(limit))
        default: req.t(key(namespace))
        }
    }

    /// The message's arguments where no request gives a locale (the command line).
    var arguments: [String] {
        switch self {
        case .tooLarge(let limit), .documentTooLarge(let limit): [String(limit >> 20)]
        default: []
        }
    }

    /// Receives the request's file into the uploads directory, up to `limit` bytes.
    static func receive(_ req: Request, limit: Int) async throws -> StreamedUpload {
        do {
            return try await StreamedUpload.receive(req, into: req.application.configuration.uploadsDirectory, limit: limit)
        } catch let refusal as StreamedUpload.Refusal {
            throw FileRefusal(refusal)
        }
    }
}
