import SecureReporting
import Testing

@Suite struct SurgeDetectionTests {
    @Test func aMonthFarAboveItsOwnHistoryIsASurge() throws {
        let surge = try #require(SurgeDetection.surge(history: [2, 3, 2, 3, 2, 3], current: 12))
        #expect(surge.expected == 2.5 && surge.pValue < SurgeDetection.alpha)
        #expect(SurgeDetection.surge(history: [2, 3, 2, 3, 2, 3], current: 5) == nil)
    }

    @Test func aBusyPlaceIsJudgedAgainstItsOwnHistory() {
        #expect(SurgeDetection.surge(history: [40, 45, 38, 42], current: 50) == nil)
        #expect(SurgeDetection.surge(history: [40, 45, 38, 42], current: 80) != nil)
    }

    @Test func quietOrShortHistoriesNeedMoreThanOneReport() {
        #expect(SurgeDetection.surge(history: [0, 0, 0], current: 2) == nil)
        #expect(SurgeDetection.surge(history: [0, 0, 0], current: 3) == nil)
        #expect(SurgeDetection.surge(history: [0, 0, 0], current: 6) != nil)
        #expect(SurgeDetection.surge(history: [1, 1], current: 30) == nil, "two months are no history")
    }
}

@Suite struct ComplaintRoutingTests {
    let table = RoutingTable(rows: [
        .init(category: nil, region: nil, authority: "national-agency"),
        .init(category: "health", region: nil, authority: "health-inspectorate"),
        .init(category: nil, region: "north", authority: "north-ombudsman"),
        .init(category: "health", region: "north", authority: "north-health-board"),
    ])

    @Test(arguments: [
        ("health", "north", "north-health-board"),
        ("health", "south", "health-inspectorate"),
        ("police", "north", "north-ombudsman"),
        ("police", "south", "national-agency"),
        ("police", nil, "national-agency"),
        ("health", nil, "health-inspectorate"),
    ] as [(String, String?, String)])
    func theMostSpecificRowAnswers(category: String, region: String?, authority: String) {
        #expect(table.authority(category: category, region: region) == authority)
    }

    @Test func withoutADefaultRowSomeComplaintsHaveNowhereToGo() {
        let partial = RoutingTable(rows: [.init(category: "health", region: nil, authority: "health-inspectorate")])
        #expect(partial.authority(category: "police", region: "north") == nil)
    }

    @Test func aRepeatedRowIsNamed() {
        var repeated = table
        repeated.rows.append(.init(category: "health", region: nil, authority: "someone-else"))
        #expect(repeated.repeatedRows == [4])
        #expect(table.repeatedRows == [])
    }
}

@Suite struct ComplaintStatusTests {
    @Test func closedComplaintsStayClosedAndEveryOtherStatusCanClose() {
        for status in ComplaintStatus.allCases {
            if status.isClosed {
                #expect(status.next.isEmpty)
            } else {
                #expect(status.canMove(to: .closedWithoutAction))
            }
        }
        #expect(!ComplaintStatus.received.canMove(to: .investigationOpened), "a complaint is reviewed before an investigation opens")
        #expect(ComplaintStatus.referred.canMove(to: .underReview))
    }
}
