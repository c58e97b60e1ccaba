import Testing
@testable import ExchangeCore

struct InstanceFormatTests {
    @Test func readsEdgesWithDecimalScoresAndOptionalFiles() throws {
        var input = MatchingInput()
        try input.readEdges("need_id,expert_id,score\nN1,E1,0.9\r\nN1,E2,0.5\n\nN2,E1,0.75\n", name: "E.csv")
        try input.readDemands("need_id,demand\nN1,2\nN3,1\n", name: "D.csv")
        try input.readCapacities("expert_id\tcapacity\nE1\t2\n", name: "C.csv")
        let p = try input.problem(penalty: 0.2)
        #expect(input.needIDs == ["N1", "N2", "N3"])
        #expect(p.demand == [2, 1, 1])
        #expect(p.capacity == [2, 1])
        #expect(p.penalty == 200_000)
        let s = AssignmentSolver().solve(p)
        #expect(s.objective == 900_000 + 500_000 + 750_000 - 200_000)
    }

    @Test func readsTheSharedQuantisedExport() throws {
        var input = MatchingInput()
        try input.readEdges("need,expert,score_q\n0,3,10000\n1,3,1\n", name: "edges.csv")
        #expect(input.edges.map(\.score) == [1_000_000, 100])
    }

    @Test(arguments: [
        ("need,expert\nA,B\n", "E.csv:1: expected the header"),
        ("need_id,expert_id,score\nA,B,1.5\n", "E.csv:2: score must be a number from 0 to 1, found 1.5"),
        ("need_id,expert_id,score\nA,B,0.5\nA,B\n", "E.csv:3: expected 3 fields, found 2"),
        ("need_id,expert_id,score\nA,B,0.5\nA,B,0.4\n", "E.csv:3: need A lists expert B twice"),
        ("need_id,expert_id,score\n,B,0.5\n", "E.csv:2: need and expert ids must not be empty"),
        ("", "E.csv: the file is empty"),
    ])
    func badEdgeFilesNameTheLine(text: String, message: String) {
        var input = MatchingInput()
        do {
            try input.readEdges(text, name: "E.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test func aRepeatedPairIsReportedAtItsEarliestLineUnlessAnEarlierLineIsBad() {
        var input = MatchingInput()
        let repeated = "need_id,expert_id,score\nB,Y,0.1\nA,X,0.5\nB,Y,0.2\nA,X,0.4\n"
        #expect(throws: InstanceFormats.ParseError(file: "E.csv", line: 4, reason: "need B lists expert Y twice")) {
            try input.readEdges(repeated, name: "E.csv")
        }
        var before = MatchingInput()
        #expect(throws: InstanceFormats.ParseError(file: "E.csv", line: 4, reason: "need B lists expert Y twice")) {
            try before.readEdges(repeated + "A,Z,oops\n", name: "E.csv")
        }
        var after = MatchingInput()
        #expect(throws: InstanceFormats.ParseError(file: "E.csv", line: 3, reason: "score must be a number from 0 to 1, found oops")) {
            try after.readEdges("need_id,expert_id,score\nB,Y,0.1\nA,Z,oops\nB,Y,0.2\n", name: "E.csv")
        }
    }

    @Test func fieldsAreTrimmedLinesMayEndInCRLFOrNothingAndTabsSeparate() throws {
        var input = MatchingInput()
        try input.readEdges("Need_ID , expert_id,score\r\n N1 ,E1, 0.25 \r\n   \r\nN2\tE2\t1", name: "E.csv")
        #expect(input.needIDs == ["N1", "N2"] && input.expertIDs == ["E1", "E2"])
        #expect(input.edges.map(\.score) == [250_000, 1_000_000])
    }

    @Test(arguments: ["0", "1", "0.5", "-0", "+0.75", ".5", "5.", "0.123456789012345", "0.1234567890123456789", "1e-3", "0x1p-2",
                      "inf", "nan", "", ".", "-", "1.2.3", "1,5", "٣", " 1", "00000000000000000001"])
    func decimalsReadAsTheStandardLibraryReadsThem(text: String) {
        var text = text
        let fast = text.withUTF8 { ByteNumbers.decimal(UnsafeRawBufferPointer($0)) }
        let standard = Double(text)
        #expect(fast?.bitPattern == standard?.bitPattern || (fast?.isNaN == true && standard?.isNaN == true), "\(text)")
    }

    @Test func randomDecimalsAndIntegersReadExactly() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...17, using: &generator)
            let point = Int.random(in: 0...digits, using: &generator)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBytes { ByteNumbers.decimal($0) } == Double(text), "\(text)")
            let integer = String(Int64.random(in: .min ... .max, using: &generator))
            #expect(Array(integer.utf8).withUnsafeBytes { ByteNumbers.integer($0) } == Int64(integer))
        }
        #expect(Array("9223372036854775808".utf8).withUnsafeBytes { ByteNumbers.integer($0) } == nil, "overflow")
        #expect(Array("-9223372036854775808".utf8).withUnsafeBytes { ByteNumbers.integer($0) } == .min)
    }

    @Test func badCountsNameTheLine() {
        var input = MatchingInput()
        #expect(throws: InstanceFormats.ParseError(file: "C.csv", line: 3, reason: "capacity must be a whole number ≥ 0, found -1")) {
            try input.readCapacities("expert_id,capacity\nE1,1\nE2,-1\n", name: "C.csv")
        }
    }

    @Test func truncatedBinaryIsRefused() {
        #expect(throws: InstanceFormats.ParseError(file: "x.bin", line: nil, reason: "the file ends early")) {
            try InstanceFormats.matchSP1(Array("MATCHSP1".utf8) + [1, 2, 3], name: "x.bin")
        }
        #expect(throws: InstanceFormats.ParseError(file: "x.bin", line: nil, reason: "not a MATCHSP1 file")) {
            try InstanceFormats.matchSP1([0, 1, 2], name: "x.bin")
        }
    }
}
