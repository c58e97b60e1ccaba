/// Where the OCDS merge routine departs from identifier merge: fields dropped from a compiled release
/// (`omitWhenMerged`) and arrays replaced whole. Paths leave out array steps: `awards/suppliers/additionalIdentifiers`.
public struct MergeRules: Sendable, Equatable {
    public let omitted: Set<[String]>
    public let wholeList: Set<[String]>

    public init(omitted: Set<[String]>, wholeList: Set<[String]>) {
        self.omitted = omitted
        self.wholeList = wholeList
    }

    /// The rules of the OCDS 1.1.4 release schema, derived from it with `init(schema:)` (a test keeps them in step).
    public static let ocds114 = MergeRules(
        omitted: [["id"], ["date"], ["tag"]],
        wholeList: Set([
            "parties/additionalIdentifiers", "buyer/additionalIdentifiers", "tender/procuringEntity/additionalIdentifiers",
            "tender/tenderers/additionalIdentifiers", "tender/items/additionalClassifications",
            "tender/amendments/changes", "tender/amendment/changes",
            "awards/suppliers/additionalIdentifiers", "awards/items/additionalClassifications",
            "awards/amendments/changes", "awards/amendment/changes",
            "contracts/items/additionalClassifications", "contracts/amendments/changes", "contracts/amendment/changes",
            "contracts/implementation/transactions/payer/additionalIdentifiers",
            "contracts/implementation/transactions/payee/additionalIdentifiers",
        ].map { $0.split(separator: "/").map(String.init) }))

    /// Reads the rules from a release schema (an extended one too): `omitWhenMerged` fields, and arrays that set
    /// `wholeListMerge`, whose items are not objects, or whose object items have no `id` property.
    public init(schema: JSONValue) {
        var omitted = Set<[String]>(), wholeList = Set<[String]>()
        let definitions = schema["definitions"]
        func resolve(_ node: JSONValue) -> JSONValue {
            var node = node
            for _ in 0..<16 {
                guard let reference = node["$ref"]?.string, let name = reference.split(separator: "/").last,
                      let target = definitions?[String(name)] else { break }
                node = target
            }
            return node
        }
        func types(_ node: JSONValue) -> [String] {
            node["type"]?.string.map { [$0] } ?? node["type"]?.array?.compactMap(\.string) ?? []
        }
        func walk(_ raw: JSONValue, _ path: [String], depth: Int) {
            // OCDS definitions nest, never recurse, within this depth.
            guard depth < 16 else { return }
            let node = resolve(raw)
            if node["omitWhenMerged"] == .bool(true) {
                omitted.insert(path)
                return
            }
            if types(node).contains("array") {
                let items = resolve(node["items"] ?? .null)
                let itemTypes = types(items)
                // Arrays of literals are replaced whole by the merge itself; only arrays of objects need a rule.
                if itemTypes.contains(where: { $0 != "object" }) { return }
                let noIdentifier = itemTypes.contains("object") && items["properties"] != nil && items["properties", "id"] == nil
                if node["wholeListMerge"] == .bool(true) || noIdentifier {
                    wholeList.insert(path)
                    return
                }
                walk(items, path, depth: depth + 1)
            }
            guard case .object(let properties)? = node["properties"] else { return }
            for (name, child) in properties { walk(child, path + [name], depth: depth + 1) }
        }
        walk(schema, [], depth: 0)
        self.omitted = omitted
        self.wholeList = wholeList
    }
}
