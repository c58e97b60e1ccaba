import ExchangeCore
import Foundation

/// Where each demo need stands once the demo is built, so that every stage of the exchange has something to show.
enum DemoStage: Sendable, Equatable {
    case draft
    /// Submitted with real data access, so a coordinator must review it.
    case awaitingReview
    case ineligible(reason: String)
    /// Screened eligible after the batch proposal was made: the next run will take it.
    case screened
    /// Part of the batch proposal, not yet decided.
    case inProposal
    case proposed
    /// Due diligence open: the expert has declared, the body has not, and the checklist is under way.
    case dueDiligenceOpen
    /// Due diligence with the checklist and both declarations in: the coordinator's to decide.
    case dueDiligenceReady
    case dueDiligenceWaiver
    case termsDrafting
    case termsSigned
    case active
    case closing
    /// Closed, the report written and the expert's consent given; the body has not answered yet.
    case closed
    case published
    case cancelled

    /// Needs that go through the batch run, as opposed to those written after it.
    var goesThroughBatch: Bool {
        switch self {
        case .draft, .awaitingReview, .ineligible, .screened: false
        default: true
        }
    }

    /// Whether the coordinator confirms its proposal.
    var isConfirmed: Bool { goesThroughBatch && self != .inProposal }
}

struct DemoNeed {
    let body: String
    let stage: DemoStage
    let draft: NeedDraft
}

