import Logging

/// Wraps a log handler so query values never reach the log: Fluent and SQLKit attach bound values,
/// inserted rows and filter values as metadata at debug level, and those hold e-mails, names and one-time tokens.
public struct PrivacyLogHandler: LogHandler {
    static let valueKeys: Set<String> = ["binds", "input", "filters"]

    private var wrapped: LogHandler

    public init(wrapping handler: LogHandler) {
        self.wrapped = handler
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = Self.valueKeys.contains(key) ? "[redacted]" : newValue }
    }

    public func log(event: LogEvent) {
        var cleaned = event
        for key in Self.valueKeys where cleaned.metadata?[key] != nil {
            cleaned.metadata?[key] = "[redacted]"
        }
        wrapped.log(event: cleaned)
    }
}
