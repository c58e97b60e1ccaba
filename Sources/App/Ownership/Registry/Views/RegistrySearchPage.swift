import Foundation

/// The registry's front page: a search by company, person or identifier, and the open-data downloads.
struct RegistrySearchPage: PageModel {
    static let template = "registry"
    let titleKey = "registry.title"

    struct Row: Encodable, Sendable, Equatable {
        let name: String
        let href: String
        let kind: String
        let detail: String?
    }

    let query: String
    let searched: Bool
    let results: [Row]
    let resultCount: String
    let statementsHref: String
    let ownersHref: String
    let importHref: String?

    init(query: String, results: [RegistryParty], canImport: Bool, text: some Translating) {
        let words = RegistryPartyText(text: text)
        self.query = query
        searched = !query.isEmpty
        self.results = results.map { party in
            Row(name: words.name(party), href: RegistryRoute.record.link(party.recordID), kind: words.kind(party),
                detail: [party.lei.map { "LEI \($0)" }, words.unspecified(party), words.politicalExposure(party)].compactMap { $0 }.joined(separator: " · ").nonEmpty)
        }
        resultCount = text.plural(results.count, one: "registry.results.one", other: "registry.results.other")
        statementsHref = RegistryRoute.statements.link()
        ownersHref = RegistryRoute.ownersCSV.link()
        importHref = canImport ? RegistryRoute.importForm.link() : nil
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
