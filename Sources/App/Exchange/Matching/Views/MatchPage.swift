import ExchangeCore
import Foundation

/// A match for the people in it and for staff: why the two sides were matched, where the match stands in the
/// workflow, and the next steps the reader may take.
struct MatchPage: PageModel {
    static let template = "match"
    /// A party reads why they were matched; staff read the match and its workflow.
    let titleKey: String

    struct Reason: Encodable, Sendable, Equatable {
        let label: String
        let percent: String
        let width: Int
        let facts: [String]
    }

    struct StageItem: Encodable, Sendable, Equatable {
        let label: String
        let current: Bool
        let done: Bool
    }

    struct ConcernRow: Encodable, Sendable, Equatable {
        let href: String
        let reportedAt: String
        let status: String
    }

    /// What scored the match, as the matching engine explained it.
    struct Scoring: Sendable {
        let score: Double
        let breakdown: [String: Double]
        let explanation: MatchExplanation
        /// The need's country (ISO code) and sector, which the facts name.
        let country: String
        let sector: WorkSector?
    }

    /// What the policy lets the reader see and do.
    struct Permissions: Sendable {
        var openNeed = false
        var staff = false
        /// The side the reader is on, if a party.
        var party: DeclaringParty?
        var readTerms = false
        var readWork = false
    }

    /// A marketing concern as staff see it in the list.
    struct Concern: Sendable {
        let id: UUID
        let reportedAt: Date
        let status: MarketingConcernStatus
    }

    let needTitle: String
    let needHref: String?
    let organisation: String
    let expert: String
    let expertOrganisation: String
    let stage: String
    let score: String
    let reasons: [Reason]
    let stages: [StageItem]
    let cancelReason: String?
    let dueDiligence: String
    let decisions: [DueDiligenceDecisionRow]
    /// The signed-in party's own declaration form, and whether it was filed.
    let declarationHref: String?
    let declared: Bool
    let reviewHref: String?
    let openAction: String?
    let cancelAction: String?
    /// From ToR drafting on, for everyone who may read the Terms of Reference.
    let termsHref: String?
    /// Staff, once the ToR are signed.
    let startAction: String?
    /// Once the engagement has started.
    let workHref: String?
    /// From the Terms' signature on, once a round is open.
    let evaluationsHref: String?
    /// While closing and after: the closing report and consent to publish.
    let reportHref: String?
    /// Staff: active → closing, closing → closed, and extending a running engagement.
    let closingAction: String?
    let closeAction: String?
    let needsOverride: Bool
    let extendAction: String?
    let monthsLeft: Int
    /// A party's way to report promotion or selling.
    let reportConcernHref: String?
    /// Staff only: every concern reported, with its state.
    let concerns: [ConcernRow]
    let form: FormState

