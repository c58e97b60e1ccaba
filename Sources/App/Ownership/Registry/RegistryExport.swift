import BeneficialOwnership
import FastJSON
import Foundation

/// The registry's open data: every statement as BODS 0.4 (people's protected details left out), and each company's
/// computed owners as CSV. docs/ownership.md is the data dictionary.
enum RegistryExport {
    static func statementsJSON(_ statements: [BODSStatement]) -> String {
        "[\n" + statements.map { JSONWriter.string($0.publicJSON) }.joined(separator: ",\n") + "\n]\n"
    }

    static let csvColumns = ["company_record_id", "company_name", "owner_record_id", "owner_name", "owner_kind", "owner_unspecified_reason",
                             "share_minimum_percent", "share_maximum_percent", "standing", "controls", "paths"]

    /// One row per company and party at the end of its chains whose standing is not `below` the threshold.
    static func ownersCSV(_ current: OwnershipRegistryService.Current, threshold: Double) -> [String] {
        var owners = UltimateOwners(graph: current.graph)
        var lines = [CSVExport.row(csvColumns)]
        let companies = current.graph.ids.indices.filter {
            if case .entity = current.graph.kinds[$0] { return current.parties[current.graph.ids[$0]] != nil }
            return false
        }
        for company in companies.sorted(by: { current.graph.ids[$0] < current.graph.ids[$1] }) {
            let party = current.parties[current.graph.ids[company]]
            for holding in owners.holdings(of: company) where holding.party != company && holding.standing(threshold: threshold) != .below {
                let ownerID = current.graph.ids[holding.party]
                let owner = current.parties[ownerID]
                lines.append(CSVExport.row([
                    current.graph.ids[company], party?.name ?? "", ownerID, owner?.name ?? "", owner?.kind.rawValue ?? "entity",
                    owner?.unspecified?.reason ?? "", number(holding.share.minimum), number(holding.share.maximum),
                    holding.standing(threshold: threshold).rawValue, holding.controls ? "true" : "false", String(holding.paths),
                ]))
            }
        }
        return lines
    }

    private static func number(_ share: Double) -> String {
        String(format: "%.4f", RegistryPercent.value(share))
    }
}

extension BODSProblem {
    /// Where in the file, in the reader's language.
    func place(_ text: some Translating) -> String {
        let number = String(line)
        let place = line == 0 ? text.t("registry.place.file") : item.map { text.t("registry.place.item", number, String($0)) }
            ?? text.t("registry.place.line", number)
        return pointer.isEmpty ? place : place + " · " + pointer
    }

    /// The rule broken, in the reader's language.
    func message(_ text: some Translating) -> String {
        let known = Self.rules.contains(rule)
        return text.t(known ? "registry.rule.\(rule)" : "registry.rule.other", known ? [expected] : [rule, expected])
    }

    /// The rules a message is written for; any other schema keyword gets the general one.
    static let rules: Set<String> = [
        "invalid_json", "not_an_object", "not_an_array", "empty", "invalid_csv", "missing_column", "lei_check_digits", "duplicate_statement", "statement_rewritten", "required", "type", "enum",
        "const", "format", "anyOf", "oneOf", "minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "uniqueItems",
    ]
}
