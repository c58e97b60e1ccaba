import RedFlags
import Vapor

/// Why a conflict-data file was refused as a file, before any of its items were looked at. Its catalog key is also
/// the API's error code. Nothing of a refused file is kept.
enum ConflictDataUploadRefusal: Error, Equatable {
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

    var key: String {
        switch self {
        case .tooLarge: "conflict_data.error.too_large"
        case .malformed: "conflict_data.error.malformed"
        case .documentTooLarge: "conflict_data.error.document_too_large"
        case .unreadable(.truncatedGzip): "conflict_data.error.gzip_truncated"
        case .unreadable: "conflict_data.error.gzip_damaged"
        case .notUTF8: "conflict_data.error.not_utf8"
        }
    }

    var status: HTTPResponseStatus {
        switch self {
        case .tooLarge: .payloadTooLarge
        case .malformed: .badRequest
        default: .unprocessableEntity
        }
    }

    func message(_ req: Request) -> String {
        switch self {
        case .tooLarge(let limit), .documentTooLarge(let limit): req.t(key, req.megabytes(limit))
        default: req.t(key)
        }
    }

    /// The message's arguments where no request gives a locale (the command line).
    var arguments: [String] {
        switch self {
        case .tooLarge(let limit), .documentTooLarge(let limit): [String(limit >> 20)]
        default: []
        }
    }

    /// Receives the request's file into the uploads directory, within the configured limit.
    static func receive(_ req: Request) async throws -> StreamedUpload {
        do {
            return try await StreamedUpload.receive(req, into: req.application.configuration.uploadsDirectory,
                                                    limit: req.application.configuration.conflictDataMaxUpload)
        } catch let refusal as StreamedUpload.Refusal {
            throw ConflictDataUploadRefusal(refusal)
        }
    }
}
