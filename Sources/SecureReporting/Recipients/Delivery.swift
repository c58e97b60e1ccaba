/// Who receives a report. A complaint the routing table sends to an authority goes to that authority instead of the
/// context's own recipients; anything else goes to the context's recipients. Rules then add recipients, and an
/// exclusion wins over everything, the routed authority included.
public enum Delivery {
    /// The organisations (by id) that receive the report. `recipients` maps the context's recipient keys, which rules
    /// name, to organisations.
    public static func organisations<ID: Hashable>(recipients: [String: ID], authority: ID?, evaluation: Evaluation) -> Set<ID> {
        let base = authority == nil ? Set(recipients.keys) : []
        var chosen = Set(evaluation.recipients(base: base).compactMap { recipients[$0] })
        let excluded = Set(evaluation.excludedRecipients.compactMap { recipients[$0] })
        if let authority, !excluded.contains(authority) { chosen.insert(authority) }
        return chosen.subtracting(excluded)
    }
}
