import Foundation

/// The employer's letter an expert may attach to back the three authorisations. The file's own bytes decide what it
/// is, never the name or the type a browser claims.
public enum LetterFormat: String, Sendable, CaseIterable {
    case pdf, png, jpeg

    public static let maximumBytes = 2 * 1024 * 1024

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        }
    }

    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The format the bytes begin with, if it is one the programme accepts.
    public static func detect(_ bytes: some Collection<UInt8>) -> LetterFormat? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }

    public enum Refusal: Error, Equatable, Sendable {
        case empty, tooLarge, unsupported
    }

    /// Checks a letter before it is kept.
    public static func check(_ bytes: some Collection<UInt8>) throws(Refusal) -> LetterFormat {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maximumBytes else { throw .tooLarge }
        guard let format = detect(bytes) else { throw .unsupported }
        return format
    }

    /// A download name that carries nothing but letters, digits, dots, dashes and underscores.
    public static func safeFilename(_ name: String, format: LetterFormat) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? ""
        let stem = String(base.prefix { $0 != "." }.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_".unicodeScalars.contains($0)) })
        return (stem.isEmpty ? "authorisation-letter" : String(stem.prefix(80))) + "." + format.fileExtension
    }
}
