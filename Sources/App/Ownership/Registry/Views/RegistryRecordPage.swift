import BeneficialOwnership
import Foundation

/// One company or person in the public registry: who ultimately owns or controls it (computed, with the chain drawn
/// and tabled), what it holds, and every statement of its record. A person's protected details never reach it.
struct RegistryRecordPage: PageModel {
    static let template = "registry_record"
    let titleKey = "registry.record_title"

    struct OwnerRow: Encodable, Sendable, Equatable {
        let name: String
        let href: String?
        let kind: String
        let note: String?
        let share: String
        let standing: String
        let paths: String
    }

    struct LinkRow: Encodable, Sendable, Equatable {
        let owner: String
        let subject: String
        let share: String
        let control: String
        let statement: String
    }

    struct HistoryRow: Encodable, Sendable, Equatable {
        let statement: String
        let date: String
        let status: String
    }

    struct Chart: Encodable, Sendable {
        let title: String
        let svg: String
    }

    let name: String
    let kind: String
    let note: String?
    let lei: String?
    let threshold: String
    let isEntity: Bool
    let owners: [OwnerRow]
    let chart: Chart?
    let chain: [LinkRow]
    let holds: [OwnerRow]
    let history: [HistoryRow]
    let searchHref: String

    init(_ profile: RegistryProfile, text: some Translating) {
        let words = RegistryPartyText(text: text)
        name = words.name(profile.party)
        kind = words.kind(profile.party)
        note = [words.unspecified(profile.party), words.politicalExposure(profile.party)].compactMap { $0 }.first
        lei = profile.party.lei
        threshold = text.t("registry.threshold", words.percent(profile.threshold))
        isEntity = profile.party.kind == .entity
        owners = profile.owners.map { Self.row($0.party, $0, words, text) }
        holds = profile.holds.map { Self.row($0.company, $0.holding, words, text) }
        chain = profile.chain.map { link in
            LinkRow(owner: words.name(profile.parties[link.owner]), subject: words.name(profile.parties[link.subject]), share: words.share(link.share),
                    control: text.t(link.controls ? "registry.control.yes" : "registry.control.no"), statement: link.statementID)
        }
        chart = profile.chain.isEmpty ? nil : Self.chart(profile, words, text)
        history = profile.history.map {
            HistoryRow(statement: $0.statementID, date: $0.statementDate.count >= 10 ? text.day(stored: String($0.statementDate.prefix(10))) : $0.statementDate,
                       status: $0.recordStatus.map { text.t("registry.status.\($0.rawValue)") } ?? "—")
        }
        searchHref = RegistryRoute.search.link()
    }

    private static func row(_ party: RegistryParty, _ holding: RegistryHolding, _ words: RegistryPartyText, _ text: some Translating) -> OwnerRow {
        OwnerRow(name: words.name(party), href: party.unspecified == nil || party.name != nil ? RegistryRoute.record.link(party.recordID) : nil,
                 kind: words.kind(party), note: [words.unspecified(party), words.politicalExposure(party)].compactMap { $0 }.first,
                 share: words.share(holding.share), standing: words.standing(holding.standing),
                 paths: text.plural(holding.paths, one: "registry.paths.one", other: "registry.paths.other"))
    }

    private static func chart(_ profile: RegistryProfile, _ words: RegistryPartyText, _ text: some Translating) -> Chart {
        var ids = [profile.party.recordID]
        for link in profile.chain { for id in [link.subject, link.owner] where !ids.contains(id) { ids.append(id) } }
        let nodes = ids.map { id in
            let party = profile.parties[id]
            return OwnershipChainChart.Node(id: id, label: words.name(party), isPerson: party?.kind == .person, isUnspecified: party?.unspecified != nil)
        }
        let links = profile.chain.map { link in
            let control = link.controls && (link.share?.minimum ?? 0) <= 0.5 ? " · " + text.t("registry.control.short") : ""
            return OwnershipChainChart.Link(owner: link.owner, subject: link.subject, label: words.share(link.share) + control)
        }
        let title = text.t("registry.chart.title", words.name(profile.party))
        let chart = OwnershipChainChart(id: "chain", title: title, summary: text.t("registry.chart.summary", String(profile.chain.count)),
                                        target: profile.party.recordID, nodes: nodes, links: links)
        return Chart(title: title, svg: chart.svg)
    }
}
