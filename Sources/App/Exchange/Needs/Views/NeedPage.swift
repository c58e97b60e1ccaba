import ExchangeCore
import Foundation

/// One need as its readers see it: what it asks for in the reader's words, its readiness chart, and what the reader
/// may do next.
struct NeedPage: PageModel {
    static let template = "need"
    let titleKey = "need.title"

    /// What the reader may do with the need, as the access policy decided.
    struct Permissions: Sendable {
        var edit = false
        var decide = false
        var seeCandidates = false
        var seeHistory = false
    }

    let id: String
    let title: String
    let organisation: String
    let status: String
    let problemStatement: String
    let whyPrivateSector: String
    let supportAreas: [String]
    let issueAreas: [String]
    let fields: [String]
    let sector: String
    let requiredSkills: [String]
    let preferredSkills: [String]
    let languages: [String]
    let start: String
    let duration: String
    let expectedOutputs: String
    let dataAccess: String
    let dataRules: String
    let chart: String
    let canEdit: Bool
    let canDecide: Bool
    let candidatesHref: String?
    let historyHref: String?

    init(id: UUID, details d: NeedDetails, organisation: String, status: ParticipationStatus, readiness: ReadinessAssessment,
         may: Permissions, taxonomy: SkillsTaxonomy, text: some Translating) {
        let language = text.language
        self.id = id.pathSegment
        title = d.title
        self.organisation = organisation
        self.status = text.t("participation.\(status.rawValue)")
        problemStatement = d.problemStatement
        whyPrivateSector = d.whyPrivateSector
        supportAreas = d.scope.supportAreas.map { text.t("support_area.\($0.rawValue)") }
        issueAreas = d.scope.issueAreas.map { text.t("issue_area.\($0.rawValue)") }
        fields = d.scope.fields.map { text.t("profile.field.\($0.rawValue)") }
        sector = d.sector.map { text.t("work_sector.\($0.rawValue)") } ?? "—"
        requiredSkills = d.scope.requiredSkills.compactMap { taxonomy.skill($0)?.labels[language] }
        preferredSkills = d.scope.preferredSkills.compactMap { taxonomy.skill($0)?.labels[language] }
        languages = d.scope.languages.compactMap { LanguageCode($0)?.name(in: language) }
        start = text.day(d.preferredStart, none: "—")
        duration = text.t("need.months", String(d.duration))
        expectedOutputs = d.expectedOutputs
        dataAccess = text.t("data_access.\(d.dataAccess.rawValue)")
        dataRules = d.dataRules
        let labels = Dictionary(uniqueKeysWithValues: ReadinessArea.allCases.map { ($0, text.t("readiness.\($0.rawValue)")) })
        chart = ReadinessChart.svg(readiness, labels: labels, title: text.t("need.readiness"),
                                   summary: text.t("need.readiness_summary", String(Int((readiness.overall * 100).rounded()))))
        canEdit = may.edit
        canDecide = may.decide
        candidatesHref = may.seeCandidates ? CandidatesRoute.candidates.link(id) : nil
        historyHref = may.seeHistory
            ? AuditPageRoute.history(of: "need", id)
            : nil
    }
}
