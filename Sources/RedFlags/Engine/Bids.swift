/// Bids and awards as the indicators read them. A bid is *submitted* if it has a status other than invited or
/// withdrawn, as cardinal counts them (so an unmapped code such as "Qualified" counts; `prepare` maps codes first);
/// *valid* means qualified.
struct Bid: Sendable {
    let status: String?
    let tenderers: [String]
    let dateText: String?
    let amount: Double?
    let currency: String?

    var isSubmitted: Bool { status.map { $0 != "invited" && $0 != "withdrawn" } ?? false }
    var isValid: Bool { status == "valid" }
    var isDisqualified: Bool { status == "disqualified" }
    /// Read only by the indicators that need it.
    var date: Double? { dateText.flatMap(Timestamp.seconds) }

    static func all(in release: JSONValue) -> [Bid] {
        (release["bids", "details"]?.array ?? []).map { bid in
            Bid(status: bid["status"]?.string,
                tenderers: (bid["tenderers"]?.array ?? []).compactMap { $0["id"]?.string },
                dateText: bid["date"]?.string,
                amount: bid["value", "amount"]?.number,
                currency: bid["value", "currency"]?.string)
        }
    }
}

struct Award: Sendable {
    let id: String?
    let status: String?
    let suppliers: [String]
    let amount: Double?
    let currency: String?
    let dateText: String?

    /// Pending or invalid: the outcome is still open, so indicators about winners leave the process out.
    var isUndecided: Bool { status == "pending" || status == "invalid" }

    static func all(in release: JSONValue) -> [Award] {
        (release["awards"]?.array ?? []).map { award in
            Award(id: award["id"]?.string ?? award["id"]?.number.map(JSONWriter.number),
                  status: award["status"]?.string, suppliers: (award["suppliers"]?.array ?? []).compactMap { $0["id"]?.string },
                  amount: award["value", "amount"]?.number, currency: award["value", "currency"]?.string,
                  dateText: award["date"]?.string)
        }
    }
}
