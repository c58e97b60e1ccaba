import Testing
@testable import ExchangeCore

struct RosterImportTests {
    let roster = """
        Full name,E-mail,Employer,Country,Areas of expertise
        Ana Pérez,ana@example.org,"Datos de Muestra, S.A.",México,procurement; dashboards
        "O'Brien, Sean",sean@example.org,Example Analytics Ltd,UK,network analysis
        ana perez,,"Datos de Muestra, S.A.",Mexico,dashboards; OCDS
        Lina Okafor,lina@example.org,Example Analytics Ltd,Lagos,training
        Kim Lee,kim@example.org,Independent,Korea,cybersecurity
        Marc Dubois,marc@example,Données Exemple,Frnace,audit analytics
        ,nobody@example.org,Nowhere,France,

        Sean O'Brien,other@example.org,Example Analytics Ltd,Ireland,x
        "Jo ""JJ"" Smith",jo@example.org,"Line one
        line two",Deutschland,"data engineering"
        """

    func plan() throws -> RosterPlan {
        let table = try DelimitedText.parse(roster)
        return RosterImport.plan(table, mapping: RosterMapping.suggested(for: table.header))
    }

    @Test func parsesQuotesEscapedQuotesAndLineBreaksWithStartingLines() throws {
        let table = try DelimitedText.parse(roster)
        #expect(table.header == ["Full name", "E-mail", "Employer", "Country", "Areas of expertise"])
        #expect(table.records[1].fields[0] == "O'Brien, Sean")
        let last = try #require(table.records.last)
        #expect(last.line == 11)
        #expect(last.fields[0] == "Jo \"JJ\" Smith")
        #expect(last.fields[2] == "Line one\nline two")
    }

    @Test func suggestsAMappingFromTheHeader() throws {
        let mapping = RosterMapping.suggested(for: try DelimitedText.parse(roster).header)
        #expect(mapping.columns == [.name: 0, .email: 1, .organisation: 2, .country: 3, .areas: 4])
    }

    @Test func mergesTheSamePersonAndCombinesTheirAreas() throws {
        let plan = try plan()
        let ana = try #require(plan.experts.first { $0.lines.contains(2) })
        #expect(ana.lines == [2, 4])
        #expect(ana.areas == ["procurement", "dashboards", "OCDS"])
        #expect(ana.country.value == "MX")
        #expect(ana.email?.value == "ana@example.org")
    }

    @Test func everyProblemComesBackWithItsLineBeforeAnythingIsWritten() throws {
        let plan = try plan()
        let byLine = Dictionary(grouping: plan.problems, by: \.line)
        #expect(byLine[5]?.first?.kind == .notACountry("Lagos"), "a city is flagged, not guessed")
        #expect(byLine[6]?.first?.kind == .ambiguousCountry("Korea", ["KP", "KR"]))
        #expect(byLine[7]?.contains { $0.kind == .invalidEmail("marc@example") } == true)
        #expect(byLine[7]?.contains { $0.kind == .countryCorrected("Frnace", to: "FR") } == true)
        #expect(byLine[8]?.first?.kind == .missingName)
        #expect(plan.flaggedLines == [5, 6, 7, 8])
        #expect(!plan.canImport(skippingFlagged: false), "nothing is written while a row is flagged")
        #expect(plan.canImport(skippingFlagged: true))
        #expect(Set(plan.experts.map(\.name)) == ["Ana Pérez", "O'Brien, Sean", "Sean O'Brien", "Jo \"JJ\" Smith"])
    }

    @Test func aDuplicateThatDisagreesIsFlagged() throws {
        let text = "name,country,email\nAna Pérez,MX,ana@example.org\nANA PEREZ,Spain,ana@example.org\nAna  Perez,MX,other@example.org\n"
        let table = try DelimitedText.parse(text)
        let plan = RosterImport.plan(table, mapping: .suggested(for: table.header))
        #expect(plan.problems.map(\.kind) == [.conflictingDuplicate(firstLine: 2, field: .country),
                                               .conflictingDuplicate(firstLine: 2, field: .email)])
        #expect(plan.experts.count == 1)
    }

    @Test func peopleAlreadyInTheProgrammeAreFlagged() throws {
        let table = try DelimitedText.parse("name,organisation,country\nAna Pérez,Datos,MX\nLuis Gómez,Datos,MX\n")
        let plan = RosterImport.plan(table, mapping: .suggested(for: table.header),
                                     existing: [RosterImport.identity(name: "ANA PEREZ", organisation: "datos")])
        #expect(plan.problems.map(\.kind) == [.alreadyInProgramme])
        #expect(plan.experts.map(\.name) == ["Luis Gómez"])
    }

    @Test func missingRequiredColumnsAndBadFilesAreRefused() throws {
        let noCountry = try DelimitedText.parse("name\tarea\nAna\tx\n")
        let plan = RosterImport.plan(noCountry, mapping: .suggested(for: noCountry.header))
        #expect(plan.problems.map(\.kind) == [.missingColumn(.country)])
        #expect(!plan.canImport(skippingFlagged: true))
        #expect(throws: DelimitedText.Problem.unterminatedQuote(line: 2)) { try DelimitedText.parse("name,country\n\"Ana,MX\n") }
        #expect(throws: DelimitedText.Problem.empty) { try DelimitedText.parse("") }
        let short = try DelimitedText.parse("name,country\nAna\n")
        #expect(RosterImport.plan(short, mapping: .suggested(for: short.header)).problems.map(\.kind) == [.wrongFieldCount(expected: 2, found: 1)])
    }
}
