import ExchangeCore
import Vapor

/// Every route is registered inside an access group; a route outside one is refused at run time.
func routes(_ app: Application) throws {
    try app.register(collection: OperationsController())
    try app.register(collection: HomeController())
    try app.register(collection: SessionController())
    try app.register(collection: RegistrationController())
    try app.register(collection: PasswordResetController())
    try app.register(collection: InvitationController())
    try app.register(collection: LanguageController())
    try app.register(collection: OrganisationController())
    try app.register(collection: PeopleController())
    try app.register(collection: AccountController())
    try app.register(collection: NotificationController())
    try app.register(collection: OutboxController())
    try app.register(collection: AuditPageController())
    try app.register(collection: RosterController())
    try app.register(collection: NeedController())
    try app.register(collection: ProfileController())
    try app.register(collection: CandidatesController())
    try app.register(collection: MatchingBoardController())
    try app.register(collection: MatchingSettingsController())
    try app.register(collection: MatchController())
    try app.register(collection: OpportunitiesController())
    try app.register(collection: ParticipationController())

    let api = app.grouped("api", "v1")
    try api.register(collection: APIAccountController())
    try api.register(collection: APIOrganisationController())
    try api.register(collection: APIAuditController())
    try api.register(collection: APIRosterController())
    try api.register(collection: APINeedController())
    try api.register(collection: APIMatchingController())
    try api.register(collection: APIScreeningController())
    try api.register(collection: APIProfileController())
    try api.register(collection: OpenAPIController())
}
