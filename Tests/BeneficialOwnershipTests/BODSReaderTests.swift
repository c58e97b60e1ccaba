import Testing
@testable import BeneficialOwnership

struct BODSReaderTests {
    @Test func readsJSONLinesArraysAndPackages() {
        let lines = [Fixtures.entity("c1", name: "Acme"), Fixtures.person("p1", name: "Ana"),
                     Fixtures.relationship("r1", subject: "c1", owner: "p1", share: "{\"exact\":60}")]
        for text in [lines.joined(separator: "\n"), "[" + lines.joined(separator: ",\n") + "]", "[\(lines[0])]\n[\(lines[1]),\(lines[2])]"] {
            let file = Fixtures.read(text)
            #expect(file.problems.isEmpty, "\(file.problems)")
            #expect(file.statements.map(\.statement.recordType) == [.entity, .person, .relationship])
        }
    }

    @Test func namesTheLineAndTheRuleOfEachBadStatement() {
        let text = [
            Fixtures.entity("c1", name: "Acme"),
            "{not json",
            Fixtures.entity("c2", name: "Beta").replacingOccurrences(of: "\"recordStatus\":\"new\"", with: "\"recordStatus\":\"gone\""),
            Fixtures.person("p1", name: "Ana").replacingOccurrences(of: "\"statementDate\":\"2024-01-15\"", with: "\"statementDate\":\"2024-02-30\""),
            Fixtures.entity("c3", name: "Gamma").replacingOccurrences(of: "\"declarationSubject\":\"c3\",", with: ""),
        ].joined(separator: "\n")
        let file = Fixtures.read(text)
        #expect(file.statements.count == 1)
        #expect(file.problems.map(\.line) == [2, 3, 4, 5])
        #expect(file.problems.map(\.rule) == ["invalid_json", "enum", "anyOf", "required"])
        #expect(file.problems[1].pointer == "/recordStatus")
        #expect(file.problems[3].expected == "declarationSubject")
    }

    @Test func placesStatementsOfAPrettyPrintedPackage() {
        let text = "[\n" + Fixtures.entity("c1", name: "Acme") + ",\n" + Fixtures.entity("c2", name: "B", type: "company") + "\n]"
        let file = Fixtures.read(text)
        #expect(file.problems.map(\.line) == [3])
        #expect(file.problems.map(\.item) == [2])
        #expect(file.problems.first?.pointer == "/recordDetails/entityType/type")
    }

    @Test func checksLEICheckDigits() {
        let good = #"[{"scheme":"XI-LEI","id":"506700GE1G29325QX363"}]"#
        let bad = #"[{"scheme":"GB-COH","id":"01234567"},{"scheme":"XI-LEI","id":"506700GE1G29325QX364"}]"#
        let file = Fixtures.read(Fixtures.entity("c1", name: "A", identifiers: good) + "\n" + Fixtures.entity("c2", name: "B", identifiers: bad))
        #expect(file.statements.count == 1)
        #expect(file.problems == [BODSProblem(line: 2, item: nil, pointer: "/recordDetails/identifiers/1/id", rule: "lei_check_digits", expected: "ISO 17442")])
    }

    @Test func refusesARepeatedStatementAndAnEmptyFile() {
        let entity = Fixtures.entity("c1", name: "Acme")
        #expect(Fixtures.read(entity + "\n" + entity).problems.map(\.rule) == ["duplicate_statement"])
        #expect(Fixtures.read("  \n").problems.map(\.rule) == ["empty"])
        #expect(Fixtures.read("[1]").problems.map(\.rule) == ["not_an_object"])
    }

    @Test func keepsProtectedPersonDetailsOutOfThePublicCopy() throws {
        let extra = #","birthDate":"1970-01-01","addresses":[{"type":"residence","address":"1 Main St"}],"nationalities":[{"name":"France","code":"FR"}]"#
        let file = Fixtures.read(Fixtures.person("p1", name: "Ana", extra: extra))
        #expect(file.problems.isEmpty, "\(file.problems)")
        let statement = try #require(file.statements.first?.statement)
        #expect(statement.json["recordDetails", "birthDate"] != nil)
        #expect(statement.publicJSON["recordDetails", "birthDate"] == nil)
        #expect(statement.publicJSON["recordDetails", "addresses"] == nil)
        #expect(statement.publicJSON["recordDetails", "nationalities"] != nil)
    }

    @Test func readsUnspecifiedPartiesAndShareRanges() throws {
        let owner = #"{"reason":"subjectUnableToConfirmOrIdentifyBeneficialOwner","description":"Nominee"}"#
        let file = Fixtures.read(Fixtures.entity("c1", name: "Acme") + "\n" + Fixtures.relationship("r1", subject: "c1", owner: owner, share: #"{"minimum":25,"maximum":50}"#))
        #expect(file.problems.isEmpty, "\(file.problems)")
        guard case .relationship(let details)? = file.statements.last?.statement.details else { Issue.record("no relationship"); return }
        #expect(details.interestedParty == .unspecified(Unspecified(reason: "subjectUnableToConfirmOrIdentifyBeneficialOwner", description: "Nominee")))
        #expect(details.interests.first?.share == ShareRange(minimum: 0.25, maximum: 0.5))
    }
}
