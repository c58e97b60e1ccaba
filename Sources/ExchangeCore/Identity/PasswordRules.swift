/// Length rules only: long passphrases beat composition rules (NIST SP 800-63B).
/// Bcrypt reads at most 72 bytes, so longer inputs are refused rather than silently cut.
public enum PasswordRules {
    public static let minimumCharacters = 12
    public static let maximumBytes = 72

    public static func check(_ password: String) -> FieldError.Code? {
        if password.count < minimumCharacters { return .passwordTooShort }
        if password.utf8.count > maximumBytes { return .passwordTooLong }
        return nil
    }
}
