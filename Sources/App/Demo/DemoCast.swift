import ExchangeCore
import Foundation

/// Who takes part in the living demo programme besides the sign-in accounts: public bodies with one member each,
/// forty experts, and the needs those bodies write. Plain values only; `DemoParticipants` and `DemoLifecycle` make
/// them real through the services.
enum DemoCast {
    struct Body {
        let key: String
        let draft: OrganisationDraft
        /// The member who acts for the body; nil for the bodies the sign-in accounts already cover.
        let member: (name: String, language: SupportedLanguage)?
        var screening: Screening = .eligible

        enum Screening { case eligible, pending, ineligibleWithoutMandate }
    }

    static func memberKey(of body: String) -> String { "user.member." + body.dropFirst("org.".count) }

    /// The four bodies of `DemoProgramme` are eligible too; these complete twelve bodies in ten countries, plus one
    /// still waiting for screening and one found ineligible.
    static let bodies: [Body] = [
        body("org.sn-office", "Office démonstratif de lutte contre la fraude (fictif)", "SN", .antiCorruptionAgency, ["fr"],
             "Organisme fictif de démonstration : enquêtes administratives sur la fraude.", ("Awa Diop (démo)", .fr)),
        body("org.gh-audit", "Fictional Audit Service of the Coast (demo)", "GH", .supremeAuditInstitution, ["en"],
             "A fictional demonstration body that audits ministries and state enterprises.", ("Kojo Mensah (demo)", .en)),
        body("org.ma-instance", "Instance fictive de probité (démo)", "MA", .antiCorruptionAgency, ["fr", "en"],
             "Organisme fictif de démonstration : prévention de la corruption et veille.", ("Youssef Alami (démo)", .fr)),
        body("org.pe-contraloria", "Contraloría Ficticia de Muestra", "PE", .supremeAuditInstitution, ["es"],
             "Entidad ficticia de demostración: control gubernamental y auditoría de obras.", ("Rosa Quispe (demo)", .es)),
        body("org.ar-oficina", "Oficina Ficticia de Ética Pública", "AR", .antiCorruptionAgency, ["es"],
             "Oficina ficticia de demostración: declaraciones juradas y conflictos de intereses.", ("Martín Gómez (demo)", .es)),
        body("org.ng-commission", "Demonstration Integrity Commission (fictional)", "NG", .lawEnforcement, ["en"],
             "A fictional demonstration commission that investigates and prosecutes corruption.", ("Ngozi Okafor (demo)", .en)),
        body("org.tn-instance", "Haute instance fictive de bonne gouvernance", "TN", .antiCorruptionAgency, ["fr"],
             "Organisme fictif de démonstration : bonne gouvernance et alertes.", ("Leïla Ben Salah (démo)", .fr)),
        body("org.ph-ombudsman", "Office of the Demo Ombudsman (fictional)", "PH", .antiCorruptionAgency, ["en"],
             "A fictional demonstration ombudsman that handles complaints against public officials.", ("José Santos (demo)", .en)),
        body("org.bj-autorite", "Autorité fictive de transparence (en examen)", "BJ", .antiCorruptionAgency, ["fr"],
             "Organisme fictif de démonstration dont la participation attend l'examen.", ("Koffi Adjovi (démo)", .fr),
             screening: .pending),
        body("org.cl-consejo", "Consejo Ficticio de Promoción Turística", "CL", .ministryOrRegulator, ["es"],
             "Consejo ficticio de demostración que promueve el turismo.", ("Ignacio Rojas (demo)", .es),
             screening: .ineligibleWithoutMandate),
    ]

    private static func body(_ key: String, _ name: String, _ country: String, _ type: PublicBodyType, _ languages: [String],
                             _ mandate: String, _ member: (String, SupportedLanguage), screening: Body.Screening = .eligible) -> Body {
        Body(key: key, draft: OrganisationDraft(kind: "public_body", name: name, country: country, publicBodyType: type.rawValue,
                                                jurisdiction: "national", mandate: mandate, workingLanguages: languages),
             member: member, screening: screening)
    }

    // MARK: Experts

