import ExchangeCore
import Foundation
import SecureReporting

/// The reports wrapped for the reader, and what they need first: a key pair, or unlocking it for this session.
struct ReceivedReportsPage: PageModel {
    static let template = "received_reports"
    let titleKey = "reports.title"

    struct Summary: Sendable { let id: UUID; let title: LocalizedText; let status: ComplaintStatus; let submittedOn: Date }
    struct Row: Encodable, Sendable, Equatable { let href: String; let title: String; let status: String; let day: String }

    let rows: [Row]
    /// Redacted copies other organisations forwarded to the reader.
    let copies: [Row]
    /// No key pair yet: the page offers to make one.
    let needsKey: Bool
    /// A key pair, locked in this session: the page asks for the password.
    let needsUnlock: Bool
    let createAction: String
    let unlockAction: String
    /// The parties the reader declared a conflict with; reports naming one are not wrapped for them.
    struct Conflict: Encodable, Sendable, Equatable { let party: String; let withdrawAction: String }
    let conflicts: [Conflict]
    let declareAction: String
    let form: FormState

    init(reports: [Summary], copies forwarded: [Summary] = [], conflicts declared: [(id: UUID, party: String)] = [], holdsKey: Bool, unlocked: Bool,
         form: FormState, text: some Translating) {
        rows = reports.map {
            Row(href: ReceivedReportsRoute.show.link($0.id), title: $0.title[text.language], status: text.t("reporting.status.\($0.status.rawValue)"),
                day: text.day($0.submittedOn))
        }
        copies = forwarded.map { Row(href: ForwardRoute.show.link($0.id), title: $0.title[text.language], status: text.t("forward.copy"), day: text.day($0.submittedOn)) }
        (needsKey, needsUnlock) = (!holdsKey, holdsKey && !unlocked)
        (createAction, unlockAction) = (ReceivedReportsRoute.createKey.link(), ReceivedReportsRoute.unlock.link())
        conflicts = declared.map { Conflict(party: $0.party, withdrawAction: ReaderConflictRoute.withdraw.link($0.id)) }
        declareAction = ReaderConflictRoute.declare.link()
        self.form = form
    }
}

/// The recovery key, shown once after the key pair is made.
struct RecoveryKeyPage: PageModel {
    static let template = "recovery_key"
    let titleKey = "reports.recovery_title"
    let recovery: String
    let listHref: String

    init(recovery: String, text: some Translating) {
        self.recovery = recovery
        listHref = ReceivedReportsRoute.list.link()
    }
}

/// One report opened for a recipient: its answers, named by the questionnaire it was answered on, and its thread.
struct ReceivedReportPage: PageModel {
    static let template = "received_report"
    let titleKey = "reports.report_title"

    struct Answered: Encodable, Sendable, Equatable { let question: String; let answer: String }
    struct Message: Encodable, Sendable, Equatable { let from: String; let day: String; let text: String; let files: [FileLink] }
    /// A file sent with a message: downloaded opened, never shown in the page.
    struct FileLink: Encodable, Sendable, Equatable { let href: String; let label: String }

    let heading: String
    let status: String
    let answers: [Answered]
    let aboutReporter: [Answered]
    let messages: [Message]
    let askAction: String
    let statusAction: String
    /// The current status, sent back with a move so a move made meanwhile is refused.
    let currentStatus: String
    /// Where the report may go next; empty once it is closed.
    let nextStatuses: [Option]
    let listHref: String
    let keptUntil: String
    let retentionAction: String
    let recuseAction: String
    let forwardHref: String
    /// The redacted copies made of it: where each went, when, and how much was withheld.
    let forwardsSent: [String]
    let form: FormState

    /// The sealed identity as this reader stands with it: absent, sealed (with the request form), asked, declined, or
    /// opened to them.
    struct Identity: Encodable, Sendable, Equatable {
        let state: String
        let said: String?
        let name: String?
        let contact: String?
        let requestAction: String
    }
    let identity: Identity?

    init(thread: ReportThread, title: LocalizedText, questionnaire: ReportQuestionnaire, identity standing: ReportIdentityService.Standing = .none,
         sent: [ReportForwardingService.Sent] = [], form: FormState, text: some Translating) {
        heading = title[text.language]
        status = text.t("reporting.status.\(thread.status.rawValue)")
        func rows(_ questions: [ReportQuestion], _ given: [String: Answer]) -> [Answered] {
            questions.compactMap { q in given[q.id].map { Answered(question: q.label[text.language], answer: Self.words($0, for: q, text)) } }
        }
        answers = rows(questionnaire.reportFields.map(\.field), thread.answers)
        aboutReporter = rows(questionnaire.demographics, thread.demographics)
        messages = thread.messages.map {
            Message(from: text.t($0.fromWhistleblower ? "reports.from_reporter" : "reports.from_handlers"), day: text.day($0.day), text: $0.said(text),
                    files: $0.files.map { FileLink(href: ReceivedReportsRoute.file.link(thread.reportID, $0.id),
                                                   label: text.t("reporting.file_entry", [$0.name, text.fileSize($0.sealedBytes)])) })
        }
        askAction = ReceivedReportsRoute.ask.link(thread.reportID)
        statusAction = ReceivedReportsRoute.status.link(thread.reportID)
        currentStatus = thread.status.rawValue
        nextStatuses = thread.status.next.map { Option(value: $0.rawValue, label: text.t("reporting.status.\($0.rawValue)"), selected: form.values["status"] == $0.rawValue) }
        listHref = ReceivedReportsRoute.list.link()
        keptUntil = text.t("reports.kept_until", text.day(thread.expiresOn))
        retentionAction = ReceivedReportsRoute.retention.link(thread.reportID)
        recuseAction = ReceivedReportsRoute.recuse.link(thread.reportID)
        forwardHref = ForwardRoute.form.link(thread.reportID)
        forwardsSent = sent.map { text.t("forward.sent_entry", [$0.organisation, text.day($0.forwardedOn), text.number($0.withheld)]) }
        let requestAction = IdentityRoute.request.link(thread.reportID)
        identity = switch standing {
        case .none: nil
        case .sealed: Identity(state: "sealed", said: nil, name: nil, contact: nil, requestAction: requestAction)
        case .pending: Identity(state: "pending", said: nil, name: nil, contact: nil, requestAction: requestAction)
        case .declined(let note): Identity(state: "declined", said: note, name: nil, contact: nil, requestAction: requestAction)
        case .revealed(let person): Identity(state: "revealed", said: nil, name: person.name, contact: person.contact, requestAction: requestAction)
        }
        self.form = form
    }

    /// An answer in the reader's words: option labels, a day, a number, a region's name.
    static func words(_ answer: Answer, for question: ReportQuestion, _ text: some Translating) -> String {
        switch answer {
        case .text(let value): value
        case .choices(let ids): ids.map { id in question.options.first { $0.id == id }?.label[text.language] ?? id }.joined(separator: ", ")
        case .date(let day): text.day(day)
        case .amount(let amount): amount.formatted(.number.locale(text.locale))
        case .location(.region(let code)): WorldRegion(code).map { $0.name(in: text.language) } ?? code
        case .location(.point(let latitude, let longitude)): "\(latitude), \(longitude)"
        case .files(let files): text.number(files.count)
        case .yesNo(let yes): text.t("reporting.answer.\(yes ? "yes" : "no")")
        }
    }
}
