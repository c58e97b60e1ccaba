import ExchangeCore
import SecureReporting
import Testing

@Suite struct QuestionnaireEvaluationTests {
    let questionnaire = briberyQuestionnaire()

    @Test func answersToHiddenQuestionsAreDroppedNotKept() {
        let result = questionnaire.evaluate(["service": ["health"], "hospital": ["North"], "station": ["Central"]], regions: [])
        #expect(result.visibleFields == ["service", "hospital", "amount", "documents", "witnesses"])
        #expect(result.answers["hospital"] == .text("North"))
        #expect(result.answers["station"] == nil, "the station question was never shown")
        #expect(result.canSubmit)
    }

    @Test func rulesAddAndExcludeRecipientsAndExclusionWins() {
        let police = questionnaire.evaluate(["service": ["police"]], regions: [])
        #expect(police.recipients(base: ["anti-corruption-agency", "police-inspectorate"]) == ["anti-corruption-agency"])
        let health = questionnaire.evaluate(["service": ["health"]], regions: [])
        #expect(health.recipients(base: ["anti-corruption-agency"]) == ["anti-corruption-agency", "health-ombudsman"])
        var both = questionnaire
        both.rules.append(Rule(when: Condition(field: "service", value: "health"), .excludeRecipients(["health-ombudsman"])))
        #expect(both.evaluate(["service": ["health"]], regions: []).recipients(base: []) == [])
    }

    @Test func aBlockingAnswerRefusesSubmissionWithItsReason() {
        let result = questionnaire.evaluate(["service": ["other"]], regions: [])
        #expect(!result.canSubmit)
        #expect(result.blocks == [words("Other services report elsewhere")])
    }

    @Test func missingAndMalformedAnswersAreNamed() {
        let result = questionnaire.evaluate(["service": ["taxes"], "amount": ["12,000"], "witnesses": ["perhaps"]], regions: [])
        #expect(result.errors == [FieldError("service", .invalidChoice), FieldError("amount", .notANumber), FieldError("witnesses", .invalidChoice)])
        #expect(questionnaire.evaluate([:], regions: []).errors == [FieldError("service", .required)])
    }

    @Test func demographicsAreNeverRequiredAndKeptApart() {
        let skipped = questionnaire.evaluate(["service": ["health"]], regions: [])
        #expect(skipped.errors.isEmpty && skipped.demographics.isEmpty)
        let given = questionnaire.evaluate(["service": ["health"], "age": ["over30"]], regions: [])
        #expect(given.demographics == ["age": .choices(["over30"])])
        #expect(given.answers["age"] == nil)
    }

    @Test func theEvidenceChecklistSaysWhatIsStillMissing() {
        let bare = questionnaire.evaluate(["service": ["health"]], regions: [])
        #expect(bare.missingEvidence == [.where, .amount, .documents])
        let full = questionnaire.evaluate(["service": ["health"], "hospital": ["North"], "amount": ["150.50"], "documents": ["file-1"]], regions: [])
        #expect(full.missingEvidence == [])
        #expect(full.answers["amount"] == .amount(150.5))
    }

    @Test func aLocationIsARegionFromTheListOrAPoint() {
        let q = ReportQuestionnaire(steps: [Step(id: "s", title: words("Where"), fields: [field("place", .location)])])
        #expect(q.evaluate(["place": ["R-North"]], regions: ["R-North"]).answers["place"] == .location(.region("R-North")))
        #expect(q.evaluate(["place": ["48.85, 2.35"]], regions: []).answers["place"] == .location(.point(latitude: 48.85, longitude: 2.35)))
        #expect(q.evaluate(["place": ["Atlantis"]], regions: ["R-North"]).errors == [FieldError("place", .invalidChoice)])
        #expect(q.evaluate(["place": ["91,0"]], regions: []).errors == [FieldError("place", .invalidChoice)])
    }
}

@Suite struct QuestionnaireBuilderTests {
    @Test func aSoundQuestionnaireHasNoProblems() {
        #expect(briberyQuestionnaire().problems() == [])
    }

    @Test func helpMustBeWrittenInEveryLanguage() {
        var q = briberyQuestionnaire()
        q.steps[0].fields[1].help.fr = " "
        #expect(q.problems() == [FieldError("steps[0].fields[1].help.fr", .required)])
    }

