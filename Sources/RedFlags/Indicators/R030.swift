/// R030, late bid won: a valid bid received after the submission deadline (`/tender/tenderPeriod/endDate`) has a
/// tenderer who supplies an active award.
public struct LateBidWon: Indicator {
    public static let code = "R030"

    public init(_ settings: Settings) {}

    public func read(_ release: JSONValue, ocid: String, into results: inout Results) {
        guard let deadline = release["tender", "tenderPeriod", "endDate"]?.string.flatMap(Timestamp.seconds) else { return }
        let winners = Award.activeSuppliers(in: release)
        let late = Bid.all(in: release).contains { bid in
            bid.isValid && (bid.date.map { $0 > deadline } ?? false) && bid.tenderers.contains(where: winners.contains)
        }
        if late { results.flag(.ocid, ocid, Self.code, 1.0) }
    }
}
