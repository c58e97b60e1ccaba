import Foundation

/// Values as the audit log records them in an entry's changes.
enum AuditText {
    /// A structured value as JSON with sorted keys, so the same value always reads the same in the log.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
