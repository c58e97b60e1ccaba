import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// A file sent with a message of a report's thread. Its content is sealed in chunks (`FileSealing`, item
/// `file/<id>`), stored end to end; its name is sealed apart (item `file-name/<id>`). Only its padded size is plain.
final class ReportFile: Model, @unchecked Sendable {
    static let schema = "report_files"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @Parent(key: "message_id") var message: ReportMessage
    /// Its place among the message's files.
    @Field(key: "number") var number: Int
    @Field(key: "sealed_name") var sealedName: Data
    /// The sealed chunks, each `FileSealing.chunkSize` + tag long but the last.
    @Field(key: "sealed") var sealed: Data

    init() {}

    static func item(_ id: UUID) -> String { "file/\(id.uuidString.lowercased())" }
    static func nameItem(_ id: UUID) -> String { "file-name/\(id.uuidString.lowercased())" }

    /// The stored chunks, cut where sealing cut them.
    var chunks: [Data] {
        let size = FileSealing.chunkSize + FileSealing.tagSize
        return stride(from: 0, to: sealed.count, by: size).map { sealed[sealed.startIndex + $0 ..< sealed.startIndex + min($0 + size, sealed.count)] }
    }
}

/// A file as the reporter sends it, before sealing.
struct ReportAttachment: Sendable {
    let name: String
    let content: Data

    /// At most this many files with one message, each at most `largest` bytes.
    static let most = 5
    static let largest = 10 << 20
    /// What a reply form may carry in all: the files and a message.
    static let bodyLimit = most * largest + (1 << 20)

    /// Refuses too many files or one too large, naming the form's field.
    static func check(_ attachments: [ReportAttachment]) throws {
        if attachments.count > most { throw AppError.validation([FieldError("attachments", .outOfRange)]) }
        if attachments.contains(where: { $0.content.count > largest }) { throw AppError.validation([FieldError("attachments", .fileTooLarge)]) }
    }
}
