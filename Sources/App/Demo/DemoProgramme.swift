import ExchangeCore
import Fluent
import Foundation
import Vapor

/// A deterministic, obviously fictional programme with every role, in several countries and all three languages.
/// Seeding twice changes nothing: every record has a fixed id and is only created when missing.
public enum DemoProgramme {
    public static let password = "integrity-demo-2026"
    /// The receipt of the demo's fictional report with a thread (`DemoReporting`).
    public static let reportReceipt = "2026 1204 0000 0001"

    public struct Login: Sendable {
        public let email: String
        public let role: String
        public let language: String
        /// What this person can try first in the living demo.
        public let tryFirst: String?
    }

    public struct Summary: Sendable {
        public let created: Int
        public let logins: [Login]
    }

    struct OrganisationSeed {
        let key: String
        let draft: OrganisationDraft
    }

    struct PersonSeed {
        let key: String
        let email: String
        let name: String
        let role: Role
        let organisation: String?
        let language: SupportedLanguage
        var status: AccountStatus = .active
        var requestedOrganisation: String? = nil
        var tryFirst: String? = nil
        /// Where the person reads times; none: UTC.
        var timeZone: String? = nil
    }

    static let organisations: [OrganisationSeed] = [
        .init(key: "org.fr-agency", draft: .init(
            kind: "public_body", name: "Agence fictive de prévention de la corruption", country: "FR",
            publicBodyType: "anti_corruption_agency", jurisdiction: "national",
            mandate: "Organisme fictif de démonstration : prévention et détection des atteintes à la probité.",
            legalBasis: "Loi fictive n° 0000-00", workingLanguages: ["fr", "en"])),
        .init(key: "org.es-court", draft: .init(
            kind: "public_body", name: "Tribunal Ficticio de Cuentas", country: "ES",
            publicBodyType: "supreme_audit_institution", jurisdiction: "national",
            mandate: "Entidad ficticia de demostración: fiscalización externa del gasto público.",
            workingLanguages: ["es"])),
        .init(key: "org.ke-audit", draft: .init(
            kind: "public_body", name: "Fictional Public Audit Bureau", country: "KE",
            publicBodyType: "supreme_audit_institution", jurisdiction: "national",
            mandate: "A fictional demonstration body that audits public accounts.", workingLanguages: ["en", "sw"])),
        .init(key: "org.co-office", draft: .init(
            kind: "public_body", name: "Oficina Demostrativa de Integridad Pública", country: "CO",
            publicBodyType: "ministry_or_regulator", jurisdiction: "subnational",
            mandate: "Oficina ficticia de demostración para la integridad en la contratación.", workingLanguages: ["es", "en"])),
        .init(key: "org.gb-analytics", draft: .init(kind: "company", name: "Example Analytics Ltd (fictional)", country: "GB", sector: "technology")),
        .init(key: "org.sn-donnees", draft: .init(kind: "company", name: "Données Exemple SARL (fictive)", country: "SN", sector: "consulting")),
        .init(key: "org.mx-datos", draft: .init(kind: "company", name: "Datos de Muestra S.A. (ficticia)", country: "MX", sector: "telecommunications")),
    ]

    static let people: [PersonSeed] = [
        .init(key: "user.coordinator", email: "coordinator@demo.integrity.invalid", name: "Cora Ordinator (demo)",
              role: .coordinator, organisation: nil, language: .en,
              tryFirst: "approve the waiver Colin asked for, then decide the batch proposal on the matching board"),
        .init(key: "user.administrator", email: "admin@demo.integrity.invalid", name: "Ada Admin (demo)",
              role: .administrator, organisation: nil, language: .en,
              tryFirst: "verify the audit log of every step the demo took, and edit the skills taxonomy"),
        .init(key: "user.public-fr", email: "agent.public@demo.integrity.invalid", name: "Amélie Exemple (démo)",
              role: .publicParticipant, organisation: "org.fr-agency", language: .fr,
              tryFirst: "catch up on the overdue work of the asset-declaration dashboard", timeZone: "Europe/Paris"),
        .init(key: "user.public-es", email: "participante@demo.integrity.invalid", name: "Pablo Ejemplo (demo)",
              role: .publicParticipant, organisation: "org.es-court", language: .es,
              tryFirst: "sign the Terms of Reference of the OCDS risk analysis", timeZone: "Europe/Madrid"),
        .init(key: "user.expert-en", email: "expert@demo.integrity.invalid", name: "Eli Expert (demo)",
              role: .expert, organisation: "org.gb-analytics", language: .en,
              tryFirst: "answer the half-way questionnaire of the French dashboard"),
        .init(key: "user.expert-es", email: "experta@demo.integrity.invalid", name: "Elena Muestra (demo)",
              role: .expert, organisation: "org.mx-datos", language: .es,
              tryFirst: "sign the Terms of Reference you drafted for the Spanish court"),
        .init(key: "user.evaluator", email: "evaluator@demo.integrity.invalid", name: "Ève Valuatrice (démo)",
              role: .evaluator, organisation: nil, language: .fr,
              tryFirst: "read the KPIs of the three closed exchanges on the programme dashboard"),
        .init(key: "user.analyst", email: "analyst@demo.integrity.invalid", name: "Ana Lista (demo)",
              role: .analyst, organisation: nil, language: .es,
              tryFirst: "open the red-flag run over 3,000 generated compiled releases"),
        .init(key: "user.pending", email: "pending@demo.integrity.invalid", name: "Pat Pending (demo)",
              role: .expert, organisation: nil, language: .en, status: .pending,
              requestedOrganisation: "Example Analytics Ltd (fictional)"),
    ]

    static func seed(_ app: Application) async throws -> Summary {
        var created = 0
        for seed in organisations where try await Organisation.find(StableID.make(seed.key), on: app.db) == nil {
            _ = try await app.registry.organisations.create(seed.draft, actor: .system("seed"), id: StableID.make(seed.key))
            created += 1
        }
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password)
        for person in people where try await User.find(StableID.make(person.key), on: app.db) == nil {
            try await createPerson(person, passwordHash: hash, app: app)
            created += 1
        }
        let logins = people.filter { $0.status == .active }.map {
            Login(email: $0.email, role: $0.role.rawValue, language: $0.language.rawValue, tryFirst: $0.tryFirst)
        }
        return Summary(created: created, logins: logins)
    }

    static func createPerson(_ person: PersonSeed, passwordHash: String, app: Application) async throws {
        let id = StableID.make(person.key)
        let now = app.clock.now()
        try await app.auditLog.transaction(on: app.db, actor: .system("seed")) { scope in
            let user = User(id: id, email: EmailAddress(person.email)!, displayName: person.name, passwordHash: passwordHash,
                            role: person.role, organisationID: person.organisation.map(StableID.make), status: person.status,
                            preferredLanguage: person.language, now: now)
            user.requestedOrganisation = person.requestedOrganisation
            user.timeZoneIdentifier = person.timeZone
            try await user.create(on: scope.db)
            try await scope.record(person.status == .pending ? .userRegister : .userCreate, .user(id),
                                   changes: ["role": person.role.rawValue, "status": person.status.rawValue])
            let notifier = Notifier(clock: app.clock)
            if person.status == .pending {
                try await notifier.notify(StableID.make("user.coordinator"), "notification.registration_pending", link: PeopleRoute.list.link(), on: scope.db)
                try await app.mailer.enqueue(to: person.email, language: person.language, kind: "registration_received",
                                             arguments: [person.name], on: scope.db)
            } else {
                try await notifier.notify(id, "notification.welcome", link: HomeRoute.home.link(), on: scope.db)
            }
        }
    }
}
