import Foundation
import RedFlags

/// An OCDS or BODS file on disk, handed out a piece at a time so that memory does not grow with the file. A file
/// whose first line is a JSON value by itself is JSON Lines: each piece is a batch of whole lines. Anything else (a
/// pretty-printed package or array) is one document, read whole up to `documentLimit` bytes. Gzip is inflated on
/// the way.
struct ConflictDataPieces {
    /// A file that is one JSON document is held in memory to be parsed; larger ones must be sent as JSON Lines.
    static let documentLimit = 64 << 20

    struct DocumentTooLarge: Error {
        let limit: Int
    }

    /// The bytes are not UTF-8 text.
    struct NotUTF8: Error {}

    struct Piece {
        let text: String
        /// Lines of the file before this piece, to number its problems as the file's lines.
        let linesBefore: Int
    }

    private let handle: FileHandle
    private var reader: LineReader
    private var isDocument: Bool?
    private var linesBefore = 0

    init(_ url: URL, chunkSize: Int = 1 << 20) throws {
        handle = try FileHandle(forReadingFrom: url)
        do {
            reader = try LineReader(handle, chunkSize: chunkSize)
        } catch {
            try? handle.close()
            throw error
        }
    }

    func close() { try? handle.close() }

    /// The next piece, or nil at the end of the file.
    mutating func next() throws -> Piece? {
        guard let batch = try reader.nextBatch() else { return nil }
        if isDocument == nil, !batch.lines.isEmpty {
            isDocument = batch.withLine(0) { line in
                (try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])) == nil
            }
        }
        guard isDocument == true else {
            let piece = Piece(text: try Self.text(batch.bytes), linesBefore: linesBefore)
            linesBefore += batch.bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return piece
        }
        var whole = batch.bytes
        while let more = try reader.nextBatch() {
            guard whole.count + more.bytes.count <= Self.documentLimit else { throw DocumentTooLarge(limit: Self.documentLimit) }
            whole += more.bytes
        }
        return Piece(text: try Self.text(whole), linesBefore: 0)
    }

    /// Whole lines never split a UTF-8 sequence, so each piece is checked on its own.
    private static func text(_ bytes: [UInt8]) throws -> String {
        guard let text = String(bytes: bytes, encoding: .utf8) else { throw NotUTF8() }
        return text
    }
}
