import ExchangeCore
import Fluent
import Vapor

/// "Waiting for you" and "Waiting for others", each item with its message in the reader's language.
struct InboxDTO: Content {
    struct Waiting: Content, Equatable {
        let kind: String
        let message: String
        let link: String
    }

    struct Other: Content, Equatable {
        let kind: String
        let message: String
        let link: String
        let heldBy: [String]
    }

    let waiting: [Waiting]
    let others: [Other]
}

extension InboxDTO {
    init(for principal: Principal, on db: Database, today: CalendarDate, text: some Translating) async throws {
        let waiting = try await Inbox(db: db, today: today).items(for: principal)
        let others = try await WaitingOnOthers(db: db).items(for: principal)
        let sentences = DashboardPage.others(others, text: text)
        self.init(
            waiting: waiting.map { Waiting(kind: String($0.key.dropFirst("inbox.".count)), message: text.t($0.key, $0.subject), link: $0.href) },
            others: zip(others, sentences).map {
                Other(kind: String($0.key.dropFirst("waiting.".count)), message: $1.text, link: $1.href, heldBy: $0.holders.map(\.rawValue))
            })
    }
}
