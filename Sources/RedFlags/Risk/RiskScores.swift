import Foundation

/// A composite risk score per process: the weights of the indicators that flag it or its organizations, over the
/// weights of all indicators that ran, so 0 means no flag and 1 means every flag. Buyers and suppliers get the
/// mean score of their processes, beside how many there are and how many are flagged.
public struct RiskScores: Sendable, Equatable {
    public struct ProcessScore: Sendable, Equatable {
        public let ocid: String
        public let score: Double
        public let codes: [String]
    }

    public struct OrganizationScore: Sendable, Equatable {
        public let id: String
        public let processes: Int
        public let flagged: Int
        public let mean: Double
        public let max: Double
    }

    /// Highest score first, then by identifier, so equal inputs give equal output.
    public let processes: [ProcessScore]
    public let buyers: [OrganizationScore]
    public let suppliers: [OrganizationScore]

    public init(results: Results, parties: [String: ProcessParties], weights: RiskWeights) {
        let total = weights.total
        let codeOrder = Dictionary(uniqueKeysWithValues: weights.byCode.enumerated().map { ($1.code, $0) })
        var scores: [String: ProcessScore] = [:]
        for (ocid, found) in parties {
            let codes = found.flags(in: results, ocid: ocid).filter { codeOrder[$0] != nil }.sorted { codeOrder[$0]! < codeOrder[$1]! }
            let sum = codes.reduce(0) { $0 + weights.weight($1) }
            scores[ocid] = ProcessScore(ocid: ocid, score: total > 0 ? sum / total : 0, codes: codes)
        }
        processes = scores.values.sorted { ($0.score, $1.ocid) > ($1.score, $0.ocid) }
        buyers = Self.aggregate(scores, parties) { $0.buyer.map { [$0] } ?? [] }
        suppliers = Self.aggregate(scores, parties) { Array($0.suppliers) }
    }

    private static func aggregate(_ scores: [String: ProcessScore], _ parties: [String: ProcessParties],
                                  _ members: (ProcessParties) -> [String]) -> [OrganizationScore] {
        var byOrganization: [String: [ProcessScore]] = [:]
        // In process order: the means are sums of doubles, and a dictionary's order differs between processes.
        for ocid in parties.keys.sorted() {
            for id in members(parties[ocid]!).sorted() { byOrganization[id, default: []].append(scores[ocid]!) }
        }
        return byOrganization.map { id, list in
            OrganizationScore(id: id, processes: list.count, flagged: list.count { !$0.codes.isEmpty },
                              mean: list.reduce(0) { $0 + $1.score } / Double(list.count), max: list.map(\.score).max() ?? 0)
        }
        .sorted { ($0.mean, $0.flagged, $1.id) > ($1.mean, $1.flagged, $0.id) }
    }

    public func table(top: Int) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var lines = ["Processes (top \(min(top, processes.count)) of \(processes.count))", "score  flags  ocid"]
        lines += processes.prefix(top).map { "\(f($0.score))  \($0.codes.joined(separator: ",").ifEmpty("-"))  \($0.ocid)" }
        for (title, list) in [("Buyers", buyers), ("Suppliers", suppliers)] {
            lines += ["", "\(title) (top \(min(top, list.count)) of \(list.count))", "mean   max    flagged/processes  id"]
            lines += list.prefix(top).map { "\(f($0.mean))  \(f($0.max))  \($0.flagged)/\($0.processes)  \($0.id)" }
        }
        return lines.joined(separator: "\n")
    }

    public func json(weights: RiskWeights) -> String {
        let key = Results.key, n = Results.decimal
        let weightText = weights.byCode.map { key($0.code) + ":" + n($0.weight) }.joined(separator: ",")
        let processText = processes.map {
            "{\"ocid\":\(key($0.ocid)),\"score\":\(n($0.score)),\"flags\":[" + $0.codes.map(key).joined(separator: ",") + "]}"
        }
        func organizations(_ list: [OrganizationScore]) -> String {
            "[" + list.map {
                "{\"id\":\(key($0.id)),\"mean\":\(n($0.mean)),\"max\":\(n($0.max)),\"flagged\":\($0.flagged),\"processes\":\($0.processes)}"
            }.joined(separator: ",") + "]"
        }
        return "{\"weights\":{\(weightText)},\"processes\":[" + processText.joined(separator: ",") + "],\"buyers\":"
            + organizations(buyers) + ",\"suppliers\":" + organizations(suppliers) + ",\"caveat\":" + key(RedFlags.caveat) + "}"
    }
}

private extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