    struct Expert {
        let key: String
        let name: String
        let email: String
        let language: SupportedLanguage
        let country: String
        let skills: [(id: String, level: Int)]
        let languages: [(code: String, level: Int)]
        var years: Int
        var capacity: Int
        let fields: [String]
        let sectors: [String]
        var outcome: Outcome = .eligible

        enum Outcome {
            case eligible, awaitingReview, ineligible(reason: String)
            /// Signed up, profile not yet filled in: a newcomer to try the profile form with.
            case notStarted
        }
    }

    private static let firstNames = ["Amara", "Bruno", "Chloé", "Diego", "Esi", "Farid", "Grace", "Hugo", "Inés", "Jomo", "Karin", "Luis",
                                     "Mariam", "Nadia", "Omar", "Paula", "Quentin", "Rania", "Samuel", "Tariq", "Ursula", "Valentina",
                                     "Wanjiru", "Xavier", "Yaw", "Zoé", "Adrián", "Béatrice", "Carmen", "Dayo", "Émile", "Fatou",
                                     "Gabriel", "Hana", "Ibrahim", "Julia", "Kwame", "Lucía"]
    private static let lastNames = ["Mwangi", "Laurent", "Herrera", "Owusu", "Haddad", "Moreau", "Vargas", "Nkemelu", "Fischer", "Duarte",
                                    "Sow", "Castillo", "Okoro", "Petit", "Ramírez", "Kariuki", "Benali", "Silva", "Traoré", "Navarro"]
    private static let countries = ["GB", "FR", "ES", "KE", "SN", "MX", "DE", "NG", "CO", "MA", "IE", "AR", "CA", "GH", "PT", "BE"]
    /// Skills spread over the taxonomy, leaving OCDS and asset declarations at the top level to the two sign-in experts.
    private static let skillPool = ["data-engineering", "dashboards", "procurement-red-flags", "data-visualisation", "statistics-econometrics",
                                    "case-management", "data-literacy", "network-analysis", "fraud-analytics", "audit-analytics",
                                    "whistleblowing-systems", "beneficial-ownership", "judicial-data", "open-data-portals",
                                    "training-design", "data-governance", "text-and-search", "process-automation", "geospatial-analysis",
                                    "corruption-measurement", "software-development", "data-protection", "money-flows"]
    private static let sectorPool = ["public_procurement", "public_finance", "justice", "health", "financial_services",
                                     "digital_services", "extractives", "infrastructure"]

    /// Thirty-eight generated experts besides Eli and Elena: thirty-two eligible, one who has not filled in a profile
    /// yet, three waiting for a coordinator (fewer than five years of experience) and two found ineligible with the
    /// coordinator's reason.
    static let experts: [Expert] = (0..<38).map { index in
        let language = SupportedLanguage.allCases[index % 3]
        let second: (String, Int) = language == .en ? ((index % 2 == 0 ? "fr" : "es"), 2) : ("en", 3 - index % 2)
        let own: (String, Int) = (language.rawValue, 3)
        var expert = Expert(
            key: "expert.\(index + 1)", name: "\(firstNames[index]) \(lastNames[(index * 7) % lastNames.count]) (demo)",
            email: String(format: "expert-%02d@demo.integrity.invalid", index + 1), language: language,
            country: countries[index % countries.count],
            skills: [(skillPool[index % skillPool.count], 3), (skillPool[(index * 5 + 3) % skillPool.count], 2),
                     (skillPool[(index * 11 + 7) % skillPool.count], 1 + index % 2)],
            languages: [own, second],
            years: 5 + (index * 3) % 16, capacity: 1 + index % 2,
            fields: [["audit", "fraud"], ["anti_corruption"], ["integrity", "compliance"], ["fraud"]][index % 4],
            sectors: [sectorPool[index % sectorPool.count], sectorPool[(index + 3) % sectorPool.count]])
        switch index {
        case 32:
            expert.outcome = .notStarted
        case 33, 34, 35:
            (expert.years, expert.capacity, expert.outcome) = (2 + index % 3, 1, .awaitingReview)
        case 36, 37:
            (expert.years, expert.capacity) = (1, 1)
            expert.outcome = .ineligible(reason: "One year of data work so far: please apply again once you have three (demo).")
        default: break
        }
        return expert
    }
}
