import Fluent
import Foundation
import SecureReporting

/// Sealing files into a report and opening them again with its key.
enum ReportFileStore {
    struct Sealed: Sendable {
        let id: UUID
        let name: Data
        let chunks: [Data]
    }

    /// Seals each attachment under the report's key, before any transaction: it is the slow part.
    static func seal(_ attachments: [ReportAttachment], with key: ReportKey) throws -> [Sealed] {
        try attachments.map { attachment in
            let id = UUID()
            let name = try key.seal(Data(safeName(attachment.name).utf8), item: ReportFile.nameItem(id))
            return Sealed(id: id, name: name, chunks: try FileSealing.seal(attachment.content, item: ReportFile.item(id), key: key))
        }
    }

    static func insert(_ files: [Sealed], report reportID: UUID, message messageID: UUID, on db: Database) async throws {
        for (index, file) in files.enumerated() {
            let row = ReportFile()
            row.id = file.id
            (row.$report.id, row.$message.id, row.number, row.sealedName, row.sealed) = (reportID, messageID, index + 1, file.name, file.chunks.reduce(Data(), +))
            try await row.create(on: db)
        }
    }

    /// Each message's files, by message id, names opened; contents stay sealed until asked for.
    static func listed(in reportID: UUID, with key: ReportKey, on db: Database) async throws -> [UUID: [ReportThread.File]] {
        let rows = try await ReportFile.query(on: db).filter(\.$report.$id == reportID).sort(\.$number).all()
        var listed: [UUID: [ReportThread.File]] = [:]
        for row in rows {
            let id = try row.requireID()
            let name = String(decoding: try key.open(row.sealedName, item: ReportFile.nameItem(id)), as: UTF8.self)
            listed[row.$message.id, default: []].append(ReportThread.File(id: id, name: name, sealedBytes: row.sealed.count))
        }
        return listed
    }

    /// One file's name and content; 404 when the report holds no such file.
    static func open(_ fileID: UUID, in reportID: UUID, with key: ReportKey, on db: Database) async throws -> (name: String, content: Data) {
        guard let row = try await ReportFile.query(on: db).filter(\.$id == fileID).filter(\.$report.$id == reportID).first() else { throw AppError.notFound }
        let name = String(decoding: try key.open(row.sealedName, item: ReportFile.nameItem(fileID)), as: UTF8.self)
        return (name, try FileSealing.open(row.chunks, item: ReportFile.item(fileID), key: key))
    }

    /// The last part of a name a browser sent, without control characters, quotes or path, at most 200 characters.
    static func safeName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" }.map(Character.init)).prefix(200)
        return kept.trimmingCharacters(in: .whitespaces).isEmpty ? "file" : String(kept)
    }
}
