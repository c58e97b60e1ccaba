import ExchangeCore
import Fluent
import Vapor

/// Programme staff shape what the programme measures: extra questions for each stage's questionnaire (the KPI
/// questions are fixed), and evidence for the six success indicators, which evaluators and analysts read.
struct ProgrammeSettingsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ProgrammeSettingsRoute.indicators, use: indicators)
        routes.on(ProgrammeSettingsRoute.addEvidence, use: addEvidence)
        routes.on(ProgrammeSettingsRoute.questionnaires, use: questionnaires)
        routes.on(ProgrammeSettingsRoute.addQuestion, use: addQuestion)
        routes.on(ProgrammeSettingsRoute.removeQuestion, use: removeQuestion)
    }

    // MARK: - Success indicators

    @Sendable func indicators(req: Request) async throws -> View {
        try req.authorize(.read, .programmeReports)
        return try await indicatorsPage(req, values: [:], errors: [])
    }

    @Sendable func addEvidence(req: Request) async throws -> Response {
        try req.authorize(.create, .programmeSettings)
        struct Form: Content { var indicator: String?; var statement: String?; var links: String? }
        let form = try req.content.decode(Form.self)
        let (evidence, errors) = SuccessEvidence.parse(indicator: form.indicator, statement: form.statement, links: form.links)
        guard let evidence else {
            return try await indicatorsPage(req, values: ["indicator": form.indicator ?? "", "statement": form.statement ?? "", "links": form.links ?? ""],
                                            errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let user = try req.requireUser()
        try await req.application.auditLog.transaction(on: req.db, actor: .user(user.requireID())) { scope in
            try await SuccessEvidenceRecord(evidence, by: user.requireID(), now: req.application.clock.now()).create(on: scope.db)
            try await scope.record(.indicatorEvidence, .programme(), changes: ["indicator": evidence.indicator.rawValue, "links": String(evidence.links.count)])
        }
        req.flash("indicators.added")
        return req.redirect(to: ProgrammeSettingsRoute.indicators.link())
    }

    private func indicatorsPage(_ req: Request, values: [String: String], errors: [FieldError]) async throws -> View {
        let records = try await SuccessEvidenceRecord.query(on: req.db).with(\.$recorder).sort(\.$recordedAt, .descending).all()
        return try await req.page(IndicatorsPage(records: records, canAdd: req.principal!.role.managesProgramme, values: values, errors: errors, text: req))
    }

    // MARK: - Questionnaire builder

    @Sendable func questionnaires(req: Request) async throws -> View {
        try req.authorize(.update, .programmeSettings)
        return try await builderPage(req, values: ["required": "on"], errors: [])
    }

    @Sendable func addQuestion(req: Request) async throws -> Response {
        try req.authorize(.update, .programmeSettings)
        let fields = try req.content.decode([String: String].self)
        let stage = fields["stage"].flatMap(EvaluationStage.init(rawValue:))
        let draft = QuestionDraft(kind: fields["kind"], required: fields["required"] == "on", audience: fields["audience"], promptEN: fields["prompt_en"],
                                  promptFR: fields["prompt_fr"], promptES: fields["prompt_es"], choices: fields["choices"])
        // The id is given inside the transaction; validation does not depend on it.
        var (question, errors) = draft.validate(id: "custom_0")
        if stage == nil { errors.insert(FieldError("stage", .invalidChoice), at: 0) }
        guard let question, let stage, errors.isEmpty else {
            return try await builderPage(req, values: fields, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await edit(stage, req) { questions in
            // A second click, or a second coordinator, adding the same question adds nothing.
            guard !questions.contains(where: { $0.prompt == question.prompt && $0.audience == question.audience }) else {
                throw AppError.conflict(code: "question_exists")
            }
            var added = question
            added.id = "custom_\((questions.compactMap { Int($0.id.replacingOccurrences(of: "custom_", with: "")) }.max() ?? 0) + 1)"
            questions.append(added)
        }
        req.flash("questionnaires.added")
        return req.redirect(to: ProgrammeSettingsRoute.questionnaires.link())
    }

    @Sendable func removeQuestion(req: Request) async throws -> Response {
        try req.authorize(.update, .programmeSettings)
        guard let stage = req.parameters.get("stage").flatMap(EvaluationStage.init(rawValue:)), let id = req.parameters.get("question")
        else { throw AppError.notFound }
        try await edit(stage, req) { questions in
            guard questions.contains(where: { $0.id == id }) else { throw AppError.notFound }
            questions.removeAll { $0.id == id }
        }
        req.flash("questionnaires.removed")
        return req.redirect(to: ProgrammeSettingsRoute.questionnaires.link())
    }

    /// Changes the stage's added questions as stored inside the transaction. Rounds already sent keep the
    /// questionnaire they were sent with.
    private func edit(_ stage: EvaluationStage, _ req: Request,
                      _ change: @escaping @Sendable (inout [Question]) throws -> Void) async throws {
        let user = try req.requireUser()
        try await req.application.auditLog.transaction(on: req.db, actor: .user(user.requireID())) { scope in
            let stored = try await QuestionnaireExtras.query(on: scope.db).filter(\.$stage == stage).first()
            var questions = stored?.questions ?? []
            try change(&questions)
            let extras = stored ?? QuestionnaireExtras()
            extras.stage = stage
            extras.questions = questions
            extras.updatedBy = try user.requireID()
            extras.updatedAt = req.application.clock.now()
            try await extras.save(on: scope.db)
            try await scope.record(.questionnaireEdit, .programme(), changes: ["stage": stage.rawValue, "questions": questions.map(\.id).joined(separator: ",")])
        }
    }

    private func builderPage(_ req: Request, values: [String: String], errors: [FieldError]) async throws -> View {
        let stored = try await QuestionnaireExtras.query(on: req.db).all()
        let extras = Dictionary(stored.map { ($0.stage, $0.questions) }, uniquingKeysWith: { first, _ in first })
        return try await req.page(QuestionnaireBuilderPage(extras: extras, values: values, errors: errors, text: req))
    }
}