extension DemoCast {
    /// Seventeen needs from eleven bodies in the three languages. Dates count from `today`.
    static func needs(today: CalendarDate) -> [DemoNeed] {
        func start(_ days: Int) -> Date { CalendarDay.parse(today.adding(days: days).description)! }
        func need(_ body: String, _ stage: DemoStage, _ title: String, problem: String, why: String, areas: [Int], issues: [String],
                  required: [String], preferred: [String] = [], languages: [String], startIn days: Int, months: Int = 4,
                  outputs: String, fields: [String] = [], sector: String? = nil, dataAccess: String = "none",
                  dataRules: String = "") -> DemoNeed {
            DemoNeed(body: body, stage: stage, draft: NeedDraft(
                title: title, problemStatement: problem, whyPrivateSector: why, supportAreas: areas, issueAreas: issues,
                requiredSkills: required, preferredSkills: preferred, languages: languages, preferredStart: start(days),
                durationMonths: months, expectedOutputs: outputs, dataAccess: dataAccess, dataRules: dataRules, fields: fields,
                sector: sector))
        }
        return [
            need("org.fr-agency", .active, "Tableau de bord des déclarations de patrimoine (démo)",
                 problem: "Nous recevons des milliers de déclarations par an sans outil pour repérer les variations anormales.",
                 why: "Les équipes de données du privé construisent ce type de tableau de bord au quotidien.",
                 areas: [4], issues: ["money_flows"], required: ["asset-declarations", "data-visualisation"], preferred: ["dashboards"],
                 languages: ["fr"], startIn: -75, outputs: "Un prototype de tableau de bord et une note de méthode.",
                 fields: ["anti_corruption"], sector: "public_administration"),
            need("org.es-court", .termsDrafting, "Análisis de riesgos en datos OCDS de contratación (demo)",
                 problem: "Publicamos datos OCDS pero no sabemos qué contratos revisar primero.",
                 why: "Los equipos de analítica del sector privado construyen indicadores de riesgo a diario.",
                 areas: [3], issues: ["money_flows"], required: ["ocds"], preferred: ["procurement-red-flags"], languages: ["es"],
                 startIn: 21, months: 3, outputs: "Un cuaderno reproducible con indicadores de riesgo.", fields: ["audit"],
                 sector: "public_procurement"),
            need("org.ke-audit", .published, "Dashboards for audit recommendation follow-up (demo)",
                 problem: "We cannot see which audit recommendations are implemented, by whom, and how late.",
                 why: "Tracking dashboards are routine work for private-sector analytics teams.",
                 areas: [4, 5], issues: ["measuring_corruption"], required: ["dashboards"], preferred: ["data-literacy"],
                 languages: ["en"], startIn: -250, months: 6, outputs: "A follow-up dashboard and a half-day training for auditors.",
                 fields: ["audit"], sector: "public_finance"),
            need("org.co-office", .published, "Alertas tempranas en contratación municipal (demo)",
                 problem: "Las alcaldías firman contratos directos sin que nadie revise los patrones de riesgo.",
                 why: "Las empresas de datos automatizan alertas de este tipo para sus clientes.",
                 areas: [3], issues: ["money_flows"], required: ["procurement-red-flags"], preferred: ["data-engineering"],
                 languages: ["es"], startIn: -200, months: 5, outputs: "Un tablero de alertas y un manual de uso.", fields: ["fraud"],
                 sector: "public_procurement"),
            need("org.sn-office", .closed, "Priorisation des signalements de fraude (démo)",
                 problem: "Nos enquêteurs traitent les signalements dans l'ordre d'arrivée, sans critère de gravité.",
                 why: "Les assureurs et les banques trient les alertes de fraude avec des méthodes éprouvées.",
                 areas: [3], issues: ["whistleblowing"], required: ["fraud-analytics"], preferred: ["case-management"],
                 languages: ["fr"], startIn: -220, months: 6, outputs: "Une grille de priorisation testée sur des cas anonymisés.",
                 fields: ["fraud"], sector: "public_administration"),
            need("org.gh-audit", .closing, "Audit analytics for state enterprise accounts (demo)",
                 problem: "Our auditors sample transactions by hand and miss patterns across enterprises.",
                 why: "Audit firms run such analytics on every engagement.",
                 areas: [3, 5], issues: ["money_flows"], required: ["audit-analytics"], preferred: ["statistics-econometrics"],
                 languages: ["en"], startIn: -125, outputs: "Scripts that flag unusual journal entries, and a training session.",
                 fields: ["audit"], sector: "public_finance"),
            need("org.ma-instance", .termsSigned, "Cartographie des réseaux d'entreprises (démo)",
                 problem: "Nous ne voyons pas les liens entre les entreprises qui remportent les marchés publics.",
                 why: "Les analystes de conformité bancaire cartographient ces liens au quotidien.",
                 areas: [3], issues: ["money_flows"], required: ["network-analysis"], preferred: ["beneficial-ownership"],
                 languages: ["fr"], startIn: 10, outputs: "Une carte des liens et une méthode documentée.", fields: ["compliance"],
                 sector: "public_procurement"),
            need("org.pe-contraloria", .dueDiligenceWaiver, "Seguimiento de obras públicas con datos abiertos (demo)",
                 problem: "Las obras se retrasan y nadie cruza los datos de avance con los pagos.",
                 why: "Las empresas de ingeniería monitorean obras con tableros de datos abiertos.",
                 areas: [4], issues: ["measuring_corruption"], required: ["open-data-portals"], preferred: ["geospatial-analysis"],
                 languages: ["es"], startIn: 30, outputs: "Un tablero público de avance de obras.", fields: ["audit"],
                 sector: "infrastructure"),
            need("org.ar-oficina", .proposed, "Detección de conflictos de intereses en declaraciones (demo)",
                 problem: "Cruzamos a mano las declaraciones juradas con los registros de sociedades.",
                 why: "Los equipos de cumplimiento cruzan registros de sociedades de forma automática.",
                 areas: [3], issues: ["money_flows"], required: ["beneficial-ownership"], preferred: ["text-and-search"],
                 languages: ["es"], startIn: 45, outputs: "Un procedimiento automatizado de cruce y su documentación.",
                 fields: ["integrity"], sector: "public_administration"),
            need("org.ng-commission", .cancelled, "Case management for corruption investigations (demo)",
                 problem: "Investigation files live in spreadsheets, and deadlines are missed.",
                 why: "Legal technology firms build case management systems for a living.",
                 areas: [6], issues: ["prosecution"], required: ["case-management"], preferred: ["process-automation"],
                 languages: ["en"], startIn: 20, outputs: "An evaluation of open-source case management tools.",
                 fields: ["anti_corruption"], sector: "justice"),
            need("org.ke-audit", .dueDiligenceReady, "Open contracting data literacy for auditors (demo)",
                 problem: "Our auditors receive procurement data but do not know how to question it.",
                 why: "Data teams in industry train analysts on new datasets all the time.",
                 areas: [5], issues: ["money_flows"], required: ["data-literacy"], preferred: ["training-design"], languages: ["en"],
                 startIn: 25, months: 3, outputs: "A one-day course with exercises on the body's own data.", fields: ["audit"]),
            need("org.tn-instance", .dueDiligenceOpen, "Plateforme d'alerte : analyse des besoins (démo)",
                 problem: "Nous voulons ouvrir un canal d'alerte sans savoir quel outil choisir.",
                 why: "Les entreprises ont déployé des canaux d'alerte depuis des années.",
                 areas: [1, 6], issues: ["whistleblowing"], required: ["whistleblowing-systems"], preferred: ["data-protection"],
                 languages: ["fr"], startIn: 40, outputs: "Un cahier des charges et une comparaison d'outils.", fields: ["integrity"]),
            need("org.ph-ombudsman", .inProposal, "Text search across complaint records (demo)",
                 problem: "Complaints arrive as free text and similar cases are never linked.",
                 why: "Search teams in industry link similar documents every day.",
                 areas: [3], issues: ["public_engagement"], required: ["text-and-search"], preferred: ["data-engineering"],
                 languages: ["en"], startIn: 35, outputs: "A prototype search over anonymised complaints.", fields: ["integrity"]),
            need("org.fr-agency", .screened, "Formation des contrôleurs à l'analyse de données (démo)",
                 problem: "Nos contrôleurs savent lire un tableau mais pas interroger une base de données.",
                 why: "Les entreprises forment leurs équipes à la donnée en continu.",
                 areas: [5], issues: ["measuring_corruption"], required: ["training-design"], preferred: ["data-literacy"],
                 languages: ["fr"], startIn: 60, months: 3, outputs: "Un module de formation de deux jours.", fields: ["integrity"]),
            need("org.es-court", .awaitingReview, "Muestreo estadístico de expedientes de gasto (demo)",
                 problem: "Revisamos los expedientes de gasto sin un muestreo que podamos justificar.",
                 why: "Las auditoras privadas aplican muestreo estadístico en cada encargo.",
                 areas: [3], issues: ["measuring_corruption"], required: ["statistics-econometrics"], languages: ["es"],
                 startIn: 50, outputs: "Un método de muestreo documentado.", fields: ["audit"], dataAccess: "real",
                 dataRules: "Solo en nuestras oficinas, con datos seudonimizados."),
            need("org.gh-audit", .ineligible(reason: "This asks for a payroll system to be built and run, which the programme does not fund (demo)."),
                 "Payroll system for the audit service (demo)",
                 problem: "Our payroll runs on an old system that nobody maintains.",
                 why: "Software firms build payroll systems.",
                 areas: [6], issues: ["measuring_corruption"], required: ["software-development"], languages: ["en"],
                 startIn: 40, outputs: "A new payroll system.", dataAccess: "real", dataRules: "On site only."),
            need("org.fr-agency", .draft, "Cartographie des risques par ministère (brouillon, démo)",
                 problem: "Nous voulons comparer les risques d'atteinte à la probité entre ministères.",
                 why: "", areas: [1], issues: ["measuring_corruption"], required: ["corruption-measurement"], languages: ["fr"],
                 startIn: 90, outputs: ""),
        ]
    }
}