    @Test func conditionsNameEarlierClosedQuestionsAndTheirAnswers() {
        var q = briberyQuestionnaire()
        q.steps[0].fields[0].showWhen = Condition(field: "witnesses", value: "yes")
        q.steps[1].fields[0].showWhen = Condition(field: "hospital", value: "North")
        q.rules[0].when.value = "army"
        #expect(q.problems() == [
            FieldError("steps[0].fields[0].showWhen.field", .conditionOnLaterField),
            FieldError("steps[1].fields[0].showWhen.field", .conditionOnLaterField),
            FieldError("rules[0].when.value", .invalidChoice),
        ])
    }

    @Test func onlyClosedAnswersCanBeCountedAndIdsAreUnique() {
        var q = briberyQuestionnaire()
        q.steps[0].fields[1].statistical = true
        q.steps[1].fields[1].id = "amount"
        #expect(q.problems() == [FieldError("steps[0].fields[1].statistical", .notCountable), FieldError("steps[1].fields[1].id", .nameTaken)])
    }

    @Test func theLongestPathFollowsTheLongestBranch() {
        let health = (1...5).map { field("h\($0)", showWhen: Condition(field: "service", value: "health")) }
        let police = (1...3).map { field("p\($0)", showWhen: Condition(field: "service", value: "police")) }
        let q = ReportQuestionnaire(steps: [Step(id: "s", title: words("s"), fields: [field("service", .choice, required: true, options: ["health", "police"])] + health + police)])
        #expect(q.longestPath() == ["service", "h1", "h2", "h3", "h4", "h5"])
        #expect(q.problems() == [])
    }

    @Test func severalChoicesCanOpenSeveralBranchesAtOnce() {
        let q = ReportQuestionnaire(steps: [Step(id: "s", title: words("s"), fields: [
            field("kinds", .multipleChoice, options: ["cash", "gift", "favour"]),
            field("cash-amount", showWhen: Condition(field: "kinds", value: "cash")),
            field("gift-what", showWhen: Condition(field: "kinds", value: "gift")),
        ])])
        #expect(q.longestPath() == ["kinds", "cash-amount", "gift-what"])
    }

    @Test func aHiddenStepShortensThePath() {
        let q = ReportQuestionnaire(steps: [
            Step(id: "a", title: words("a"), fields: [field("paid", .yesNo, required: true)]),
            Step(id: "b", title: words("b"), showWhen: Condition(field: "paid", value: "yes"), fields: (1...9).map { field("b\($0)") }),
            Step(id: "c", title: words("c"), showWhen: Condition(field: "paid", value: "no"), fields: (1...4).map { field("c\($0)") }),
        ])
        #expect(q.longestPath().count == 10)
        #expect(q.problems() == [])
    }

    @Test func moreThanTenQuestionsOnOnePathIsRefused() {
        let q = ReportQuestionnaire(steps: [Step(id: "s", title: words("s"), fields: (1...11).map { field("q\($0)") })])
        #expect(q.longestPath().count == 11)
        #expect(q.problems() == [FieldError("steps", .pathTooLong)])
    }
}

@Suite struct SeedQuestionnaireTests {
    @Test(arguments: SeedQuestionnaire.allCases)
    func eachSeedIsSoundShortAndAsksForTheWholeChecklist(seed: SeedQuestionnaire) {
        let q = seed.questionnaire
        #expect(q.problems() == [])
        #expect(q.longestPath().count <= ReportQuestionnaire.maximumPath)
        #expect(Set(q.reportFields.compactMap(\.field.evidence)) == Set(EvidenceItem.allCases), "who, what, when, where, amount, witnesses, documents")
        #expect(!q.demographics.isEmpty && q.demographics.allSatisfy { !$0.required })
        #expect(seed.title.missing.isEmpty)
    }

    @Test func implicatedHandlersAreRoutedAround() {
        let answers = SeedQuestionnaire.officialMisconduct.questionnaire.evaluate(
            ["kind": ["abuse"], "account": ["canary"], "handlers-involved": ["yes"]], regions: [])
        #expect(answers.canSubmit)
        #expect(answers.recipients(base: [SeedQuestionnaire.integrityUnit]) == [SeedQuestionnaire.externalOmbudsman])
    }

    @Test func someoneInDangerIsSentToEmergencyServicesFirst() {
        let answers = SeedQuestionnaire.bribery.questionnaire.evaluate(["danger": ["yes"], "service": ["health"], "account": ["…"]], regions: [])
        #expect(!answers.canSubmit)
        #expect(answers.blocks.first?.fr.contains("112") == true)
    }
}
