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

@Suite struct DeliveryTests {
    let recipients = ["integrity-unit": 1, "police-inspectorate": 2, "health-ombudsman": 3]

    private func evaluation(service: String) -> Evaluation {
        briberyQuestionnaire().evaluate(["service": [service]], regions: [])
    }

    @Test func withoutAnAuthorityTheContextsRecipientsReceiveItWithTheRulesApplied() {
        #expect(Delivery.organisations(recipients: recipients, authority: nil, evaluation: evaluation(service: "health")) == [1, 2, 3])
        #expect(Delivery.organisations(recipients: recipients, authority: nil, evaluation: evaluation(service: "police")) == [1, 3])
    }

    @Test func aRoutedAuthorityReplacesTheContextsRecipientsButNotTheRulesAdditions() {
        #expect(Delivery.organisations(recipients: recipients, authority: 9, evaluation: evaluation(service: "health")) == [9, 3])
        #expect(Delivery.organisations(recipients: recipients, authority: 9, evaluation: evaluation(service: "police")) == [9])
    }

    @Test func anExclusionWinsOverTheRoutedAuthority() {
        #expect(Delivery.organisations(recipients: recipients, authority: 2, evaluation: evaluation(service: "police")).isEmpty)
    }
}

@Suite struct StatisticalAnswerTests {
    @Test func onlyStatisticalAnswersStayReadableAndTheRegionIsTheFirstStatisticalLocation() {
        let questionnaire = ReportQuestionnaire(steps: [
            Step(id: "one", title: words("One"), fields: [
                field("service", .choice, options: ["health", "police"], statistical: true),
                field("where-private", .location),
                field("where", .location, statistical: true),
                field("account", .longText),
                field("witnesses", .yesNo, statistical: true),
            ]),
        ])
        let answers = questionnaire.evaluate(["service": ["police"], "where-private": ["011"], "where": ["005"], "account": ["secret"],
                                              "witnesses": ["no"]], regions: ["011", "005"]).answers
        #expect(questionnaire.statistics(of: answers) == ["service": ["police"], "where": ["005"], "witnesses": ["no"]])
        #expect(questionnaire.region(of: answers) == "005")
        #expect(questionnaire.region(of: [:]) == nil)
    }
}
