import Foundation
import Vapor

/// What `integrity reports statistics` prints: the same suppressed figures as the dashboard.
extension Platform {
    /// The public report statistics: the CSV's lines, or the API's JSON.
    public static func reportStatistics(_ app: Application, json: Bool) async throws -> String {
        let statistics = try await app.registry.reportStatistics.statistics()
        guard json else { return ReportStatisticsCSV.lines(statistics).joined(separator: "\n") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(ReportStatisticsDTO(statistics)), as: UTF8.self)
    }
}
