import Fluent
import Vapor

/// Every service, built in this one place from the application's shared parts (audit log, clock, mailer, catalogs,
/// taxonomy, configuration) for one database: a request's, or the application's for the CLI and jobs. Tests change
/// what a service is built from by replacing those parts on the application (`app.clock`, `app.mailer`).
struct ServiceRegistry: Sendable {
    let app: Application
    let db: Database

    // MARK: Platform

    var accounts: AccountService {
        AccountService(db: db, audit: app.auditLog, hasher: app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()),
                       clock: app.clock, mailer: app.mailer, notifier: Notifier(clock: app.clock))
    }
    var organisations: OrganisationService { OrganisationService(db: db, audit: app.auditLog, clock: app.clock) }
    var participation: PublicBodyParticipationService { PublicBodyParticipationService(db: db, audit: app.auditLog, clock: app.clock) }
    var skillAdministration: SkillAdministrationService {
        SkillAdministrationService(db: db, audit: app.auditLog, clock: app.clock, catalogue: app.skillsCatalogue)
    }

    // MARK: Exchange

    var needs: NeedService { NeedService(db: db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy, mailer: app.mailer) }
    var expertProfiles: ExpertProfileService { ExpertProfileService(db: db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy, mailer: app.mailer) }
    var authorisationLetters: AuthorisationLetterService { AuthorisationLetterService(db: db, audit: app.auditLog, clock: app.clock) }
    var roster: RosterImportService { RosterImportService(db: db, audit: app.auditLog, clock: app.clock) }
    var conflictData: ConflictDataImportService {
        ConflictDataImportService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer, threadPool: app.threadPool)
    }
    var ownershipImports: OwnershipImportService {
        OwnershipImportService(db: db, audit: app.auditLog, clock: app.clock, schema: app.bodsSchema)
    }
    var ownershipRegistry: OwnershipRegistryService {
        OwnershipRegistryService(db: db, threshold: Double(app.configuration.ownershipThresholdPercent) / 100)
    }
    var disclosures: SupplierDisclosureService { SupplierDisclosureService(db: db, audit: app.auditLog, clock: app.clock) }
    var ledger: LedgerService { LedgerService(db: db, log: app.ledgerLog, clock: app.clock) }
    var ledgerKeys: LedgerKeyService { LedgerKeyService(db: db, audit: app.auditLog, clock: app.clock) }
    var ledgerWitnesses: LedgerWitnessService { LedgerWitnessService(db: db, audit: app.auditLog, log: app.ledgerLog) }
    var proposalDecisions: ProposalDecisionService {
        ProposalDecisionService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer)
    }
    var needInterests: NeedInterestService { NeedInterestService(db: db, audit: app.auditLog, clock: app.clock) }
    var dueDiligence: DueDiligenceService { DueDiligenceService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer) }
    var terms: TermsService {
        TermsService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer, catalogs: app.catalogs)
    }
    var engagements: EngagementService {
        EngagementService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer, catalogs: app.catalogs)
    }
    var tracking: TrackingService {
        TrackingService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer, documents: app.documentStore)
    }
    var marketingConcerns: MarketingConcernService {
        MarketingConcernService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer)
    }
    var reminders: ReminderService {
        ReminderService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer, catalogs: app.catalogs,
                        inactivityDays: app.configuration.inactivityDays)
    }
    var evaluations: EvaluationService {
        EvaluationService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer, catalogs: app.catalogs)
    }
    var publications: PublicationService { PublicationService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer) }
    var programmeReport: ProgrammeReportService { ProgrammeReportService(db: db, threshold: app.configuration.needsMetThreshold) }

    // MARK: Reports

    var reportContexts: ReportContextService { ReportContextService(db: db, audit: app.auditLog, clock: app.clock) }
    var reportIdentity: ReportIdentityService { ReportIdentityService(db: db, audit: app.auditLog, clock: app.clock, mailer: app.mailer) }
    var reportForwarding: ReportForwardingService {
        ReportForwardingService(db: db, audit: app.auditLog, clock: app.clock, intake: reportIntake, notice: ReportNotice(mailer: app.mailer))
    }
    var readerConflicts: ReaderConflictService { ReaderConflictService(db: db, audit: app.auditLog, clock: app.clock) }
    var reportRecusal: ReportRecusalService { ReportRecusalService(db: db, audit: app.auditLog, clock: app.clock) }
    var reportRetention: ReportRetentionService { ReportRetentionService(db: db, audit: app.auditLog, clock: app.clock) }
    var complaintRouting: ComplaintRoutingService { ComplaintRoutingService(db: db, audit: app.auditLog, clock: app.clock) }
    var reportStatistics: ReportStatisticsService {
        ReportStatisticsService(db: db, clock: app.clock, cache: app.reportStatisticsCache, version: app.auditLog.committed)
    }
    var recipientKeys: RecipientKeyService {
        RecipientKeyService(db: db, audit: app.auditLog, clock: app.clock, hasher: app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()),
                            cost: app.configuration.reportStretchCost, stretcher: app.keyStretcher)
    }
    var open311: Open311Service { Open311Service(db: db, intake: reportIntake) }
    var reportIntake: ReportIntakeService {
        ReportIntakeService(db: db, audit: app.auditLog, clock: app.clock, cost: app.configuration.reportStretchCost, stretcher: app.keyStretcher,
                            lockout: ReceiptLockout(db: db, audit: app.auditLog, limit: app.configuration.reportReceiptFailures),
                            limit: SubmissionLimit(db: db, audit: app.auditLog, installation: app.configuration.reportSubmissions,
                                                   perSubject: app.configuration.reportSubmissionsPerSubject),
                            notice: ReportNotice(mailer: app.mailer))
    }
}

extension Application {
    /// The services over the application's database.
    var registry: ServiceRegistry { ServiceRegistry(app: self, db: db) }
}

extension Request {
    /// The services over this request's database.
    var registry: ServiceRegistry { ServiceRegistry(app: application, db: db) }
}
