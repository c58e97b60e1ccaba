import ExchangeCore
import Foundation

/// The complaint routing table, built from plain values: each row named in the reader's language, and the form to add
/// one with every category, region and public body it may name.
struct ComplaintRoutingPage: PageModel {
    static let template = "complaint_routing"
    let titleKey = "routing.title"

    struct Route: Sendable { let id: UUID; let category: String?; let region: String?; let authority: String }
    struct Row: Encodable, Sendable, Equatable { let category: String; let region: String; let authority: String; let removeAction: String }

    let rows: [Row]
    let categories: [Option]
    let regions: [Option]
    let authorities: [Option]
    let addAction: String
    let form: FormState

    init(routes: [Route], categories: [(key: String, title: LocalizedText)], authorities: [(id: UUID, name: String)], form: FormState,
         text: some Translating) {
        let titles = Dictionary(categories.map { ($0.key, $0.title[text.language]) }, uniquingKeysWith: { first, _ in first })
        let anything = text.t("routing.any")
        rows = routes.map { route in
            Row(category: route.category.map { titles[$0] ?? $0 } ?? anything,
                region: route.region.flatMap(WorldRegion.init).map { $0.name(in: text.language) } ?? anything,
                authority: route.authority, removeAction: ComplaintRoutingRoute.remove.link(route.id))
        }
        let chosen = form.values
        self.categories = categories.map { Option(value: $0.key, label: $0.title[text.language], selected: chosen["category"] == $0.key) }
        regions = WorldRegion.sortedNames(in: text.language).map { Option(value: $0.code, label: $0.name, selected: chosen["region"] == $0.code) }
        self.authorities = authorities.map {
            Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: chosen["authority"] == $0.id.uuidString.lowercased())
        }
        addAction = ComplaintRoutingRoute.add.link()
        self.form = form
    }
}
