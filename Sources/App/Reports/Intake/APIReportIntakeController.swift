import ExchangeCore
import Fluent
import SecureReporting
import Vapor

/// Reporting over JSON with the pages' services: the same form token, the same receipt, the same rules.
struct APIReportIntakeController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIReportIntakeRoute.subjects, use: subjects)
        routes.on(APIReportIntakeRoute.form, use: form)
        routes.on(APIReportIntakeRoute.submit, use: submit)
        routes.on(APIReportIntakeRoute.followUp, use: followUp)
        routes.on(APIReportIntakeRoute.reply, use: reply)
    }

    @Sendable func subjects(req: Request) async throws -> [ReportingSubjectDTO] {
        try await ReportContext.query(on: req.db).sort(\.$key).all().map { ReportingSubjectDTO(key: $0.key, channel: $0.channel, title: $0.title) }
    }

    @Sendable func form(req: Request) async throws -> ReportingFormDTO {
        let (context, version) = try await ReportIntakeController.load(req)
        let token = ReportFormToken.issue(now: req.application.clock.now()).text(context: context.key, secret: try await req.registry.reportIntake.formSecret())
        return ReportingFormDTO(key: context.key, channel: context.channel, title: context.title, version: version.number,
                                questionnaire: QuestionnaireDocument(version.questionnaire), token: token,
                                offersIdentity: try await req.registry.reportIdentity.canKeep(), offersUpdates: context.channel == .complaint)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let (context, _) = try await ReportIntakeController.load(req)
        let answers = try req.content.decode(ReportSubmissionInput.self).form
        let secret = try await req.registry.reportIntake.formSecret()
        guard let token = ReportFormToken.verify(answers.token, context: context.key, secret: secret, now: req.application.clock.now()) else {
            throw AppError.conflict(code: "report_form_expired")
        }
        do {
            let receipt = try await req.registry.reportIntake.submit(to: context.key, answers: answers.report, regions: Set(WorldRegion.all.map(\.code)),
                                                                     receipt: token.receipt(secret: secret), identity: try answers.identity(),
                                                                     contact: try answers.contact(language: req.language))
            return try await ReportReceiptDTO(receipt: receipt.description).encodeResponse(status: .created, for: req)
        } catch let blocked as ReportBlocked {
            throw AppError.validationMessages(blocked.reasons.map { (field: "answers", reason: $0[req.language]) })
        }
    }

    @Sendable func followUp(req: Request) async throws -> ReporterThreadDTO {
        let receipt = try req.content.decode(ReceiptInput.self).receipt ?? ""
        return try await thread(req, receipt: receipt)
    }

    @Sendable func reply(req: Request) async throws -> HTTPStatus {
        let input = try req.content.decode(ReporterReplyInput.self)
        let secret = try await req.registry.reportIntake.formSecret()
        guard let token = ReportFormToken.verify(input.token, context: ReportFormToken.replyContext, secret: secret, now: req.application.clock.now()) else {
            throw AppError.conflict(code: "report_form_expired")
        }
        try await req.registry.reportIntake.reply(receipt: input.receipt ?? "", text: input.text ?? "", messageID: token.messageID(secret: secret))
        return .noContent
    }

    private func thread(_ req: Request, receipt: String) async throws -> ReporterThreadDTO {
        let thread = try await req.registry.reportIntake.open(receipt: receipt)
        let token = ReportFormToken.issue(now: req.application.clock.now()).text(context: ReportFormToken.replyContext,
                                                                                  secret: try await req.registry.reportIntake.formSecret())
        return ReporterThreadDTO(status: thread.status, messages: thread.messages.map(ReportMessageDTO.init), replyToken: token)
    }
}
