import Foundation
import Testing
@testable import ExchangeCore

/// KPI arithmetic against fixtures worked out by hand.
struct KPITests {
    static let a = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static let b = UUID(uuidString: "00000000-0000-0000-0000-00000000000b")!
    static let ana = UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!
    static let ben = UUID(uuidString: "00000000-0000-0000-0000-0000000000b1")!
    static let eli = UUID(uuidString: "00000000-0000-0000-0000-0000000000e1")!

    static func day(_ n: Int) -> Date { Date(timeIntervalSince1970: Double(n) * 86_400) }

    static func response(_ exchange: UUID, _ who: UUID, _ stage: EvaluationStage, day: Int, _ answers: [String: AnswerValue],
                         party: DeclaringParty = .publicBody) -> EvaluationResponse {
        EvaluationResponse(exchange: exchange, respondent: who, party: party, stage: stage, submittedAt: Self.day(day), answers: answers)
    }

    @Test func studentQuantilesMatchPublishedTables() {
        for (df, expected) in [(1, 12.7062), (3, 3.1824), (10, 2.2281), (30, 2.0423), (1000, 1.9623)] {
            #expect(abs(Statistics.tQuantile(0.975, degreesOfFreedom: df) - expected) < 0.0005, "df \(df)")
        }
        #expect(abs(Statistics.tCDF(0, 5) - 0.5) < 1e-12)
    }

    @Test func aMeanComesWithNAndA95PercentInterval() throws {
        // Differences 1, 2, 0, 1: mean 1, s = √(2/3), se = s/2 ≈ 0.408248, t(0.975; 3) ≈ 3.182446, half-width ≈ 1.299228.
        let estimate = Statistics.mean([1, 2, 0, 1])
        #expect(estimate.n == 4 && estimate.mean == 1)
        #expect(abs(try #require(estimate.low) - (-0.299228)) < 1e-5)
        #expect(abs(try #require(estimate.high) - 2.299228) < 1e-5)
        #expect(Statistics.mean([3]) == MeanEstimate(n: 1, mean: 3, low: nil, high: nil))
        #expect(Statistics.mean([]) == .empty)
    }

    @Test func needsMetCountsTheLatestPeriodicEvaluationOfThePublicBody() {
        let responses = [
            Self.response(Self.a, Self.ana, .mid, day: 10, ["needs_met": .likert(2)]),
            Self.response(Self.a, Self.ana, .post, day: 20, ["needs_met": .likert(4)]),   // latest for A: met
            Self.response(Self.b, Self.ben, .mid, day: 30, ["needs_met": .likert(5)]),
            Self.response(Self.b, Self.ben, .post, day: 40, ["needs_met": .likert(3)]),   // latest for B: not met
            Self.response(Self.b, Self.eli, .post, day: 50, ["needs_met": .likert(5)], party: .expert),  // the expert's view does not count
            Self.response(Self.b, Self.ben, .pre, day: 60, ["needs_met": .likert(5)]),    // nor does a baseline
        ]
        let kpi = NeedsMetKPI.compute(responses)
        #expect(kpi.met == 1 && kpi.evaluated == 2 && kpi.share == 0.5)
        #expect(NeedsMetKPI.compute(responses, threshold: 3).met == 2)
        #expect(NeedsMetKPI.compute([]).share == nil)
    }

    @Test func knowledgeGainPairsTheSameRespondentsItemsBeforeAndAfter() throws {
        let k1 = DefaultQuestionnaires.knowledgeID(1), k3 = DefaultQuestionnaires.knowledgeID(3)
        let responses = [
            // Exchange A, Ana: k1 2 → 3 (+1), k3 1 → 3 (+2). An earlier pre of k1 (1) is superseded by the later one (2).
            Self.response(Self.a, Self.ana, .pre, day: 1, [k1: .likert(1)]),
            Self.response(Self.a, Self.ana, .pre, day: 2, [k1: .likert(2), k3: .likert(1)]),
            Self.response(Self.a, Self.ana, .post, day: 90, [k1: .likert(3), k3: .likert(3)]),
            // Exchange B, Ben: k1 4 → 4 (0), k3 2 → 3 (+1); a mid answer is not a pair.
            Self.response(Self.b, Self.ben, .pre, day: 3, [k1: .likert(4), k3: .likert(2)]),
            Self.response(Self.b, Self.ben, .mid, day: 45, [k1: .likert(5)]),
            Self.response(Self.b, Self.ben, .post, day: 91, [k1: .likert(4), k3: .likert(3)]),
            // A post with no pre pairs with nothing.
            Self.response(Self.b, Self.eli, .post, day: 92, [k1: .likert(5)]),
        ]
        let kpi = KnowledgeKPI.compute(responses, knowledgeItems: [k1, k3])
        #expect(kpi.programme.n == 4 && kpi.programme.mean == 1)   // the fixture above: 1, 2, 0, 1
        #expect(abs(try #require(kpi.programme.high) - 2.299228) < 1e-5)
        #expect(kpi.byItem[k1]?.mean == 0.5 && kpi.byItem[k1]?.n == 2)
        #expect(kpi.byItem[k3]?.mean == 1.5)
        #expect(kpi.byExchange[Self.a]?.mean == 1.5 && kpi.byExchange[Self.b]?.mean == 0.5)
    }

