import Fluent
import SQLKit
import Foundation

/// An in-app notice for one person. The text is a catalog key so it shows in the reader's current language.
final class UserNotification: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "message_key") var messageKey: String
    /// Positional arguments for the message (JSON, M035).
    @Field(key: "arguments") var storedArguments: JSONList<String>
    @OptionalField(key: "link") var link: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(id: UUID, userID: UUID, messageKey: String, arguments: [String], link: String?, now: Date) {
        self.id = id
        self.$user.id = userID
        self.messageKey = messageKey
        self.storedArguments = JSONList(arguments)
        self.link = link
        self.createdAt = now
    }

    var arguments: [String] { storedArguments.items }
}

extension UserNotification {
    /// The badge in every signed-in page's header: a plain count, without building a query from the model.
    static func unreadCount(of userID: UUID, on db: SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(schema)
            .where("user_id", .equal, SQLBind(userID)).where("read_at", .is, SQLLiteral.null)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Marks those of `ids` still unread as read at `now`; returns how many it marked.
    static func markRead(_ ids: [UUID], at now: Date, on db: Database) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let marked = try await db.sql.update(schema).set("read_at", to: SQLBind(now))
            .where("id", .in, SQLBind.group(ids)).where("read_at", .is, SQLLiteral.null)
            .returning("id").all()
        return marked.count
    }
}
