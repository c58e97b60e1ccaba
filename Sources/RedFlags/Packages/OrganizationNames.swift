import Foundation

/// Names of the organizations compiled releases mention, by the identifier results use (`/parties/id` and the
/// references to it), so pages can say "Ministry of Health" where results say `BUY-1`. A party's own name is
/// preferred to the name on a reference to it; otherwise the first name seen stays.
public struct OrganizationNames: Sendable {
    public private(set) var byID: [String: String] = [:]
    private var fromParties: Set<String> = []

    public init() {}

    public mutating func add(_ release: JSONValue) {
        for party in release["parties"]?.array ?? [] {
            guard let id = party["id"]?.string, let name = Self.name(party), fromParties.insert(id).inserted else { continue }
            byID[id] = name
        }
        var references = [release["buyer"], release["tender", "procuringEntity"]]
        references += (release["bids", "details"]?.array ?? []).flatMap { $0["tenderers"]?.array ?? [] }
        references += (release["awards"]?.array ?? []).flatMap { $0["suppliers"]?.array ?? [] }
        references += (release["tender", "tenderers"]?.array ?? [])
        for case let reference? in references {
            guard let id = reference["id"]?.string, byID[id] == nil, let name = Self.name(reference) else { continue }
            byID[id] = name
        }
    }

    /// Only the names of these identifiers, to keep what is stored small.
    public func restricted(to ids: Set<String>) -> [String: String] { byID.filter { ids.contains($0.key) } }

    private static func name(_ organization: JSONValue) -> String? {
        guard let name = organization["name"]?.string?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return nil }
        return name
    }
}
