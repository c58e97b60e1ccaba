/// Every table of routes. A route registered outside these tables is refused by a test; a template names a route
/// as `TableName.case`, looked up here.
enum RouteTable {
    static let tables: [any Endpoint.Type] = [
        APIRedFlagsRoute.self,
        RedFlagsRoute.self,
        APIConflictDataRoute.self,
        APIRegistryRoute.self,
        RegistryRoute.self,
        APIDisclosureRoute.self,
        DisclosureRoute.self,
        APILedgerRoute.self,
        LedgerRoute.self,
        ConflictDataRoute.self,
        APIDueDiligenceRoute.self,
        DeclarationRoute.self,
        DueDiligenceRoute.self,
        APIMarketingConcernRoute.self,
        APIWorkRoute.self,
        EngagementStepsRoute.self,
        MarketingConcernRoute.self,
        WorkRoute.self,
        APIEvaluationRoute.self,
        EvaluationRoute.self,
        APIProfileRoute.self,
        APIRosterRoute.self,
        APIScreeningRoute.self,
        AuthorisationLetterRoute.self,
        ProfileRoute.self,
        RosterRoute.self,
        APIMatchingRoute.self,
        CandidatesRoute.self,
        MatchRoute.self,
        MatchingBoardRoute.self,
        MatchingSettingsRoute.self,
        OpportunitiesRoute.self,
        APINeedRoute.self,
        NeedRoute.self,
        ProgrammeRoute.self,
        ProgrammeSettingsRoute.self,
        ProgrammeSummaryRoute.self,
        APIPublicationRoute.self,
        PublicRoute.self,
        ReportIntakeRoute.self,
        ReceivedReportsRoute.self,
        IdentityRoute.self,
        ForwardRoute.self,
        ReaderConflictRoute.self,
        ComplaintRoutingRoute.self,
        ReportSubjectRoute.self,
        APIReportSubjectRoute.self,
        APIReceivedReportsRoute.self,
        APIReportIntakeRoute.self,
        APIComplaintRoutingRoute.self,
        ReportStatisticsRoute.self,
        APIReportStatisticsRoute.self,
        Open311Route.self,
        ReportRoute.self,
        APITermsRoute.self,
        TermsRoute.self,
        OpenAPIRoute.self,
        APIAccountRoute.self,
        AccountRoute.self,
        InvitationRoute.self,
        PasswordResetRoute.self,
        PeopleRoute.self,
        RegistrationRoute.self,
        SessionRoute.self,
        APIAuditRoute.self,
        AuditPageRoute.self,
        JobsRoute.self,
        LanguageRoute.self,
        OutboxRoute.self,
        NotificationRoute.self,
        OperationsRoute.self,
        APIOrganisationRoute.self,
        OrganisationRoute.self,
        ParticipationRoute.self,
        HomeRoute.self,
        APISkillsRoute.self,
        SkillsRoute.self,
    ]

    /// Every route's name with its path components, for links built from templates.
    static let byName: [String: [String]] = {
        var names: [String: [String]] = [:]
        for table in tables { table.addRows(to: &names) }
        return names
    }()
}

private extension Endpoint {
    static func addRows(to names: inout [String: [String]]) {
        for endpoint in allCases { names[endpoint.name] = endpoint.components }
    }
}
