import ExchangeCore
import Foundation

/// The audit log for coordinators, newest first, filtered by actor, action and subject, a page at a time.
struct AuditLogPage: PageModel {
    static let template = "audit"
    let titleKey = "audit.title"

    /// What the reader filtered on; empty text is no filter.
    struct Filters: Sendable, Equatable {
        var actor = ""
        var action = ""
        var subjectType = ""
        var subjectID = ""

        var queryItems: [URLQueryItem] {
            [("action", action), ("actor", actor), ("subjectID", subjectID), ("subjectType", subjectType)]
                .filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
        }
    }

    struct Row: Encodable, Sendable, Equatable {
        let sequence: Int
        let time: String
        let actor: String
        let action: String
        let subjectType: String
        let subjectID: String
        let reason: String
        let fields: String
    }

    let rows: [Row]
    let hasRows: Bool
    let filters: [String: String]
    let actions: [Option]
    let pager: Pager

    init(entries: [AuditEntryRecord], total: Int, page: Int, filters: Filters, text: some Translating) {
        rows = entries.map {
            Row(sequence: $0.id ?? 0, time: text.dateTime(Date(timeIntervalSince1970: Double($0.timestampMs) / 1000)),
                actor: $0.actor, action: $0.action, subjectType: $0.subjectType, subjectID: $0.subjectID,
                reason: $0.reason, fields: $0.changedFields.replacingOccurrences(of: ",", with: ", "))
        }
        hasRows = !rows.isEmpty
        self.filters = ["actor": filters.actor, "subjectType": filters.subjectType, "subjectID": filters.subjectID]
        actions = AuditAction.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == filters.action) }
        pager = Pager(page: page, path: AuditPageRoute.list.link(), total: total, keep: filters.queryItems, text: text)
    }
}
