import ExchangeCore
import Foundation

/// One typed answer, as it is sealed into a report.
public enum Answer: Codable, Equatable, Sendable {
    case text(String)
    case choices([String])
    case date(CalendarDate)
    case amount(Decimal)
    case location(Location)
    /// Opaque references to the files attached, in order.
    case files([String])
    case yesNo(Bool)

    public enum Location: Codable, Equatable, Sendable {
        /// A code from the platform's list of regions.
        case region(String)
        case point(latitude: Double, longitude: Double)
    }

    /// Whether `condition.value` is this answer or, for multiple choice, one of its choices.
    func satisfies(_ value: String) -> Bool {
        switch self {
        case .choices(let ids): ids.contains(value)
        case .yesNo(let yes): value == (yes ? YesNo.yes : .no).rawValue
        default: false
        }
    }

    /// The values this answer counts under in public statistics.
    public var statisticValues: [String] {
        switch self {
        case .choices(let ids): ids
        case .yesNo(let yes): [(yes ? YesNo.yes : .no).rawValue]
        case .location(.region(let code)): [code]
        default: []
        }
    }
}
