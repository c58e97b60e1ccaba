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

    func statusOptions(_ req: Request) -> [Option] {
        ParticipationStatus.allCases.map { Option(value: $0.rawValue, label: req.t("participation.\($0.rawValue)"), selected: $0 == status) }
    }
}
