import Foundation
import Testing
@testable import ExchangeCore

struct NeedTests {
    let taxonomy = try! SkillsTaxonomy.decode(Data(contentsOf: SkillsTaxonomyTests.file))

    var complete: NeedDraft {
        NeedDraft(title: "Red flags on our procurement data", problemStatement: "We publish OCDS but cannot analyse it.",
                  whyPrivateSector: "Industry builds such pipelines daily.", supportAreas: [3, 4], issueAreas: ["money_flows"],
                  requiredSkills: ["procurement-red-flags", "ocds"], preferredSkills: ["data-visualisation"], languages: ["es", "en"],
                  preferredStart: Date(timeIntervalSince1970: 1_800_000_000), expectedOutputs: "A reproducible red-flag notebook.")
    }

    @Test func aCompleteNeedIsValidAndLastsThreeMonthsByDefault() {
        #expect(complete.validate(against: taxonomy) == [])
        #expect(complete.duration == 3)
    }

    @Test func everyRuleGivesItsOwnFieldError() {
        var draft = complete
        draft.title = ""
        draft.supportAreas = [7]
        draft.requiredSkills = ["telepathy"]
        draft.languages = ["xx"]
        draft.durationMonths = 7
        draft.dataAccess = "real"
        let errors = draft.validate(against: taxonomy)
        #expect(errors.contains(FieldError("title", .required)))
        #expect(errors.contains(FieldError("supportAreas", .invalidChoice)))
        #expect(errors.contains(FieldError("requiredSkills", .invalidChoice)))
        #expect(errors.contains(FieldError("languages", .invalidLanguage)))
        #expect(errors.contains(FieldError("durationMonths", .invalidChoice)), "six months at most")
        #expect(errors.contains(FieldError("dataRules", .required)), "real data needs its rules")
    }

    @Test func fieldsAndSectorMustBeOnesTheProgrammeKnows() throws {
        var need = complete
        need.fields = ["fraud", "audit"]
        need.sector = "public_procurement"
        #expect(need.validate(against: taxonomy) == [])
        let details = try need.details(against: taxonomy).get()
        #expect(details.scope.fields == [.fraud, .audit])
        #expect(details.sector == .publicProcurement)
        need.fields = ["other"]
        need.sector = "lobbying"
        #expect(need.validate(against: taxonomy).map(\.field) == ["fields", "sector"])
        #expect(NeedDraft(sector: "").sector == nil, "an empty choice is no sector")
    }

    @Test func readinessNeedsEveryAreaRatedFromZeroToThree() {
        var ratings = Dictionary(uniqueKeysWithValues: ReadinessArea.allCases.map { ($0, ReadinessAssessment.Rating(score: 2)) })
        #expect(ReadinessArea.allCases.count == 15)
        #expect(ReadinessAssessment(ratings: ratings).validate() == [])
        #expect(abs(ReadinessAssessment(ratings: ratings).overall - 2.0 / 3.0) < 1e-12)
        ratings[.data] = .init(score: 4)
        ratings[.coordination] = nil
        let errors = ReadinessAssessment(ratings: ratings).validate()
        #expect(errors == [FieldError("readiness.coordination", .required), FieldError("readiness.data", .invalidChoice)])
    }

    @Test func theChartIsAccessibleSVGWithOneBarPerRatedArea() {
        var ratings = Dictionary(uniqueKeysWithValues: ReadinessArea.allCases.map { ($0, ReadinessAssessment.Rating(score: 1)) })
        ratings[.data] = .init(score: 3)
        ratings[.financing] = nil
        let svg = ReadinessChart.svg(ReadinessAssessment(ratings: ratings), labels: [.data: "Data & statistics"],
                                     title: "Digital readiness", summary: "Mean 1.1 of 3")
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.contains(#"role="img""#) && svg.contains("<title id=\"readiness-title\">Digital readiness</title>"))
        #expect(svg.contains("Data &amp; statistics: 3/3"), "labels are escaped and each bar says its value")
        #expect(svg.components(separatedBy: "<rect").count - 1 == 14, "the unrated area has no bar")
    }

    func screen(_ draft: NeedDraft, _ readiness: ReadinessAssessment) throws -> NeedScreening {
        NeedScreening.screen(try draft.details(against: taxonomy).get(), readiness: readiness, taxonomy: taxonomy)
    }

    @Test func aCompleteNeedPassesScreeningUnlessItBringsDataThatNeedsRules() throws {
        let rated = ReadinessAssessment(ratings: Dictionary(uniqueKeysWithValues: ReadinessArea.allCases.map { ($0, .init(score: 2)) }))
        #expect(try screen(complete, rated) == .screened(.pass))
        var real = complete
        (real.dataAccess, real.dataRules) = ("real", "The data stays on the body's premises.")
        #expect(try screen(real, rated) == .screened(.needsReview))
        var synthetic = complete
        synthetic.dataAccess = "synthetic"
        #expect(try screen(synthetic, rated) == .screened(.pass))
        var untitled = complete
        untitled.title = ""
        #expect(try screen(untitled, ReadinessAssessment(ratings: [:]))
            == .incomplete([FieldError("title", .required)] + ReadinessAssessment(ratings: [:]).validate()))
    }

    /// A draft becomes typed values once nothing in it is malformed; what is merely missing waits for submission.
    @Test func aWellFormedDraftBecomesTypedValuesEvenWhileIncomplete() throws {
        var draft = complete
        draft.title = "  Red flags  "
        draft.requiredSkills = []
        let details = try draft.details(against: taxonomy).get()
        #expect(details.title == "Red flags")
        #expect(details.scope.supportAreas == [.dataSoftware, .visualisation])
        #expect(details.scope.issueAreas == [.moneyFlows])
        #expect(details.dataAccess == DataAccess.none)
        #expect(details.problems(against: taxonomy) == [FieldError("requiredSkills", .required)])
        #expect(details.draft.details(against: taxonomy) == .success(details), "the form shows what is stored")
    }

    @Test func aMalformedDraftNamesItsDomainFieldsAndGivesNoValue() {
        var draft = complete
        draft.supportAreas = [7]
        draft.sector = "space"
        draft.title = ""
        #expect(draft.details(against: taxonomy) == .failure(ValidationFailure(errors: [
            FieldError("supportAreas", .invalidChoice), FieldError("sector", .invalidChoice),
        ])))
    }
}
