import ExchangeCore
import Foundation

/// The form that drafts or edits a need, with the body's readiness self-assessment, holding what was sent and its
/// errors when it comes back.
struct NeedFormPage: PageModel {
    static let template = "need_form"
    let titleKey: String

    struct ReadinessRow: Encodable, Sendable {
        let area: String
        let label: String
        let options: [Option]
        let note: String
    }

    struct SkillGroup: Encodable, Sendable {
        let label: String
        let required: [Option]
        let preferred: [Option]
    }

    /// The public bodies a coordinator drafts for; nil when the need's body is already known.
    struct BodyChoice: Sendable {
        let bodies: [(id: UUID, name: String)]
        let selected: UUID?
    }

    let action: String
    let form: FormState
    let organisations: [Option]
    let chooseOrganisation: Bool
    let supportAreas: [Option]
    let issueAreas: [Option]
    let fields: [Option]
    let sectors: [Option]
    let skillGroups: [SkillGroup]
    let languages: [Option]
    let durations: [Option]
    let dataAccess: [Option]
    let readiness: [ReadinessRow]
    let start: String

    /// `need` is nil for a new need.
    init(need: UUID?, draft d: NeedDraft, readiness assessment: ReadinessAssessment, errors: [FieldError], bodies: BodyChoice?,
         taxonomy: SkillsTaxonomy, text: some Translating) {
        let language = text.language
        titleKey = need == nil ? "need.new_title" : "need.edit_title"
        action = need.map { NeedRoute.update.link($0) } ?? NeedRoute.create.link()
        form = FormState(values: ["title": d.title, "problemStatement": d.problemStatement, "whyPrivateSector": d.whyPrivateSector,
                                  "expectedOutputs": d.expectedOutputs, "dataRules": d.dataRules], errors: errors, on: text)
        organisations = bodies.map { choice in
            choice.bodies.map { Option(value: $0.id.uuidString, label: $0.name, selected: $0.id == choice.selected) }
        } ?? []
        chooseOrganisation = bodies != nil
        supportAreas = SupportArea.allCases.map {
            Option(value: String($0.rawValue), label: text.t("support_area.\($0.rawValue)"), selected: d.supportAreas.contains($0.rawValue))
        }
        issueAreas = Option.cases(IssueArea.allCases, labels: "issue_area", selected: d.issueAreas, text)
        fields = Option.cases(NeedDraft.wantableFields, labels: "profile.field", selected: d.fields, text)
        sectors = [Option(value: "", label: text.t("need.no_sector"), selected: d.sector == nil)]
            + Option.cases(WorkSector.allCases, labels: "work_sector", selected: d.sector.map { [$0] } ?? [], text)
        skillGroups = taxonomy.groups.map { group in
            let skills = taxonomy.skills.filter { $0.group == group.id }
            return SkillGroup(label: group.labels[language],
                              required: skills.map { Option(value: $0.id, label: $0.labels[language], selected: d.requiredSkills.contains($0.id)) },
                              preferred: skills.map { Option(value: $0.id, label: $0.labels[language], selected: d.preferredSkills.contains($0.id)) })
        }
        languages = LanguageCode.sortedNames(in: language).map { Option(value: $0.code, label: $0.name, selected: d.languages.contains($0.code)) }
        durations = (1...NeedDraft.maximumDuration).map {
            Option(value: String($0), label: text.t("need.months", String($0)), selected: $0 == d.duration)
        }
        dataAccess = Option.cases(DataAccess.allCases, labels: "data_access", selected: d.dataAccess, text)
        readiness = ReadinessArea.allCases.map { area in
            let score = assessment.ratings[area]?.score
            return ReadinessRow(area: area.rawValue, label: text.t("readiness.\(area.rawValue)"),
                                options: (0...ReadinessAssessment.maximumScore).map {
                                    Option(value: String($0), label: text.t("readiness.score.\($0)"), selected: $0 == score)
                                },
                                note: assessment.ratings[area]?.note ?? "")
        }
        start = CalendarDay.text(d.preferredStart, none: "")
    }
}
