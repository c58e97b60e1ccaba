import ExchangeCore
@testable import SecureReporting
import XCTest

/// GeoReport v2's mapping of a questionnaire and of a posted body, and its XML.
final class GeoReportTests: XCTestCase {
    private let bribery = SeedQuestionnaire.bribery.questionnaire

    func testAttributesArePostedOnePerQuestionRepeatedOrBracketedForSeveral() {
        let answers = GeoReport.answers(from: [("service_code", "bribery"), ("attribute[service]", "police"), ("attribute[asked][]", "money"),
                                               ("attribute[asked][]", "gift"), ("attribute[where]", "155"), ("attribute[broken", "x"),
                                               ("email", "someone@example.org"), ("description", "Cash was asked.")], for: bribery)
        XCTAssertEqual(answers, ["service": ["police"], "asked": ["money", "gift"], "where": ["155"], "account": ["Cash was asked."]],
                       "the description answers the first long text; contact details and malformed names are dropped")
        let given = GeoReport.answers(from: [("attribute[account]", "Mine."), ("description", "Ignored.")], for: bribery)
        XCTAssertEqual(given["account"], ["Mine."], "an attribute given wins over the description")
    }

    func testTheDefinitionFollowsTheQuestionnaireWithFilesLeftOutAndDemographicsOptional() {
        let definition = GeoReport.definition(code: "bribery", of: bribery, in: .fr, regions: [("155", "Europe de l’Ouest")], yesNo: { $0.rawValue })
        let questions = bribery.reportFields.map(\.field).filter { $0.kind != .file } + bribery.demographics
        XCTAssertEqual(definition.attributes.map(\.code), questions.map(\.id))
        XCTAssertFalse(definition.attributes.contains { attribute in bribery.field(attribute.code)?.kind == .file })
        let demographics = Set(bribery.demographics.map(\.id))
        XCTAssertTrue(definition.attributes.filter { demographics.contains($0.code) }.allSatisfy { !$0.required })
        let service = definition.attributes.first { $0.code == "service" }
        XCTAssertEqual(service?.description, "De quel service s’agit-il ?")
        XCTAssertEqual(service?.values?.first?.name, "Santé")
        XCTAssertEqual(definition.attributes.first { $0.code == "where" }?.values, [GeoReport.Value(key: "155", name: "Europe de l’Ouest")])
        XCTAssertEqual(GeoReport.datatype(.multipleChoice), "multivaluelist")
        XCTAssertEqual(GeoReport.datatype(.date), "datetime")
    }

    func testXMLEscapesMarkupAndDropsWhatXMLCannotCarry() {
        let xml = GeoReport.xml([GeoReport.Error(code: 422, description: "a < b & \"c\" \u{1}")])
        XCTAssertEqual(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<errors><error><code>422</code><description>a &lt; b &amp; &quot;c&quot; </description></error></errors>\n")
    }

    func testDatetimesAreW3CInUTC() {
        XCTAssertEqual(GeoReport.datetime(Date(timeIntervalSince1970: 1_764_806_400)), "2025-12-04T00:00:00Z")
    }
}
