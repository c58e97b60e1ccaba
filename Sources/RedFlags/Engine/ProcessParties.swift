/// The organizations of one contracting process, by the identifiers results use.
public struct ProcessParties: Sendable, Equatable {
    public let buyer: String?
    public let procuringEntity: String?
    /// Tenderers of any bid, and suppliers of any award: the `Tenderer` group holds both.
    public let tenderers: Set<String>
    public let suppliers: Set<String>

    public init(buyer: String?, procuringEntity: String?, tenderers: Set<String>, suppliers: Set<String>) {
        self.buyer = buyer
        self.procuringEntity = procuringEntity
        self.tenderers = tenderers
        self.suppliers = suppliers
    }

    init(_ process: ContractingProcess) {
        buyer = process.release.buyer
        procuringEntity = process.tender.procuringEntity
        suppliers = Set(process.awards.flatMap(\.suppliers))
        tenderers = Set(process.bids.flatMap(\.tenderers)).union(suppliers)
    }

    /// The codes that flag the process itself or any of its organizations.
    public func flags(in results: Results, ocid: String) -> Set<String> {
        var codes = Set(results.groups[.ocid]?[ocid]?.keys ?? [])
        func add(_ group: Group, _ id: String?) {
            if let id, let found = results.groups[group]?[id]?.keys { codes.formUnion(found) }
        }
        add(.buyer, buyer)
        add(.procuringEntity, procuringEntity)
        for id in tenderers { add(.tenderer, id) }
        return codes
    }
}
