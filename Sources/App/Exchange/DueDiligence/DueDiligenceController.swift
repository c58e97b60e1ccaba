import ExchangeCore
import Fluent
import Vapor

/// The coordinators' due-diligence review of a match: checklist, declarations, signals and the decision.
struct DueDiligenceController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(DueDiligenceRoute.open, use: open)
        routes.on(DueDiligenceRoute.cancel, use: cancel)
        routes.on(DueDiligenceRoute.review, use: review)
        routes.on(DueDiligenceRoute.itemForm, use: itemForm)
        routes.on(DueDiligenceRoute.saveItem, use: saveItem)
        routes.on(DueDiligenceRoute.decide, use: decide)
        routes.on(DueDiligenceRoute.answerWaiver, use: answerWaiver)
    }

    private func load(_ req: Request) async throws -> ProposedMatches.Loaded {
        try await ProposedMatches(req: req).loadForReview(try req.uuidParameter())
    }

    // MARK: - Stage steps

    @Sendable func open(req: Request) async throws -> Response {
        let match = try await load(req)
        try await req.registry.dueDiligence.open(match, by: try req.requireUser())
        req.flash("due_diligence.opened")
        return req.redirect(to: DueDiligenceRoute.review.link(try match.engagement.requireID()))
    }

    struct CancelForm: Content { var reason: String? }

    @Sendable func cancel(req: Request) async throws -> Response {
        let match = try await load(req)
        let reason = try req.content.decode(CancelForm.self).reason ?? ""
        return try await req.formAgainIfInvalid {
            try await req.registry.engagements.cancel(match, reason: reason, by: try req.requireUser())
            req.flash("engagement.cancelled")
            return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
        } form: { errors in
            try await MatchController.showPage(req, match, errors: errors, values: ["reason": reason])
        }
    }

    // MARK: - Review page

    struct ItemRow: Encodable {
        let label: String
        let status: String
        let notes: String
        let links: [String]
        let href: String?
    }

    struct AnswerRow: Encodable {
        let question: String
        let declared: Bool
        let details: String
    }

    struct DeclarationView: Encodable {
        let party: String
        let filedOn: String?
        let answers: [AnswerRow]
    }

    struct DecisionRow: Encodable {
        let outcome: String
        let status: String
        let text: String
        let mitigation: String?
        let date: String
    }

    struct ReviewPage: Encodable {
        let matchHref: String
        let waiverAction: String
        let decisionAction: String
        let needTitle: String
        let organisation: String
        let expert: String
        let status: String
        let isOpen: Bool
        let items: [ItemRow]
        let declarations: [DeclarationView]
        let signals: [String]
        let decisions: [DecisionRow]
        let waiver: DecisionRow?
        let canApproveWaiver: Bool
        let outcomes: [Option]
        let alternates: [Option]
        let form: FormState
    }

    @Sendable func review(req: Request) async throws -> View {
        try await reviewPage(req, try await load(req), values: [:], errors: [])
    }

    private func reviewPage(_ req: Request, _ match: ProposedMatches.Loaded, values: [String: String], errors: [FieldError]) async throws -> View {
        let review = try await req.registry.dueDiligence.review(match)
        let id = try match.engagement.requireID()
        let isOpen = match.engagement.state.dueDiligence == .open
        let items = DueDiligenceItem.allCases.map { item in
            let entry = review.checklist[item]
            return ItemRow(label: req.t("due_diligence.item.\(item.rawValue)"), status: req.t("due_diligence.status.\(entry.status.rawValue)"),
                           notes: entry.notes, links: entry.links,
                           href: isOpen ? DueDiligenceRoute.itemForm.link(id, item) : nil)
        }
        let years = String(req.application.configuration.conflictLookbackYears)
        let declarations = DeclaringParty.allCases.map { party in
            let record = review.declarations[party]
            return DeclarationView(party: req.t("declaration.party.\(party.rawValue)"), filedOn: record.map { CalendarDay.text($0.declaredAt) },
                                   answers: ConflictQuestion.allCases.compactMap { q in
                                       record?.declaration.answers[q].map {
                                           AnswerRow(question: req.t("declaration.question.\(q.rawValue)", years), declared: $0.declared, details: $0.details)
                                       }
                                   })
        }
        let user = try req.requireUser()
        let alternates = try await Alternates(db: req.db).options(for: match, selected: values["alternative"])
        return try await req.page("due_diligence", title: "due_diligence.title", ReviewPage(
            matchHref: MatchRoute.show.link(id), waiverAction: DueDiligenceRoute.answerWaiver.link(id),
            decisionAction: DueDiligenceRoute.decide.link(id), needTitle: match.need.title, organisation: match.organisation.name,
            expert: match.expert.fullName, status: req.t("due_diligence.state.\(match.engagement.state.dueDiligence.rawValue)"),
            isOpen: isOpen, items: items, declarations: declarations,
            signals: review.signals.map { SignalText.describe($0, req) },
            decisions: review.decisions.filter { $0.status != .awaitingApproval }.map { Self.row($0, req) },
            waiver: review.pendingWaiver.map { Self.row($0, req) },
            canApproveWaiver: review.pendingWaiver.map { $0.requestedBy != user.id } ?? false,
            outcomes: Option.cases(DueDiligenceOutcome.allCases, labels: "due_diligence.outcome", selected: values["outcome"], req),
            alternates: alternates,
            form: FormState(values: values, errors: errors, on: req)))
    }

    static func row(_ decision: DueDiligenceDecision, _ req: Request) -> DecisionRow {
        DecisionRow(outcome: req.t("due_diligence.outcome.\(decision.outcome.rawValue)"),
                    status: req.t("due_diligence.decision_status.\(decision.status.rawValue)"),
                    text: decision.text, mitigation: decision.mitigation, date: CalendarDay.text(decision.decidedAt ?? decision.requestedAt))
    }

    // MARK: - Checklist items

    struct ItemPage: Encodable {
        let reviewHref: String
        let action: String
        let item: String
        let hint: String
        let statuses: [Option]
        let form: FormState
    }

    struct ItemForm: Content {
        var status: String?
        var notes: String?
        var links: String?
    }

    @Sendable func itemForm(req: Request) async throws -> View {
        let match = try await load(req)
        let item = try Self.item(req)
        let entry = try await req.registry.dueDiligence.review(match).checklist[item]
        return try await itemPage(req, match, item, ItemForm(status: entry.status.rawValue, notes: entry.notes,
                                                             links: entry.links.joined(separator: "\n")), errors: [])
    }

    @Sendable func saveItem(req: Request) async throws -> Response {
        let match = try await load(req)
        let item = try Self.item(req)
        let form = try req.content.decode(ItemForm.self)
        let (entry, errors) = ChecklistEntry.parse(status: form.status, notes: form.notes, links: form.links)
        guard errors.isEmpty else {
            return try await itemPage(req, match, item, form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.registry.dueDiligence.record(item, entry, on: match, by: try req.requireUser())
        req.flash("due_diligence.item_saved", req.t("due_diligence.item.\(item.rawValue)"))
        return req.redirect(to: DueDiligenceRoute.review.link(try match.engagement.requireID()))
    }

    private static func item(_ req: Request) throws -> DueDiligenceItem {
        guard let raw = req.parameters.get("item"), let item = DueDiligenceItem(rawValue: raw) else { throw AppError.notFound }
        return item
    }

    private func itemPage(_ req: Request, _ match: ProposedMatches.Loaded, _ item: DueDiligenceItem, _ form: ItemForm,
                          errors: [FieldError]) async throws -> View {
        let review = DueDiligenceRoute.review.link(try match.engagement.requireID())
        return try await req.page("due_diligence_item", title: "due_diligence.item_title", ItemPage(
            reviewHref: review, action: DueDiligenceRoute.saveItem.link(try match.engagement.requireID(), item), item: req.t("due_diligence.item.\(item.rawValue)"),
            hint: req.t("due_diligence.hint.\(item.rawValue)"),
            statuses: Option.cases(ChecklistStatus.allCases, labels: "due_diligence.status", selected: form.status, req),
            form: FormState(values: ["notes": form.notes ?? "", "links": form.links ?? ""], errors: errors, on: req)))
    }

    // MARK: - Decision

    struct DecisionForm: Content {
        var outcome: String?
        var text: String?
        var mitigation: String?
        var alternative: String?

        var values: [String: String] {
            ["outcome": outcome ?? "", "text": text ?? "", "mitigation": mitigation ?? "", "alternative": alternative ?? ""]
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let match = try await load(req)
        let form = try req.content.decode(DecisionForm.self)
        var validator = Validator()
        let outcome = validator.choice("outcome", form.outcome, as: DueDiligenceOutcome.self)
        let alternative = form.alternative.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
        if let raw = form.alternative, !raw.isEmpty, alternative == nil { validator.add("alternative", .invalidChoice) }
        return try await req.formAgainIfInvalid {
            guard let outcome, validator.isValid else { throw AppError.validation(validator.errors) }
            try await req.registry.dueDiligence.decide(outcome, text: form.text ?? "", mitigation: form.mitigation ?? "", alternative: alternative,
                                              on: match, by: try req.requireUser())
            req.flash(outcome == .mitigated ? "due_diligence.waiver_requested" : "due_diligence.decided")
            return req.redirect(to: DueDiligenceRoute.review.link(try match.engagement.requireID()))
        } form: { errors in
            try await reviewPage(req, match, values: form.values, errors: errors)
        }
    }

    struct WaiverForm: Content {
        var answer: String?
        var note: String?
    }

    @Sendable func answerWaiver(req: Request) async throws -> Response {
        let match = try await load(req)
        let form = try req.content.decode(WaiverForm.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.dueDiligence.answerWaiver(approve: form.answer == "approve", note: form.note ?? "", on: match,
                                                    by: try req.requireUser())
            req.flash(form.answer == "approve" ? "due_diligence.waiver_approved" : "due_diligence.waiver_declined")
            return req.redirect(to: DueDiligenceRoute.review.link(try match.engagement.requireID()))
        } form: { errors in
            try await reviewPage(req, match, values: ["note": form.note ?? ""], errors: errors)
        }
    }
}
