import ExchangeCore
import Fluent
import Vapor

/// Proposed matches for the people in them: the list, and "why you were matched".
struct MatchController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(MatchRoute.list, use: list)
        routes.on(MatchRoute.show, use: show)
    }

    struct Row: Encodable {
        let href: String
        let need: String
        let expert: String
        let stage: String
        let score: String
    }

    struct ListPage: Encodable {
        let rows: [Row]
        let pager: Pager
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .engagement(needOrganisationID: UUID(), expertUserID: nil))
        let (engagements, total) = try await ProposedMatches(req: req).visible(Pager.rows(req))
        let rows = try engagements.map {
            Row(href: MatchRoute.show.link(try $0.requireID()), need: $0.need.title, expert: $0.expert.fullName, stage: req.t("engagement.stage.\($0.stage.rawValue)"),
                score: ScoreText.percent($0.score))
        }
        return try await req.page("matches", title: "match.list_title",
                                  ListPage(rows: rows, pager: Pager(req, path: MatchRoute.list.link(), total: total)))
    }

    struct Reason: Encodable {
        let label: String
        let percent: String
        let width: Int
        let facts: [String]
    }

    struct StageItem: Encodable {
        let label: String
        let current: Bool
        let done: Bool
    }

    struct ShowPage: Encodable {
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
        let decisions: [DueDiligenceController.DecisionRow]
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
    }

    struct ConcernRow: Encodable {
        let href: String
        let reportedAt: String
        let status: String
    }

    @Sendable func show(req: Request) async throws -> View {
        try await Self.showPage(req, try await ProposedMatches(req: req).load(try req.uuidParameter()), errors: [], values: [:])
    }

    /// The match with where it stands in the workflow and what the reader may do next.
    static func showPage(_ req: Request, _ match: ProposedMatches.Loaded, errors: [FieldError], values: [String: String]) async throws -> View {
        let principal = req.principal!
        let id = try match.engagement.requireID()
        let state = match.engagement.state
        let canOpenNeed = AccessPolicy.decide(principal, .read, .need(organisationID: try match.organisation.requireID())).isAllowed
        let isStaff = AccessPolicy.decide(principal, .update, match.protected.dueDiligence).isAllowed
        let party = match.party(of: principal)
        let outline = try await req.registry.dueDiligence.outline(match)
        let concerns = isStaff ? try await req.registry.marketingConcerns.concerns(of: match) : []
        let order = EngagementStage.workflow
        let position = order.firstIndex(of: state.stage)
        return try await req.page("match", title: "match.title", ShowPage(
            needTitle: match.need.title, needHref: canOpenNeed ? NeedRoute.show.link(try match.need.requireID()) : nil,
            organisation: match.organisation.name, expert: match.expert.fullName, expertOrganisation: match.expert.organisationName,
            stage: req.t("engagement.stage.\(state.stage.rawValue)"),
            score: ScoreText.percent(match.engagement.score),
            reasons: Self.reasons(match, req),
            stages: order.enumerated().map { index, stage in
                StageItem(label: req.t("engagement.stage.\(stage.rawValue)"), current: index == position, done: position.map { index < $0 } ?? false)
            },
            cancelReason: state.stage == .cancelled ? match.engagement.cancelReason : nil,
            dueDiligence: req.t("due_diligence.state.\(state.dueDiligence.rawValue)"),
            decisions: outline.decisions.filter { $0.status == .decided }.map { DueDiligenceController.row($0, req) },
            declarationHref: party != nil && !state.isFinished && state.stage != .proposed ? DeclarationRoute.form.link(id) : nil,
            declared: party.map { outline.declared.contains($0) } ?? false,
            reviewHref: isStaff && state.stage != .proposed ? DueDiligenceRoute.review.link(id) : nil,
            openAction: isStaff && state.stage == .proposed ? DueDiligenceRoute.open.link(id) : nil,
            cancelAction: isStaff && !state.isFinished ? DueDiligenceRoute.cancel.link(id) : nil,
            termsHref: state.stage.hasTerms && AccessPolicy.decide(principal, .read, match.protected.terms).isAllowed ? TermsRoute.show.link(id) : nil,
            startAction: isStaff && state.stage == .torSigned ? TermsRoute.start.link(id) : nil,
            workHref: [.active, .closing, .closed].contains(state.stage) && AccessPolicy.decide(principal, .read, match.protected.work).isAllowed
                ? WorkRoute.show.link(id) : nil,
            evaluationsHref: [.torSigned, .active, .closing, .closed].contains(state.stage)
                && AccessPolicy.decide(principal, .read, match.protected.work).isAllowed ? EvaluationRoute.list.link(id) : nil,
            reportHref: [.closing, .closed].contains(state.stage) && AccessPolicy.decide(principal, .read, match.protected.work).isAllowed
                ? ReportRoute.show.link(id) : nil,
            closingAction: isStaff && state.stage == .active ? EngagementStepsRoute.beginClosing.link(id) : nil,
            closeAction: isStaff && state.stage == .closing ? EngagementStepsRoute.close.link(id) : nil,
            needsOverride: !state.postEvaluationsComplete,
            extendAction: isStaff && [.active, .closing].contains(state.stage) && state.totalMonths < EngagementState.maximumMonths
                ? EngagementStepsRoute.extend.link(id) : nil,
            monthsLeft: EngagementState.maximumMonths - state.totalMonths,
            reportConcernHref: party != nil && !state.isFinished ? MarketingConcernRoute.reportForm.link(id) : nil,
            concerns: concerns.map {
                ConcernRow(href: MarketingConcernRoute.show.link(id, try $0.requireID()), reportedAt: CalendarDay.text($0.reportedAt),
                           status: req.t("marketing_concern.status.\($0.status.rawValue)"))
            },
            form: FormState(values: values, errors: errors, on: req)))
    }

    /// Each scored criterion with the facts behind it, in the reader's language.
    static func reasons(_ match: ProposedMatches.Loaded, _ req: Request) -> [Reason] {
        let e = match.explanation
        let taxonomy = req.application.taxonomy
        let skill = { (s: MatchExplanation.SkillLevel) in
            req.t("match.skill_at_level", taxonomy.skill(s.skill)?.labels[req.language] ?? s.skill, req.t("profile.skill_level.\(s.level)"))
        }
        let language = { (l: MatchExplanation.SpokenLanguage) in
            req.t("match.language_at_level", LanguageCode(l.code)?.name(in: req.language) ?? l.code, req.t("profile.language_level.\(l.level.rawValue)"))
        }
        let country = CountryCode(match.organisation.country)?.name(in: req.language) ?? match.organisation.country
        var facts: [MatchCriterion: [String]] = [:]
        facts[.skills] = (e.requiredCovered.isEmpty ? [] : [req.t("match.required_covered", e.requiredCovered.map(skill).joined(separator: ", "))])
            + (e.requiredMissing.isEmpty ? [] : [req.t("match.required_missing",
                                                       e.requiredMissing.map { taxonomy.skill($0)?.labels[req.language] ?? $0 }.joined(separator: ", "))])
            + (e.preferredCovered.isEmpty ? [] : [req.t("match.preferred_covered", e.preferredCovered.map(skill).joined(separator: ", "))])
        facts[.language] = [req.t("match.shared_languages", e.sharedLanguages.map(language).joined(separator: ", "))]
        facts[.region] = [e.knowsCountry ? req.t("match.knows_country", country)
            : e.knownRegion.map { req.t("match.knows_region", country, $0.name(in: req.language)) } ?? req.t("match.new_country", country)]
        let field = { (f: ExperienceField) in req.t("profile.field.\(f.rawValue)") }
        facts[.fields] = (e.sharedFields.isEmpty ? [] : [req.t("match.fields_shared", e.sharedFields.map(field).joined(separator: ", "))])
            + (e.missingFields.isEmpty ? [] : [req.t("match.fields_missing", e.missingFields.map(field).joined(separator: ", "))])
        if let knowsSector = e.knowsSector, let sector = match.need.sector {
            facts[.sector] = [req.t(knowsSector ? "match.sector_known" : "match.sector_new", req.t("work_sector.\(sector.rawValue)"))]
        }
        facts[.availability] = [req.t("match.overlap", String(e.overlapDays), String(e.periodDays))]
        facts[.experience] = [req.t("match.years", String(e.years))]
        let breakdown = match.engagement.breakdown
        return MatchCriterion.allCases.compactMap { c in
            guard let value = breakdown[c.rawValue] else { return nil }
            return Reason(label: req.t("criterion.\(c.rawValue)"), percent: ScoreText.percent(value),
                          width: Int((value * 200).rounded()), facts: facts[c] ?? [])
        }
    }
}
