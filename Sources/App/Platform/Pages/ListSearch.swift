import ExchangeCore
import Vapor

/// A list page's search box and status filter, read from the query string; unknown values are ignored.
struct ListSearch {
    let text: String
    let status: ParticipationStatus?

    init(_ req: Request) {
        text = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingWhitespace()
        status = (try? req.query.get(String.self, at: "status")).flatMap(ParticipationStatus.init(rawValue:))
    }

    /// The search as query items, for links to other pages of the same list.
    var queryItems: [URLQueryItem] {
        (text.isEmpty ? [] : [URLQueryItem(name: "q", value: text)]) + (status.map { [URLQueryItem(name: "status", value: $0.rawValue)] } ?? [])
    }

    func statusOptions(_ req: Request) -> [Option] {
        Option.cases(ParticipationStatus.allCases, labels: "participation", selected: status?.rawValue, req)
    }
}
