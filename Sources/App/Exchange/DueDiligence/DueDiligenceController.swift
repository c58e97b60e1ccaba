import ExchangeCore
import Fluent
import Vapor

/// The coordinators' due-diligence review of a match: checklist, declarations, signals and the decision.
struct DueDiligenceController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(DueDiligenceRoute.open, use: open)
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

    // MARK: - Review page

    @Sendable func review(req: Request) async throws -> View {
        try await reviewPage(req, try await load(req), values: [:], errors: [])
    }

    private func reviewPage(_ req: Request, _ match: ProposedMatches.Loaded, values: [String: String], errors: [FieldError]) async throws -> View {
        let review = try await req.registry.dueDiligence.review(match)
        return try await req.page(DueDiligenceReviewPage(
            match: try match.heading, state: match.engagement.state.dueDiligence, checklist: review.checklist,
            declarations: review.declarations.mapValues { .init(declaration: $0.declaration, on: $0.declaredAt) },
            signals: review.signals, decisions: review.decisions, reader: try req.requireUser().requireID(),
            alternates: try await Alternates(db: req.db).options(for: match, selected: values["alternative"]),
            lookbackYears: req.application.configuration.conflictLookbackYears, values: values, errors: errors, text: req))
    }

    // MARK: - Checklist items

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
        try await req.page(ChecklistItemPage(match: try match.engagement.requireID(), item: item, status: form.status, notes: form.notes ?? "",
                                             links: form.links ?? "", errors: errors, text: req))
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
