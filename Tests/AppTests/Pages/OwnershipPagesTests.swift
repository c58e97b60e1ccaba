@testable import App
import BeneficialOwnership
import FastJSON
import Foundation
import XCTest

/// The registry's pages, built from plain values without the app: empty, typical and error states.
final class OwnershipPagesTests: XCTestCase {
    let text = PageFixtures.text

    static let company = RegistryParty(recordID: "c1", name: "Acme SL", kind: .entity, unspecified: nil, politicalExposure: nil, lei: "506700GE1G29325QX363")
    static let person = RegistryParty(recordID: "p1", name: "Ana Ejemplo", kind: .person, unspecified: nil, politicalExposure: .isPep, lei: nil)
    static let hidden = RegistryParty(recordID: "unspecified:s9", name: nil, kind: .person,
                                      unspecified: Unspecified(reason: "interestedPartyExemptFromDisclosure", description: "Court order"),
                                      politicalExposure: nil, lei: nil)

    static func statement(_ record: String, type: String = "entity") throws -> BODSStatement {
        let json = #"{"statementId":"\#(record)-statement-0000000000000000000000000","statementDate":"2026-01-15","recordId":"\#(record)","recordType":"\#(type)","recordStatus":"new","declarationSubject":"\#(record)","recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"Acme SL"}}"#
        return try XCTUnwrap(BODSStatement(try JSONParser.parse(Array(json.utf8))))
    }

    func profile(owners: [RegistryHolding], chain: [RegistryLink]) throws -> RegistryProfile {
        RegistryProfile(party: Self.company, current: try Self.statement("c1"), history: [try Self.statement("c1")], owners: owners, chain: chain,
                        parties: ["c1": Self.company, "p1": Self.person, "unspecified:s9": Self.hidden], holds: [], threshold: 0.25)
    }

    func testARecordShowsOwnersWithRangesStandingsAndTheChainDrawnAndTabled() throws {
        let owners = [
            RegistryHolding(party: Self.person, share: ShareRange(minimum: 0.3, maximum: 0.45), standing: .owner, controls: false, paths: 2),
            RegistryHolding(party: Self.hidden, share: ShareRange(exactly: 0.4), standing: .owner, controls: false, paths: 1),
        ]
        let chain = [RegistryLink(subject: "c1", owner: "p1", share: ShareRange(minimum: 0.3, maximum: 0.45), controls: false, statementID: "s1"),
                     RegistryLink(subject: "c1", owner: "unspecified:s9", share: ShareRange(exactly: 0.4), controls: false, statementID: "s9")]
        let page = RegistryRecordPage(try profile(owners: owners, chain: chain), text: text(.fr))
        XCTAssertEqual(page.name, "Acme SL")
        XCTAssertEqual(page.lei, "506700GE1G29325QX363")
        XCTAssertEqual(page.threshold, "Une personne est bénéficiaire à partir d’une part effective de 25\u{00A0}%.")
        XCTAssertEqual(page.owners.map(\.share), ["30\u{00A0}% à 45\u{00A0}%", "40\u{00A0}%"])
        XCTAssertEqual(page.owners.map(\.standing), ["Bénéficiaire effectif", "Bénéficiaire effectif"])
        XCTAssertEqual(page.owners[0].note, "Personne politiquement exposée")
        XCTAssertEqual(page.owners[1].name, "Personne non nommée")
        XCTAssertEqual(page.owners[1].href, nil, "an unnamed party has no page")
        XCTAssertEqual(page.owners[1].note, "Anonyme ou inconnu : le bénéficiaire est dispensé de déclaration (Court order)")
        XCTAssertEqual(page.owners[0].paths, "2 chaînes")
        XCTAssertEqual(page.chain.map(\.statement), ["s1", "s9"])
        let svg = try XCTUnwrap(page.chart?.svg)
        XCTAssertTrue(svg.contains("<title id=\"chain-title\">Chaîne de propriété de Acme SL</title>"))
        XCTAssertTrue(svg.contains("stroke-dasharray"), "the unspecified owner is drawn dashed")
        XCTAssertEqual(page.history.map(\.status), ["première déclaration"])
    }

    func testARecordWithoutOwnersSaysSoAndDrawsNothing() throws {
        let page = RegistryRecordPage(try profile(owners: [], chain: []), text: text(.en))
        XCTAssertEqual(page.owners, [])
        XCTAssertNil(page.chart)
        XCTAssertTrue(page.isEntity)
    }

    func testTheSearchPageListsResultsAndOffersImportOnlyToImporters() {
        let empty = RegistrySearchPage(query: "", results: [], canImport: false, text: text(.en))
        XCTAssertFalse(empty.searched)
        XCTAssertNil(empty.importHref)
        XCTAssertEqual(empty.statementsHref, "/registry/download/statements.json")
        let page = RegistrySearchPage(query: "acme", results: [Self.company, Self.person], canImport: true, text: text(.es))
        XCTAssertEqual(page.resultCount, "2 fichas encontradas")
        XCTAssertEqual(page.results.map(\.href), ["/registry/records/c1", "/registry/records/p1"])
        XCTAssertEqual(page.results[0].detail, "LEI 506700GE1G29325QX363")
        XCTAssertEqual(page.results[1].detail, "Persona políticamente expuesta")
        XCTAssertEqual(page.importHref, "/registry/import")
    }

    func testTheImportPageListsTheProblemsOfARefusedFile() {
        let problems = (1...120).map { BODSProblem(line: $0, item: nil, pointer: "/recordId", rule: "required", expected: "recordId") }
        let page = RegistryImportPage(imports: [], refusal: .init(error: "120 problems", problems: problems, count: 120), text: text(.en))
        XCTAssertEqual(page.problems.count, 100)
        XCTAssertEqual(page.problems[0], FileProblemRow(place: "Line 1 · /recordId", message: "recordId is missing."))
        XCTAssertEqual(page.moreProblems, "…and 20 more problems.")
        let clean = RegistryImportPage(imports: [], refusal: nil, text: text(.en))
        XCTAssertNil(clean.error)
        XCTAssertNil(clean.moreProblems)
    }
}
