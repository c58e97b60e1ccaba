import Crypto
import ExchangeCore
import SecureReporting
import Vapor

/// Recipients' reports over JSON, with the pages' services: what is not wrapped for the caller is 404, and nothing
/// opens without the key the client holds half of.
struct APIReceivedReportsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIReceivedReportsRoute.unlock, use: unlock)
        routes.on(APIReceivedReportsRoute.list, use: list)
        routes.on(APIReceivedReportsRoute.show, use: show)
        routes.on(APIReceivedReportsRoute.ask, use: ask)
        routes.on(APIReceivedReportsRoute.status, use: status)
    }

    @Sendable func unlock(req: Request) async throws -> Response {
        let password = try req.content.decode(ReaderKeyInput.self).password ?? ""
        let (header, expiresAt) = try await req.registry.recipientKeys.unlockForAPI(for: req.requireUser(), password: password)
        return try await ReaderKeyDTO(readerKey: header, expiresAt: expiresAt).encodeResponse(status: .created, for: req)
    }

    @Sendable func list(req: Request) async throws -> [ReceivedReportSummaryDTO] {
        try await req.registry.reportIntake.received(by: req.requireUser()).map { report in
            ReceivedReportSummaryDTO(id: try report.requireID(), subject: report.context.key, title: report.context.title, status: report.status,
                                     submittedOn: report.submittedOn)
        }
    }

    @Sendable func show(req: Request) async throws -> ReceivedReportDTO {
        let user = try req.requireUser(), id = try req.uuidParameter()
        let key = try await req.apiReaderKey()
        let thread = try await req.registry.reportIntake.read(id, as: user, privateKey: key)
        let (_, questionnaire) = try await req.registry.reportIntake.questionnaire(of: id)
        func answered(_ questions: [ReportQuestion], _ given: [String: Answer]) -> [ReceivedReportDTO.Answered] {
            questions.compactMap { question in
                given[question.id].map { .init(question: question.id, label: question.label[req.language], answer: ReceivedReportPage.words($0, for: question, req)) }
            }
        }
        return ReceivedReportDTO(
            id: id, subject: thread.contextKey, version: thread.versionNumber, status: thread.status, keptUntil: thread.expiresOn,
            answers: answered(questionnaire.reportFields.map(\.field), thread.answers), aboutReporter: answered(questionnaire.demographics, thread.demographics),
            messages: thread.messages.map(ReportMessageDTO.init))
    }

    @Sendable func ask(req: Request) async throws -> HTTPStatus {
        let user = try req.requireUser(), id = try req.uuidParameter()
        let key = try await req.apiReaderKey()
        let text = try req.content.decode(ReportMessageInput.self).text ?? ""
        try await req.registry.reportIntake.ask(id, as: user, privateKey: key, text: text)
        return .noContent
    }

    @Sendable func status(req: Request) async throws -> HTTPStatus {
        let user = try req.requireUser(), id = try req.uuidParameter()
        let key = try await req.apiReaderKey()
        let input = try req.content.decode(ReportStatusInput.self)
        guard let from = input.from else { throw AppError.validation([FieldError("from", .required)]) }
        guard let to = input.to else { throw AppError.validation([FieldError("to", .required)]) }
        try await req.registry.reportIntake.changeStatus(id, from: from, to: to, explanation: input.explanation ?? "", as: user, privateKey: key)
        return .noContent
    }
}
