@testable import App
import ExchangeCore
import Foundation

/// What every page-model test builds from: the real catalogs and taxonomy, read from the sources without the app,
/// and fixed ids and dates.
enum PageFixtures {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/App/Resources").standardizedFileURL
    static let catalogs = try! Catalogs.load(from: resources.appendingPathComponent("Localization"))
    static let taxonomy = try! SkillsTaxonomy.decode(Data(contentsOf: resources.appendingPathComponent("Taxonomy/skills.json")))

    static let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00CF4FC964FF")!
    static let otherID = UUID(uuidString: "0E984725-C51C-4BF4-9960-E1C80E27ABA0")!
    /// 2027-01-27, 00:00 UTC.
    static let day = Date(timeIntervalSince1970: 1_801_008_000)

    static func text(_ language: SupportedLanguage) -> PageText { PageText(catalogs: catalogs, language: language) }

    static let match = MatchHeading(id: id, needID: otherID, needTitle: "Red flags on our tenders", organisation: "Tribunal de Cuentas",
                                    expert: "Ada Lovelace", expertOrganisation: "Analytical Engines Ltd")
    static let matchPath = "/matches/6f9619ff-8b86-d011-b42d-00cf4fc964ff"
}
