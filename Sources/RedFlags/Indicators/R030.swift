/// R030, late bid won: a valid bid received after the submission deadline (`/tender/tenderPeriod/endDate`) has a
/// tenderer who supplies an active award. The process and those tenderers are flagged with 1.0.
public struct LateBidWon: ProcessIndicator {
    public static let code = "R030"

    public init(_ settings: Settings) {}

    public func read(_ process: ContractingProcess, into results: inout Results) {
        guard let deadline = process.tender.tenderPeriodEnd?.seconds else { return }
        let winners = process.activeSuppliers
        let late = Set(process.bids.filter { $0.isValid && ($0.date.map { $0 > deadline } ?? false) }.flatMap(\.tenderers))
            .intersection(winners)
        guard !late.isEmpty else { return }
        results.flag(.ocid, process.ocid, Self.code, 1.0)
        for tenderer in late.sorted() { results.flag(tenderer: tenderer, Self.code, 1.0, in: process.ocid) }
    }
}
