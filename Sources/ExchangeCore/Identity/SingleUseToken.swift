import Foundation

/// The life of an invitation or password-reset token.
public enum TokenState: Equatable, Sendable {
    case usable
    case used
    case expired

    public init(expiresAt: Date, usedAt: Date?, now: Date) {
        if usedAt != nil {
            self = .used
        } else if now >= expiresAt {
            self = .expired
        } else {
            self = .usable
        }
    }
}

public enum TokenLifetime {
    public static let invitation: TimeInterval = 7 * 24 * 3600
    public static let passwordReset: TimeInterval = 3600
}