    init(match: MatchHeading, state: EngagementState, cancelReason: String?, scoring: Scoring, decisions: [DueDiligenceDecision],
         declared: Set<DeclaringParty>, concerns: [Concern], may: Permissions, values: [String: String], errors: [FieldError],
         taxonomy: SkillsTaxonomy, text: some Translating) {
        let id = match.id, stage = state.stage, staff = may.staff, open = !state.isFinished
        titleKey = may.party == nil ? "match.staff_title" : "match.title"
        needTitle = match.needTitle
        needHref = may.openNeed ? NeedRoute.show.link(match.needID) : nil
        organisation = match.organisation
        expert = match.expert
        expertOrganisation = match.expertOrganisation
        self.stage = text.t("engagement.stage.\(stage.rawValue)")
        score = ScoreText.percent(scoring.score, text)
        reasons = Self.reasons(scoring, taxonomy: taxonomy, text: text)
        let order = EngagementStage.workflow
        let position = order.firstIndex(of: stage)
        stages = order.enumerated().map { index, step in
            StageItem(label: text.t("engagement.stage.\(step.rawValue)"), current: index == position, done: position.map { index < $0 } ?? false)
        }
        self.cancelReason = stage == .cancelled ? cancelReason : nil
        dueDiligence = text.t("due_diligence.state.\(state.dueDiligence.rawValue)")
        self.decisions = decisions.filter { $0.status == .decided }.map { DueDiligenceDecisionRow($0, text: text) }
        declarationHref = may.party != nil && open && stage != .proposed ? DeclarationRoute.form.link(id) : nil
        self.declared = may.party.map { declared.contains($0) } ?? false
        reviewHref = staff && stage != .proposed ? DueDiligenceRoute.review.link(id) : nil
        openAction = staff && stage == .proposed ? DueDiligenceRoute.open.link(id) : nil
        cancelAction = staff && open ? EngagementStepsRoute.cancel.link(id) : nil
        termsHref = stage.hasTerms && may.readTerms ? TermsRoute.show.link(id) : nil
        startAction = staff && stage == .torSigned ? TermsRoute.start.link(id) : nil
        workHref = [.active, .closing, .closed].contains(stage) && may.readWork ? WorkRoute.show.link(id) : nil
        evaluationsHref = [.torSigned, .active, .closing, .closed].contains(stage) && may.readWork ? EvaluationRoute.list.link(id) : nil
        reportHref = [.closing, .closed].contains(stage) && may.readWork ? ReportRoute.show.link(id) : nil
        closingAction = staff && stage == .active ? EngagementStepsRoute.beginClosing.link(id) : nil
        closeAction = staff && stage == .closing ? EngagementStepsRoute.close.link(id) : nil
        needsOverride = !state.postEvaluationsComplete
        extendAction = staff && [.active, .closing].contains(stage) && state.totalMonths < EngagementState.maximumMonths
            ? EngagementStepsRoute.extend.link(id) : nil
        monthsLeft = EngagementState.maximumMonths - state.totalMonths
        reportConcernHref = may.party != nil && open ? MarketingConcernRoute.reportForm.link(id) : nil
        self.concerns = concerns.map {
            ConcernRow(href: MarketingConcernRoute.show.link(id, $0.id), reportedAt: text.day($0.reportedAt),
                       status: text.t("marketing_concern.status.\($0.status.rawValue)"))
        }
        form = FormState(values: values, errors: errors, on: text)
    }

    /// Each scored criterion with the facts behind it, in the reader's language.
    static func reasons(_ scoring: Scoring, taxonomy: SkillsTaxonomy, text: some Translating) -> [Reason] {
        let e = scoring.explanation, language = text.language
        let skillName = { (id: String) in taxonomy.skill(id)?.labels[language] ?? id }
        let skill = { (s: MatchExplanation.SkillLevel) in
            text.t("match.skill_at_level", skillName(s.skill), text.t("profile.skill_level.\(s.level)"))
        }
        let spoken = { (l: MatchExplanation.SpokenLanguage) in
            text.t("match.language_at_level", LanguageCode(l.code)?.name(in: language) ?? l.code, text.t("profile.language_level.\(l.level.rawValue)"))
        }
        let field = { (f: ExperienceField) in text.t("profile.field.\(f.rawValue)") }
        let listed = { (key: String, items: [String]) in items.isEmpty ? [] : [text.t(key, items.joined(separator: ", "))] }
        let country = CountryCode(scoring.country)?.name(in: language) ?? scoring.country
        var facts: [MatchCriterion: [String]] = [:]
        facts[.skills] = listed("match.required_covered", e.requiredCovered.map(skill)) + listed("match.required_missing", e.requiredMissing.map(skillName))
            + listed("match.preferred_covered", e.preferredCovered.map(skill))
        facts[.language] = [text.t("match.shared_languages", e.sharedLanguages.map(spoken).joined(separator: ", "))]
        facts[.region] = [e.knowsCountry ? text.t("match.knows_country", country)
            : e.knownRegion.map { text.t("match.knows_region", country, $0.name(in: language)) } ?? text.t("match.new_country", country)]
        facts[.fields] = listed("match.fields_shared", e.sharedFields.map(field)) + listed("match.fields_missing", e.missingFields.map(field))
        if let knowsSector = e.knowsSector, let sector = scoring.sector {
            facts[.sector] = [text.t(knowsSector ? "match.sector_known" : "match.sector_new", text.t("work_sector.\(sector.rawValue)"))]
        }
        facts[.availability] = [text.t("match.overlap", String(e.overlapDays), String(e.periodDays))]
        facts[.experience] = [text.t("match.years", String(e.years))]
        return MatchCriterion.allCases.compactMap { c in
            guard let value = scoring.breakdown[c.rawValue] else { return nil }
            return Reason(label: text.t("criterion.\(c.rawValue)"), percent: ScoreText.percent(value, text),
                          width: Int((value * 200).rounded()), facts: facts[c] ?? [])
        }
    }
}
