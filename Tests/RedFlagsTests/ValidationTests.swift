import Foundation
import Testing
@testable import RedFlags

/// The validation workflow's statistics, checked against values computed by hand.
struct ValidationTests {
    @Test func labelsAreCheckedLineByLine() throws {
        let labels = try Labels.parse("ocid,label\nA,1\r\nB,0\n\nA,1\n")
        #expect(labels.byOcid == ["A": true, "B": false])
        #expect(throws: Labels.Problems(all: [
            Labels.Problem(line: 2, kind: .notALabel("yes")),
            Labels.Problem(line: 3, kind: .notAPair),
            Labels.Problem(line: 5, kind: .labelledBoth(ocid: "A")),
        ])) { try Labels.parse("ocid,label\nA,yes\nB\nA,1\nA,0") }
        #expect(Labels.Problem(line: 2, kind: .notALabel("yes")).description == "line 2: the label must be 0 or 1, not \"yes\"")
        #expect(Labels.Problem(line: 5, kind: .labelledBoth(ocid: "A")).kind.arguments == ["A"])
        #expect(throws: Labels.Problems(all: [Labels.Problem(line: 1, kind: .empty)])) { try Labels.parse("\n") }
    }

    @Test func oddsRatioAndWoolfIntervalMatchHandComputation() {
        // a=8 of 10 treated, b=2 of 10 controls: OR = (8·8)/(2·2) = 16; SE = √(1/8+1/2+1/2+1/8) = √1.25.
        let row = FlagValidation.row("X", a: 8, b: 2, treatment: 10, control: 10, coefficient: 0)
        #expect(abs(row.oddsRatio - 16) < 1e-9)
        #expect(abs(row.lower - exp(log(16) - 1.959_964 * sqrt(1.25))) < 1e-9 && abs(row.upper - exp(log(16) + 1.959_964 * sqrt(1.25))) < 1e-9)
        #expect(abs(row.difference - 0.6) < 1e-12 && row.impact == .high)
        let empty = FlagValidation.row("Y", a: 0, b: 0, treatment: 10, control: 10, coefficient: 0)
        #expect(abs(empty.oddsRatio - 1) < 1e-9 && empty.impact == .none, "0.5 is added to every cell when one is empty")
        let weak = FlagValidation.row("Z", a: 55, b: 40, treatment: 100, control: 100, coefficient: 0)
        #expect(weak.lower > 1 && weak.oddsRatio < 2 && weak.impact == .low)
    }

    @Test func logisticRegressionRecoversTheLogOddsRatioForOneFlag() {
        // One binary predictor: the maximum-likelihood coefficient is the log odds ratio, here log 16.
        let x = Array(repeating: [1.0], count: 8) + Array(repeating: [0.0], count: 2) + Array(repeating: [1.0], count: 2) + Array(repeating: [0.0], count: 8)
        let y = Array(repeating: 1.0, count: 10) + Array(repeating: 0.0, count: 10)
        let beta = LogisticRegression.fit(x, y, ridge: 0)
        #expect(abs(beta[1] - log(16)) < 1e-6 && abs(beta[0] - log(0.25)) < 1e-6)
        let separated = LogisticRegression.fit([[1], [1], [0], [0]], [1, 1, 0, 0])
        #expect(separated[1].isFinite && separated[1] > 2, "the ridge keeps a perfectly separating flag finite")
    }

    @Test func flagsOfOrganizationsCountForTheirProcesses() throws {
        var run = IndicatorRun(settings: try Settings.parse("[R018]\n[IX02]\nminimum_contracting_processes = 1"))
        run.tracked = .only(["1", "2"])
        let lines = [#"{"ocid":"1","buyer":{"id":"B"},"tender":{"procurementMethod":"direct","numberOfTenderers":1}}"#,
                     #"{"ocid":"2","buyer":{"id":"C"},"tender":{"procurementMethod":"open","numberOfTenderers":1}}"#]
        for (index, line) in lines.enumerated() { _ = Array(line.utf8).withUnsafeBufferPointer { run.read(line: $0, number: index + 1) } }
        let flags = run.flags(in: run.finish())
        #expect(flags == ["1": ["IX02"], "2": ["R018"]], "buyer B is flagged by IX02; process 2 by R018")
        let validation = FlagValidation(labels: try Labels.parse("1,1\n2,0\n3,1"), flags: flags, codes: run.codes)
        #expect(validation.missing == 1 && validation.treatment == 1 && validation.control == 1)
        #expect(validation.rows.map(\.code) == ["R018", "IX02"] && validation.json.hasPrefix(#"{"treatment":1,"control":1,"missing":1,"flags":[{"code":"R018","flagged_treatment":0,"flagged_control":1,"#))
    }
}
