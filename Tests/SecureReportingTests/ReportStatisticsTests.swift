import Foundation
import SecureReporting
import Testing

@Suite struct ReportStatisticsTests {
    private func day(_ text: String) -> Date { try! Date(text + "T00:00:00Z", strategy: .iso8601) }

    private func complaints(_ count: Int, region: String?, on submitted: String, answeredAfter days: Int? = nil, status: ComplaintStatus = .received)
        -> StatisticsRecord
    {
        StatisticsRecord(channel: .complaint, category: "bribery", region: region, status: status, submittedOn: day(submitted),
                         firstResponseOn: days.map { day(submitted).addingTimeInterval(Double($0) * 86_400) }, count: count)
    }

    @Test func monthsAreTheLastTwelveEndingWithTheCurrentOne() {
        let window = ReportMonth(year: 2026, month: 3).window(12)
        #expect(window.first?.description == "2025-04" && window.last?.description == "2026-03" && window.count == 12)
    }

    @Test func bigCellsAreShownAndEveryTableAgreesOnTheMonths() {
        let stats = ReportStatistics([complaints(7, region: "155", on: "2026-11-03"), complaints(6, region: "039", on: "2026-11-20"),
                                      complaints(9, region: "155", on: "2026-12-01")], through: ReportMonth(year: 2026, month: 12))
        let regions = stats.tables[.region]!
        #expect(regions.columns == ["039", "155"])
        #expect(regions.columnTotals == [6, 16] && regions.total == 22)
        #expect(regions.cells[11][0] == nil && regions.rowTotals[11] == nil, "no report from 039 in December: the month's total would give it away")
        #expect(regions.cells.joined().compactMap { $0 }.allSatisfy { $0 >= 5 })
        #expect(stats.tables[.channel]!.rowTotals == regions.rowTotals)
        #expect(stats.tables[.outcome]!.total == 22)
    }

    @Test func aSmallRegionIsNeverShownAndCannotBeWorkedOut() {
        let stats = ReportStatistics([complaints(20, region: "155", on: "2026-12-01"), complaints(2, region: "039", on: "2026-12-02")],
                                     through: ReportMonth(year: 2026, month: 12))
        let regions = stats.tables[.region]!
        #expect(regions.columnTotals[0] == nil, "two reports from 039")
        #expect(regions.columnTotals[1] == nil, "otherwise 039 is the total minus 155")
        #expect(stats.tables[.channel]!.total == nil || regions.columnTotals.allSatisfy { $0 == nil })
    }

    @Test func mediansNeedKReports() {
        let few = ReportStatistics([complaints(4, region: nil, on: "2026-12-01", answeredAfter: 3)], through: ReportMonth(year: 2026, month: 12))
        #expect(few.durations.first { $0.channel == .complaint }?.firstResponse == nil)
        let enough = ReportStatistics([complaints(3, region: nil, on: "2026-12-01", answeredAfter: 2), complaints(3, region: nil, on: "2026-12-01", answeredAfter: 10)],
                                      through: ReportMonth(year: 2026, month: 12))
        #expect(enough.durations.first { $0.channel == .complaint }?.firstResponse == 6)
    }

    @Test func reportsOutsideTheWindowAreNotCounted() {
        let stats = ReportStatistics([complaints(9, region: nil, on: "2025-01-01")], through: ReportMonth(year: 2026, month: 12))
        #expect(stats.tables[.channel]!.columns.isEmpty)
    }
}

@Suite struct SurgeWatchTests {
    private func record(_ month: Int, _ count: Int, region: String = "155") -> StatisticsRecord {
        StatisticsRecord(channel: .complaint, category: "bribery", region: region, status: .received,
                         submittedOn: try! Date(String(format: "2026-%02d-10T00:00:00Z", month), strategy: .iso8601), count: count)
    }

    @Test func aPlaceFarAboveItsOwnHistoryIsFlaggedAndAQuietOneIsNot() {
        let records = (1...11).map { record($0, 2) } + [record(12, 15)] + (1...12).map { record($0, 3, region: "039") }
        let alerts = SurgeWatch.alerts(records, through: ReportMonth(year: 2026, month: 12))
        #expect(alerts.map(\.region) == ["155"])
        #expect(alerts.first?.surge.observed == 15)
    }

    @Test func theMinimumIsWhoWhatWhenAndWhere() {
        #expect(EvidenceItem.lacksMinimum([.when]))
        #expect(!EvidenceItem.lacksMinimum([.witnesses, .documents, .amount]))
    }
}
