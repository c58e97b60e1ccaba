import ExchangeCore
import Foundation
import SecureReporting

/// A new reporting subject: its key in addresses, its channel and its title in the three languages.
struct ReportContextDraft: Sendable, Equatable {
    let key: String
    let channel: ReportChannel
    let title: LocalizedText

    /// Keys name a subject in addresses (`/reporting/new/<key>`), so they are short, lower-case and stable.
    static func isValidKey(_ key: String) -> Bool {
        (3...60).contains(key.count) && key.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && key.first != "-" && key.last != "-"
    }

    /// Reads the new-subject form: `key`, `channel`, `title_en`, `title_fr`, `title_es`.
    static func read(_ values: [String: String]) throws -> ReportContextDraft {
        var v = Validator()
        let key = v.text("key", values["key"], maxLength: 60).lowercased()
        if !key.isEmpty && !isValidKey(key) { v.add("key", .invalidKey) }
        let channel = ReportChannel(rawValue: values["channel"] ?? "")
        if channel == nil { v.add("channel", .required) }
        let title = LocalizedText(en: v.text("title_en", values["title_en"]), fr: v.text("title_fr", values["title_fr"]),
                                  es: v.text("title_es", values["title_es"]))
        guard v.isValid, let channel else { throw AppError.validation(v.errors) }
        return ReportContextDraft(key: key, channel: channel, title: title)
    }
}

/// Who receives a subject's reports and how long they are kept.
struct ReportContextSettings: Sendable, Equatable {
    static let retention = 30...3650
    /// The settings form offers this many empty recipient rows below the filled ones.
    static let blankRows = 2

    let recipients: [ReportContext.Recipient]
    let retentionDays: Int

    /// Reads the settings form: `retention_days`, and rows `recipient_key_<i>` and `recipient_organisation_<i>`; an
    /// empty row is skipped. `organisations` are those a row may name.
    static func read(_ values: [String: String], organisations: Set<UUID>) throws -> ReportContextSettings {
        var v = Validator()
        let days = Int(values["retention_days"]?.trimmingWhitespace() ?? "")
        if days == nil { v.add("retention_days", .notANumber) } else if !retention.contains(days!) { v.add("retention_days", .outOfRange) }
        var recipients: [ReportContext.Recipient] = []
        for row in rows(values) {
            let key = (values["recipient_key_\(row)"] ?? "").trimmingWhitespace().lowercased()
            let organisation = (values["recipient_organisation_\(row)"] ?? "").trimmingWhitespace()
            if key.isEmpty && organisation.isEmpty { continue }
            if !ReportContextDraft.isValidKey(key) { v.add("recipient_key_\(row)", key.isEmpty ? .required : .invalidKey) }
            guard let id = UUID(uuidString: organisation), organisations.contains(id) else {
                v.add("recipient_organisation_\(row)", organisation.isEmpty ? .required : .invalidChoice); continue
            }
            let recipient = ReportContext.Recipient(key: key, organisationID: id)
            if recipients.contains(recipient) { v.add("recipient_organisation_\(row)", .nameTaken) } else { recipients.append(recipient) }
        }
        guard v.isValid, let days else { throw AppError.validation(v.errors) }
        return ReportContextSettings(recipients: recipients, retentionDays: days)
    }

    /// The row numbers the form sent, in order.
    static func rows(_ values: [String: String]) -> [Int] {
        Set(values.keys.compactMap { key in
            ["recipient_key_", "recipient_organisation_"].lazy.compactMap { key.hasPrefix($0) ? Int(key.dropFirst($0.count)) : nil }.first
        }).sorted()
    }
}
