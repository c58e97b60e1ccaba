import ExchangeCore
import Vapor

/// A list page's search box and status filter, read from the query string; unknown values are ignored.
struct ListSearch: Sendable {
    let text: String
    let status: ParticipationStatus?

    init(_ req: Request) {
        self.init(text: (try? req.query.get(String.self, at: "q")) ?? "",
                  status: (try? req.query.get(String.self, at: "status")).flatMap(ParticipationStatus.init(rawValue:)))
    }

    init(text: String = "", status: ParticipationStatus? = nil) {
        self.text = text.trimmingWhitespace()
        self.status = status
    }

    /// The search as query items, for links to other pages of the same list.
    var queryItems: [URLQueryItem] {
        (text.isEmpty ? [] : [URLQueryItem(name: "q", value: text)]) + (status.map { [URLQueryItem(name: "status", value: $0.rawValue)] } ?? [])
    }

    func statusOptions(_ req: some Translating) -> [Option] {
        Option.cases(ParticipationStatus.allCases, labels: "participation", selected: status?.rawValue, req)
    }
}
