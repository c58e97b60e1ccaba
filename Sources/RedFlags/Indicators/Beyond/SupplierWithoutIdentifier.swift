/// IX06, supplier without identifier: a supplier of an active award has no `/parties[]` entry with an
/// `identifier/id`, so it cannot be told apart from other organizations or checked in registers. The process gets
/// the number of such suppliers; each supplier 1.0.
public struct SupplierWithoutIdentifier: ProcessIndicator {
    public static let code = "IX06"

    public init(_ settings: Settings) {}

    public func read(_ process: ContractingProcess, into results: inout Results) {
        let identified = Set(process.release.parties.compactMap { $0.isIdentified ? $0.id : nil })
        let missing = process.activeSuppliers.subtracting(identified).sorted()
        guard !missing.isEmpty else { return }
        results.flag(.ocid, process.ocid, Self.code, Double(missing.count))
        for supplier in missing { results.flag(tenderer: supplier, Self.code, 1.0, in: process.ocid) }
    }
}
