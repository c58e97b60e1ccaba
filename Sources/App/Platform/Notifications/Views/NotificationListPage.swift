import ExchangeCore
import Foundation

/// A person's notifications, newest first, in the reader's language.
struct NotificationListPage: PageModel {
    static let template = "notifications"
    let titleKey = "notifications.title"

    struct Item: Encodable, Sendable, Equatable {
        let id: String
        let text: String
        let link: String?
        let created: String
        let unread: Bool
    }

    let items: [Item]
    let hasItems: Bool

    init(notifications: [UserNotification], text: some Translating) throws {
        items = try notifications.map {
            Item(id: try $0.requireID().pathSegment, text: text.t($0.messageKey, $0.arguments), link: $0.link, created: text.day($0.createdAt),
                 unread: $0.readAt == nil)
        }
        hasItems = !items.isEmpty
    }
}
