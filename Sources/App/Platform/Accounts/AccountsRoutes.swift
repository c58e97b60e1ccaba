import ExchangeCore
import Vapor

/// The routes `APIAccountController` answers.
enum APIAccountRoute: String, APIEndpoint {
    case me
    case inbox
    case notifications
    case users
    case timeZone

    var spec: EndpointSpec {
        switch self {
        case .me: .get("me", .signedIn)
        case .timeZone: .put("me/time-zone", .signedIn)
        case .inbox: .get("me/inbox", .signedIn)
        case .notifications: .get("notifications", .signedIn)
        case .users: .get("users", .programmeStaff)
        }
    }

    var operation: APIOperation {
        switch self {
        case .me: APIOperation("getMe", "The token holder's account", answer: .json(AccountDTO.self))
        case .inbox: APIOperation("getInbox", "What waits for the token holder, and what they started that waits for others, in their language",
                                  answer: .json(InboxDTO.self))
        case .notifications: APIOperation("listNotifications", "The token holder's notifications", query: QueryParameter.pages,
                                          answer: .page(of: NotificationDTO.self))
        case .users: APIOperation("listUsers", "Every account (programme staff)", query: QueryParameter.pages, answer: .page(of: AccountDTO.self))
        case .timeZone: APIOperation("setTimeZone", "The zone the token holder reads times in, as the IANA database names it (\"Europe/Paris\"); 422 for any other name",
                                     body: .json(AccountController.TimeZoneForm.self), answer: .json(AccountDTO.self))
        }
    }
}

/// The routes `AccountController` answers.
enum AccountRoute: String, Endpoint {
    case show
    case timeZone
    case tokens
    case createToken
    case revokeToken

    var spec: EndpointSpec {
        switch self {
        case .show: .get("account", .signedIn)
        case .timeZone: .post("account/time-zone", .signedIn)
        case .tokens: .get("account/tokens", .signedIn)
        case .createToken: .post("account/tokens", .signedIn)
        case .revokeToken: .post("account/tokens/:id/revoke", .signedIn)
        }
    }
}

/// The routes `InvitationController` answers.
enum InvitationRoute: String, Endpoint {
    case list
    case invite
    case acceptForm
    case accept

    var spec: EndpointSpec {
        switch self {
        case .list: .get("invitations", .programmeStaff)
        case .invite: .post("invitations", .programmeStaff)
        case .acceptForm: .get("invitations/accept", .open)
        case .accept: .post("invitations/accept", .open)
        }
    }
}

/// The routes `PasswordResetController` answers.
enum PasswordResetRoute: String, Endpoint {
    case forgotForm
    case forgot
    case resetForm
    case reset

    var spec: EndpointSpec {
        switch self {
        case .forgotForm: .get("password/forgot", .open)
        case .forgot: .post("password/forgot", .open)
        case .resetForm: .get("password/reset", .open)
        case .reset: .post("password/reset", .open)
        }
    }
}

/// The routes `PeopleController` answers.
enum PeopleRoute: String, Endpoint {
    case list
    case approve
    case reject

    var spec: EndpointSpec {
        switch self {
        case .list: .get("people", .programmeStaff)
        case .approve: .post("people/:id/approve", .programmeStaff)
        case .reject: .post("people/:id/reject", .programmeStaff)
        }
    }
}

/// The routes `RegistrationController` answers.
enum RegistrationRoute: String, Endpoint {
    case form
    case register

    var spec: EndpointSpec {
        switch self {
        case .form: .get("register", .open)
        case .register: .post("register", .open)
        }
    }
}

/// The routes `SessionController` answers.
enum SessionRoute: String, Endpoint {
    case form
    case login
    case logout

    var spec: EndpointSpec {
        switch self {
        case .form: .get("login", .open)
        case .login: .post("login", .open)
        case .logout: .post("logout", .signedIn)
        }
    }
}
