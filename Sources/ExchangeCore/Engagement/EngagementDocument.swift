import Foundation

/// Files an engagement keeps: the formats exchanges work in, recognised by their content rather than trusted from
/// the name alone, and no larger than `maximumBytes`.
public enum DocumentFormat: String, CaseIterable, Codable, Sendable {
    case pdf, png, jpeg, docx, xlsx, pptx, odt, ods, csv, txt

    public static let maximumBytes = 10 * 1024 * 1024

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .csv: "text/csv; charset=utf-8"
        case .txt: "text/plain; charset=utf-8"
        }
    }

    public enum Refusal: Error, Equatable, Sendable { case empty, tooLarge, unsupported }

    /// The format, when the bytes are what the file name says.
    public static func check(filename: String, bytes: [UInt8]) throws(Refusal) -> DocumentFormat {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maximumBytes else { throw .tooLarge }
        let ext = (filename as NSString).pathExtension.lowercased()
        let named = ext == "jpg" ? DocumentFormat.jpeg : DocumentFormat(rawValue: ext)
        guard let named, named.matches(bytes) else { throw .unsupported }
        return named
    }

    private func matches(_ bytes: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(8))
        switch self {
        case .pdf: return head.starts(with: Array("%PDF-".utf8))
        case .png: return head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .jpeg: return head.starts(with: [0xFF, 0xD8, 0xFF])
        // Office and OpenDocument files are ZIP archives.
        case .docx, .xlsx, .pptx, .odt, .ods: return head.starts(with: [0x50, 0x4B, 0x03, 0x04])
        case .csv, .txt: return !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
        }
    }
}
