import ExchangeCore
import Foundation

/// Sign in, with where to go after and why the last try failed.
struct LoginPage: PageModel {
    static let template = "login"
    let titleKey = "login.title"

    let email: String
    let next: String
    let error: String?

    /// `error` is a catalog key.
    init(email: String, next: String, error: String?, text: some Translating) {
        self.email = email
        self.next = next
        self.error = error.map { text.t($0) }
    }
}

/// Registration for those who may register themselves.
struct RegisterPage: PageModel {
    static let template = "register"
    let titleKey = "register.title"

    let form: FormState
    let roles: [Option]

    init(values: [String: String], role: String?, errors: [FieldError], text: some Translating) {
        form = FormState(values: values, errors: errors, on: text)
        roles = Option.cases(Role.selfRegistrable, labels: "role", selected: role, text)
    }
}

/// What a registration leads to: an account that waits for approval.
struct RegisterDonePage: PageModel {
    static let template = "register_done"
    let titleKey = "register.done_title"
}

/// Asking for a reset link; once sent, the same answer whether or not the address has an account.
struct PasswordForgotPage: PageModel {
    static let template = "password_forgot"
    let titleKey = "password.forgot_title"
    let sent: Bool
}

/// Choosing a new password with a reset link.
struct PasswordResetPage: PageModel {
    static let template = "password_reset"
    let titleKey = "password.reset_title"

    let token: String
    let form: FormState

    init(token: String, errors: [FieldError], text: some Translating) {
        self.token = token
        form = FormState(values: [:], errors: errors, on: text)
    }
}

/// Accepting an invitation: a name and a password for the role it grants.
struct InvitationAcceptPage: PageModel {
    static let template = "invitation_accept"
    let titleKey = "invitation.accept_title"

    let token: String
    let role: String
    let form: FormState

    /// `role` is nil once the invitation can no longer be used.
    init(token: String, role: Role?, displayName: String, errors: [FieldError], text: some Translating) {
        self.token = token
        self.role = role.map { text.t("role.\($0.rawValue)") } ?? ""
        form = FormState(values: ["displayName": displayName], errors: errors, on: text)
    }
}
