import Foundation
import Testing
@testable import ExchangeCore

struct SkillsTaxonomyTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/App/Resources/Taxonomy/skills.json").standardizedFileURL

    func taxonomy() throws -> SkillsTaxonomy {
        try SkillsTaxonomy.decode(Data(contentsOf: Self.file))
    }

    @Test func theShippedFileIsValidAndCoversTheSixSupportAreas() throws {
        let t = try taxonomy()
        #expect(Set(t.groups.compactMap(\.supportArea)) == [1, 2, 3, 4, 5, 6])
        for id in ["data-governance", "data-engineering", "data-cleaning", "statistics-econometrics", "predictive-analytics",
                   "procurement-red-flags", "ocds", "beneficial-ownership", "network-analysis", "text-and-search",
                   "data-visualisation", "open-data-portals", "cybersecurity", "whistleblowing-systems", "digital-identity",
                   "cloud-infrastructure", "training-design"] {
            #expect(t.skill(id) != nil, "\(id)")
        }
    }

    @Test(arguments: [
        ("visualisation", "data-visualisation"), ("Visualización", "data-visualisation"), ("lanceur d'alerte", "whistleblowing-systems"),
        ("GDPR", "data-protection"), ("rgpd", "data-protection"), ("apprentissage", "predictive-analytics"),
        ("banderas rojas", "procurement-red-flags"), ("beneficiario final", "beneficial-ownership"), ("OCDS", "ocds"),
        ("securite", "cybersecurity"), ("ciberseguridad", "cybersecurity"),
    ])
    func searchFindsLabelsAndSynonymsInAllThreeLanguages(query: String, expected: String) throws {
        #expect(try taxonomy().search(query).first?.id == expected, "\(query)")
    }

    @Test func searchRanksExactThenPrefixThenContains() throws {
        let t = try taxonomy()
        #expect(t.search("data governance").first?.id == "data-governance")
        #expect(t.search("").isEmpty)
        #expect(t.search("zzzz").isEmpty)
    }

    @Test func renamingKeepsTheIdAndAddingIsChecked() throws {
        let t = try taxonomy()
        let renamed = try t.renaming("ocds", to: .init(en: "OCDS data", fr: "Données OCDS", es: "Datos OCDS"))
        #expect(renamed.skill("ocds")?.labels.en == "OCDS data")
        #expect(renamed.search("Données OCDS").first?.id == "ocds")
        #expect(throws: SkillsTaxonomy.Problem.duplicateID("ocds")) {
            try t.adding(.init(id: "ocds", group: "analysis", labels: .init(en: "x", fr: "x", es: "x")))
        }
        #expect(throws: SkillsTaxonomy.Problem.unknownGroup(skill: "new-skill", group: "nowhere")) {
            try t.adding(.init(id: "new-skill", group: "nowhere", labels: .init(en: "x", fr: "x", es: "x")))
        }
        #expect(throws: SkillsTaxonomy.Problem.missingLabel("new-skill")) {
            try t.adding(.init(id: "new-skill", group: "analysis", labels: .init(en: "x", fr: "", es: "x")))
        }
        let added = try t.adding(.init(id: "new-skill", group: "analysis", labels: .init(en: "Record linkage at scale", fr: "x", es: "x")))
        #expect(added.search("record linkage at").first?.id == "new-skill")
    }

    @Test func aNewSkillMayNotTakeAnExistingEnglishName() throws {
        let t = try taxonomy()
        let existing = try #require(t.skill("ocds")).labels.en
        let again = SkillDraft(group: "analysis", labels: .init(en: " \(existing.uppercased()) ", fr: "x", es: "x"), synonyms: [])
        #expect(again.validate(against: t) == [FieldError("labelEN", .nameTaken)])
        let fresh = SkillDraft(group: "analysis", labels: .init(en: "Record linkage at scale", fr: "x", es: "x"), synonyms: [])
        #expect(fresh.validate(against: t).isEmpty)
    }

    @Test func administratorsEditsApplyInOrderOverTheFile() throws {
        let t = try taxonomy()
        let edits: [SkillsTaxonomy.Skill] = [
            .init(id: "record-linkage", group: "analysis", labels: .init(en: "Record linkage", fr: "Appariement", es: "Vinculación"),
                  synonyms: ["entity resolution"]),
            .init(id: "ocds", group: "somewhere-else", labels: .init(en: "OCDS data", fr: "Données OCDS", es: "Datos OCDS")),
            .init(id: "record-linkage", group: "analysis", labels: .init(en: "Record linkage at scale", fr: "Appariement", es: "Vinculación")),
        ]
        let edited = try t.applying(edits)
        #expect(edited.skills.count == t.skills.count + 1)
        #expect(edited.skill("ocds")?.group == t.skill("ocds")?.group, "renaming never moves a skill")
        #expect(edited.skill("record-linkage")?.labels.en == "Record linkage at scale")
        #expect(edited.search("record-linkage").first?.id == "record-linkage", "ids are found too")
        #expect(edited.search("entity resolution").isEmpty, "the last edit's synonyms replace the earlier ones")
        #expect(throws: SkillsTaxonomy.Problem.unknownSkill("nothing")) { try t.renaming("nothing", to: .init(en: "a", fr: "b", es: "c")) }
    }

    @Test func suggestedIDsAreSlugsThatNeverCollide() throws {
        let t = try taxonomy()
        #expect(t.suggestedID(for: "Análisis de Redes Sociales!") == "analisis-de-redes-sociales")
        #expect(t.suggestedID(for: "OCDS") == "ocds-2")
        #expect(t.suggestedID(for: "—") == "skill")
    }
}
