import ExchangeCore
import Foundation
import SecureReporting

/// The requests a custodian may decide: who asks, for which report's subject, why and since when.
struct IdentityRequestsPage: PageModel {
    static let template = "identity_requests"
    let titleKey = "identity.title"

    struct Row: Encodable, Sendable, Equatable {
        let action: String
        let requester: String
        let subject: String
        let reason: String
        let day: String
        let prefix: String
    }

    struct Pending: Sendable {
        let id: UUID
        let requester: String
        let subject: LocalizedText
        let reason: String
        let requestedAt: Date
    }

    let rows: [Row]
    /// The custodian's own key is locked in this session: deciding needs it open.
    let needsUnlock: Bool
    let unlockHref: String
    let form: FormState

    init(pending: [Pending], unlocked: Bool, form: FormState, text: some Translating) {
        rows = pending.map {
            Row(action: IdentityRoute.decide.link($0.id), requester: $0.requester, subject: $0.subject[text.language], reason: $0.reason,
                day: text.day($0.requestedAt), prefix: "r\($0.id.uuidString.prefix(8).lowercased())")
        }
        (needsUnlock, unlockHref, self.form) = (!unlocked, ReceivedReportsRoute.list.link(), form)
    }
}