    @Test func programmeYearsCountOutputsClosuresAndFeedback() {
        let c = UUID()
        let exchanges = [
            ProgrammeYearKPI.Exchange(id: Self.a, startYear: 2027, outputsPlanned: 4, outputsDone: 3, closedSuccessfully: true),
            ProgrammeYearKPI.Exchange(id: Self.b, startYear: 2027, outputsPlanned: 2, outputsDone: 0, closedSuccessfully: false),
            ProgrammeYearKPI.Exchange(id: c, startYear: 2028, outputsPlanned: 1, outputsDone: 1, closedSuccessfully: true),
        ]
        let responses = [
            Self.response(Self.a, Self.ana, .post, day: 1, ["satisfaction": .likert(5)]),
            Self.response(Self.a, Self.eli, .post, day: 1, ["satisfaction": .likert(4)], party: .expert),
            Self.response(Self.b, Self.ben, .mid, day: 1, ["satisfaction": .likert(1)]),
        ]
        let years = ProgrammeYearKPI.compute(exchanges, responses: responses)
        #expect(years.map(\.year) == [2027, 2028])
        #expect((years[0].outputsDone, years[0].outputsPlanned, years[0].closed, years[0].started) == (3, 6, 1, 2))
        #expect(years[0].feedback.mean == 4.5 && years[0].feedback.n == 2)
        #expect(years[1].feedback == .empty)
    }

    @Test func answersAreCheckedAgainstTheirQuestions() {
        let questionnaire = DefaultQuestionnaires.questionnaire(.post, supportAreas: [3]) { _ in .init(en: "Software", fr: "Logiciels", es: "Software") }
        let bodyQuestions = questionnaire.questions(for: .publicBody)
        #expect(bodyQuestions.map(\.id) == ["knowledge_area_3", "needs_met", "satisfaction", "recommend", "recommendations"])
        #expect(questionnaire.questions(for: .expert).map(\.id) == ["needs_met", "satisfaction", "recommend", "recommendations"])
        let (answers, errors) = QuestionnaireAnswers.parse(["knowledge_area_3": ["6"], "needs_met": ["4"], "recommend": ["maybe"],
                                                            "recommendations": ["More data"]], for: bodyQuestions)
        #expect(errors == [FieldError("knowledge_area_3", .outOfRange), FieldError("satisfaction", .required),
                           FieldError("recommend", .invalidChoice)])
        #expect(answers["needs_met"] == .likert(4) && answers["recommendations"] == .text("More data"))
        let many = Question(id: "tools", kind: .multiple, prompt: .init(en: "", fr: "", es: ""),
                            choices: [.init(id: "sql", label: .init(en: "", fr: "", es: "")), .init(id: "r", label: .init(en: "", fr: "", es: ""))])
        #expect(QuestionnaireAnswers.parse(["tools": ["r", "sql"]], for: [many]).0["tools"] == .choices(["sql", "r"]))
        let hours = Question(id: "hours", kind: .number, prompt: .init(en: "", fr: "", es: ""))
        #expect(QuestionnaireAnswers.parse(["hours": ["12,5"]], for: [hours]).0["hours"] == .number(12.5))
        #expect(QuestionnaireAnswers.parse(["hours": ["lots"]], for: [hours]).1 == [FieldError("hours", .notANumber)])
    }
}

struct PublicationRulesTests {
    @Test func onlyItemsBothSidesConsentedToArePublished() {
        let consents = PublicationConsents([.summary: [.publicBody, .expert], .outcome: [.publicBody]])
        #expect(consents.publishable == [.summary])
        let draft = PublicationDraft(texts: [.summary: " A body worked with an expert. ", .outcome: "Risk list in use"], post: "")
        #expect(draft.checked(against: consents).1 == [FieldError("text_outcome", .withoutConsent)])
        let fine = PublicationDraft(texts: [.summary: " A body worked with an expert. ", .outcome: " "], post: "Post")
        #expect(fine.checked(against: consents).0?.texts == [.summary: "A body worked with an expert."])
        #expect(PublicationDraft(texts: [:], post: "").checked(against: consents).1 == [FieldError("texts", .required)])
    }
}

struct QuestionBuilderTests {
    @Test func aChoiceQuestionNeedsTwoDistinctChoices() {
        let draft = QuestionDraft(kind: "single", required: true, audience: "both", promptEN: "Which tool?", promptFR: nil, promptES: nil,
                                  choices: "sql|SQL\nsql|Also SQL")
        #expect(draft.validate(id: "custom_1").1 == [FieldError("choices", .invalidChoice)])
        var good = draft
        good.choices = "sql|SQL|SQL|SQL\nr|R"
        let question = good.validate(id: "custom_1").0
        #expect(question?.choices.map(\.id) == ["sql", "r"])
        #expect(question?.prompt[.fr] == "Which tool?", "a missing translation falls back to English")
        #expect(QuestionDraft(kind: "essay", required: false, audience: "both", promptEN: "", promptFR: nil, promptES: nil, choices: nil)
            .validate(id: "x").1 == [FieldError("kind", .invalidChoice), FieldError("prompt_en", .required)])
    }

    @Test func evidenceForAnIndicatorIsAStatementWithLinks() {
        #expect(SuccessEvidence.parse(indicator: "upskilling", statement: "12 analysts trained", links: "https://example.org/t").0?.links.count == 1)
        #expect(SuccessEvidence.parse(indicator: "fame", statement: "", links: "nope").1
                == [FieldError("indicator", .invalidChoice), FieldError("statement", .required), FieldError("links", .invalidURL)])
    }
}
