/// Bids and awards as the indicators read them. A bid is *submitted* if it has a status other than invited or
/// withdrawn, as cardinal counts them (so an unmapped code such as "Qualified" counts; `prepare` maps codes first);
/// *valid* means qualified.
struct Bid {
    let status: String?
    let tenderers: [String]
    let date: Double?
    let amount: Double?
    let currency: String?

    var isSubmitted: Bool { status.map { $0 != "invited" && $0 != "withdrawn" } ?? false }
    var isValid: Bool { status == "valid" }
    var isDisqualified: Bool { status == "disqualified" }

    static func all(in release: JSONValue) -> [Bid] {
        (release["bids", "details"]?.array ?? []).map { bid in
            Bid(status: bid["status"]?.string,
                tenderers: (bid["tenderers"]?.array ?? []).compactMap { $0["id"]?.string },
                date: bid["date"]?.string.flatMap(Timestamp.seconds),
                amount: bid["value", "amount"]?.number,
                currency: bid["value", "currency"]?.string)
        }
    }
}

struct Award {
    let status: String?
    let suppliers: [String]

    /// Pending or invalid: the outcome is still open, so indicators about winners leave the process out.
    var isUndecided: Bool { status == "pending" || status == "invalid" }

    static func all(in release: JSONValue) -> [Award] {
        (release["awards"]?.array ?? []).map { award in
            Award(status: award["status"]?.string, suppliers: (award["suppliers"]?.array ?? []).compactMap { $0["id"]?.string })
        }
    }

    /// Suppliers of the awards that are active.
    static func activeSuppliers(in release: JSONValue) -> Set<String> {
        Set(all(in: release).filter { $0.status == "active" }.flatMap(\.suppliers))
    }
}
