/// An outbreak of reports of one subject in one region this month, against that place's own history.
public struct SurgeAlert: Sendable, Equatable {
    public let category: String
    public let region: String
    public let month: ReportMonth
    public let surge: Surge
}

public enum SurgeWatch {
    /// Months of history each place is judged against.
    public static let history = 12

    /// Surges in `month`, per subject and region, most improbable first.
    public static func alerts(_ records: [StatisticsRecord], through month: ReportMonth) -> [SurgeAlert] {
        let window = month.window(history + 1)
        let position = Dictionary(uniqueKeysWithValues: window.enumerated().map { ($1, $0) })
        var counts: [String: (category: String, region: String, months: [Int])] = [:]
        for record in records {
            guard let index = position[ReportMonth(record.submittedOn)] else { continue }
            let region = record.region ?? ReportStatistics.unknownRegion
            counts["\(record.category)|\(region)", default: (record.category, region, [Int](repeating: 0, count: window.count))].months[index] += record.count
        }
        return counts.values.compactMap { place in
            SurgeDetection.surge(history: Array(place.months.dropLast()), current: place.months.last!)
                .map { SurgeAlert(category: place.category, region: place.region, month: month, surge: $0) }
        }.sorted { ($0.surge.pValue, $0.category, $0.region) < ($1.surge.pValue, $1.category, $1.region) }
    }
}

extension EvidenceItem {
    /// What a report needs at the least before anyone can act on it: who, what, when and where. A report missing any
    /// of them counts as lacking the minimum, so a questionnaire that lets many through can be improved.
    public static let minimum: Set<EvidenceItem> = [.who, .what, .when, .where]

    /// Whether a report missing `missing` lacks the minimum.
    public static func lacksMinimum(_ missing: some Sequence<EvidenceItem>) -> Bool {
        !minimum.isDisjoint(with: missing)
    }
}
