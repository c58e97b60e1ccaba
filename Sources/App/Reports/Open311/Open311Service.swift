import Crypto
import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// GeoReport v2 over the complaint subjects: services are complaint contexts, a service definition is the current
/// questionnaire, a request is a complaint sent through `ReportIntakeService` with its rules, limits and sealing, and
/// its status is what the complainant could read anyway. Whistleblowing never appears here.
struct Open311Service: Sendable {
    let db: Database
    let intake: ReportIntakeService

    func services(_ text: some Translating) async throws -> [GeoReport.Service] {
        try await complaintContexts().map { context in
            GeoReport.Service(code: context.key, name: context.title[text.language], description: text.t("reporting.open311_service"),
                              group: text.t("reporting.channel.complaint"))
        }
    }

    func definition(of code: String, _ text: some Translating) async throws -> GeoReport.ServiceDefinition {
        let (_, version) = try await current(code)
        return GeoReport.definition(code: code, of: version.questionnaire, in: text.language, regions: WorldRegion.sortedNames(in: text.language),
                                    yesNo: { text.t("reporting.answer.\($0.rawValue)") })
    }

    /// Sends the complaint the pairs describe. With an idempotency key, its receipt is derived from the key and the
    /// body, so a retry finds the complaint the first sending made; without one, each sending is a new complaint.
    func create(_ pairs: [(String, String)], idempotencyKey: String?, _ text: some Translating) async throws -> GeoReport.Created {
        guard let code = pairs.first(where: { $0.0 == "service_code" })?.1, !code.isEmpty else {
            throw AppError.validation([FieldError("service_code", .required)])
        }
        // A body field, not an address: an unknown subject is bad input, as a missing one is.
        let version: QuestionnaireVersion
        do { version = try await current(code).1 } catch AppError.notFound { throw AppError.validation([FieldError("service_code", .invalidChoice)]) }
        let answers = GeoReport.answers(from: pairs, for: version.questionnaire)
        var receipt = Receipt()
        if let idempotencyKey { receipt = Self.receipt(key: idempotencyKey, pairs: pairs, secret: try await intake.formSecret()) }
        let sent: (receipt: Receipt, reportID: UUID)
        do {
            sent = try await intake.send(to: code, answers: answers, regions: Set(WorldRegion.all.map(\.code)), receipt: receipt,
                                         contact: Self.contact(pairs, language: text.language))
        } catch let blocked as ReportBlocked {
            // The questionnaire's own refusal (someone in danger, say), worded for the person sending.
            throw AppError.validationMessages(blocked.reasons.map { ("service_code", $0[text.language]) })
        }
        return GeoReport.Created(id: sent.reportID.uuidString.lowercased(), notice: text.t("reporting.open311_notice", [sent.receipt.description]))
    }

    /// GeoReport's `email`, kept (sealed) for status updates when it is an address; anything else is ignored, as the
    /// other contact fields are.
    static func contact(_ pairs: [(String, String)], language: SupportedLanguage) -> ComplainantContact? {
        guard let raw = pairs.first(where: { $0.0 == "email" })?.1, let email = EmailAddress(raw) else { return nil }
        return ComplainantContact(email: email.value, language: language.rawValue)
    }

    /// The complaints among `ids`, in their order; unknown ids and whistleblowing reports are left out.
    func requests(_ ids: [UUID], _ text: some Translating) async throws -> [GeoReport.Request] {
        guard !ids.isEmpty else { return [] }
        let reports = try await Report.query(on: db).filter(\.$id ~~ ids).with(\.$context).with(\.$authority).all()
            .filter { $0.context.channel == .complaint }
        let byID = Dictionary(reports.compactMap { report in report.id.map { ($0, report) } }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }.map { report in
            GeoReport.Request(id: report.id?.uuidString.lowercased() ?? "", closed: report.status.isClosed,
                              statusNotes: text.t("reporting.status.\(report.status.rawValue)"), serviceName: report.context.title[text.language],
                              serviceCode: report.context.key, agency: report.authority?.name, requested: report.submittedOn,
                              updated: report.closedOn ?? report.firstResponseOn ?? report.submittedOn)
        }
    }

    private func complaintContexts() async throws -> [ReportContext] {
        try await ReportContext.query(on: db).filter(\.$channel == .complaint).sort(\.$key).all()
    }

    /// A complaint subject and its current questionnaire; 404 for anything else, whistleblowing included.
    private func current(_ code: String) async throws -> (ReportContext, QuestionnaireVersion) {
        guard let context = try await ReportContext.query(on: db).filter(\.$key == code).filter(\.$channel == .complaint).first(),
              let version = try await QuestionnaireVersion.current(of: context.requireID(), on: db) else { throw AppError.notFound }
        return (context, version)
    }

    /// HKDF of the key and the body, as a form's nonce: only this installation can compute it, and another body
    /// under the same key is another complaint.
    static func receipt(key: String, pairs: [(String, String)], secret: Data) -> Receipt {
        var body = SHA256()
        for (name, value) in pairs.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) { body.update(data: Data("\(name)=\(value)\u{0}".utf8)) }
        let nonce = Data(SHA256.hash(data: Data("open311\u{0}\(key)\u{0}".utf8) + Data(body.finalize())).prefix(16))
        return Receipt(formNonce: nonce, key: ReportKDF.expand(SymmetricKey(data: secret), label: ReportKDF.Label.formReceipt))
    }
}
