/// Which authority answers a complaint, by category and region. The most specific row wins: category and region,
/// then category alone, then region alone, then the default row (neither).
public struct RoutingTable: Codable, Equatable, Sendable {
    public struct Row: Codable, Equatable, Sendable {
        public var category: String?
        public var region: String?
        /// The key of the recipient organisation.
        public var authority: String

        public init(category: String?, region: String?, authority: String) {
            (self.category, self.region, self.authority) = (category, region, authority)
        }

        var specificity: Int { (category == nil ? 0 : 2) + (region == nil ? 0 : 1) }

        func matches(category: String, region: String?) -> Bool {
            (self.category == nil || self.category == category) && (self.region == nil || self.region == region)
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    public func authority(category: String, region: String?) -> String? {
        rows.filter { $0.matches(category: category, region: region) }.max { $0.specificity < $1.specificity }?.authority
    }

    /// Rows that repeat another's category and region, by index; the table may not be saved with any.
    public var repeatedRows: [Int] {
        var seen = Set<String>()
        return rows.indices.filter { !seen.insert("\(rows[$0].category ?? "*")|\(rows[$0].region ?? "*")").inserted }
    }
}
