/// Publishing a table of counts without letting anyone single out a report. Every published cell, total included,
/// counts at least `k` reports; smaller cells are hidden (primary suppression). Then more cells are hidden until no
/// hidden cell can be worked out from what is shown (secondary suppression): every row, column and total line that
/// hides anything hides at least two of its terms, hides at least `k` reports in all, and the interval an attacker
/// can derive for each hidden cell from the totals and the published bounds is wider than one value.
public struct CountTable: Equatable, Sendable {
    public let rows: [String]
    public let columns: [String]
    /// `counts[row][column]`.
    public let counts: [[Int]]

    public init(rows: [String], columns: [String], counts: [[Int]]) {
        precondition(counts.count == rows.count && counts.allSatisfy { $0.count == columns.count }, "a count per row and column")
        (self.rows, self.columns, self.counts) = (rows, columns, counts)
    }

    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] { columns.indices.map { c in counts.reduce(0) { $0 + $1[c] } } }
    public var total: Int { rowTotals.reduce(0, +) }
}

/// A table as it may be published: nil where a value is hidden.
public struct PublishedTable: Equatable, Sendable {
    public let rows: [String]
    public let columns: [String]
    public let cells: [[Int?]]
    public let rowTotals: [Int?]
    public let columnTotals: [Int?]
    public let total: Int?
    /// The smallest count a published value may have.
    public let k: Int

    public init(rows: [String], columns: [String], cells: [[Int?]], rowTotals: [Int?], columnTotals: [Int?], total: Int?, k: Int) {
        (self.rows, self.columns, self.cells, self.rowTotals, self.columnTotals, self.total, self.k) = (rows, columns, cells, rowTotals, columnTotals, total, k)
    }
}

public enum CellSuppression {
    public static let k = 5

    public static func protect(_ table: CountTable, k: Int = CellSuppression.k) -> PublishedTable {
        protect(family: [table], k: k)[0]
    }

    /// Tables that count the same reports by month (say) and each by another dimension share their row totals and
    /// their grand total; they are protected together, so no table gives away what another hides.
    public static func protect(family tables: [CountTable], k: Int = CellSuppression.k) -> [PublishedTable] {
        precondition(!tables.isEmpty && tables.allSatisfy { $0.rows == tables[0].rows && $0.rowTotals == tables[0].rowTotals },
                     "tables of one family count the same reports by the same rows")
        var grid = Grid(tables)
        for term in grid.terms where grid.value(term) < k { grid.hidden.insert(term) }
        while let more = grid.nextToHide(k: k) { grid.hidden.insert(more) }
        return tables.indices.map { grid.published($0, k: k) }
    }
}

/// A family of tables with their totals as one set of terms and the lines that tie them: in each table, each row
/// (its cells add up to the shared row total), each column, and the column totals (they add up to the grand total);
/// and the shared row totals, which add up to the grand total.
struct Grid {
    /// Cells and column totals name their table; row totals and the grand total are shared.
    enum Term: Hashable { case cell(Int, Int, Int), row(Int), column(Int, Int), total }
    struct Line { let parts: [Term]; let whole: Term }

    let tables: [CountTable]
    let terms: [Term]
    let lines: [Line]
    var hidden: Set<Term> = []

    init(_ tables: [CountTable]) {
        self.tables = tables
        let rows = tables[0].rows.indices
        terms = tables.indices.flatMap { t in
            rows.flatMap { r in tables[t].columns.indices.map { Term.cell(t, r, $0) } } + tables[t].columns.indices.map { Term.column(t, $0) }
        } + rows.map(Term.row) + [.total]
        lines = tables.indices.flatMap { t in
            rows.map { r in Line(parts: tables[t].columns.indices.map { .cell(t, r, $0) }, whole: .row(r)) }
                + tables[t].columns.indices.map { c in Line(parts: rows.map { .cell(t, $0, c) }, whole: .column(t, c)) }
                + [Line(parts: tables[t].columns.indices.map { .column(t, $0) }, whole: .total)]
        } + [Line(parts: rows.map(Term.row), whole: .total)]
    }

    func value(_ term: Term) -> Int {
        switch term {
        case .cell(let t, let r, let c): tables[t].counts[r][c]
        case .row(let r): tables[0].rowTotals[r]
        case .column(let t, let c): tables[t].columnTotals[c]
        case .total: tables[0].total
        }
    }

    /// The next term to hide, or nil when what is hidden is safe: first lines that hide one term or too few
    /// reports, then cells an attacker can pin down.
    func nextToHide(k: Int) -> Term? {
        for line in lines {
            let members = line.parts + [line.whole]
            let hiddenMembers = members.filter(hidden.contains)
            guard !hiddenMembers.isEmpty else { continue }
            let hiddenParts = line.parts.filter(hidden.contains).map(value).reduce(0, +)
            if hiddenMembers.count < 2 || (!hidden.contains(line.whole) && hiddenParts < k) {
                if let pick = cheapestShown(in: members) { return pick }
            }
        }
        let bounds = Attack(grid: self, k: k).bounds()
        for term in terms where hidden.contains(term) {
            guard let interval = bounds[term], interval.lowerBound == interval.upperBound else { continue }
            if let line = lines.first(where: { ($0.parts + [$0.whole]).contains(term) && cheapestShown(in: $0.parts + [$0.whole]) != nil }) {
                return cheapestShown(in: line.parts + [line.whole])
            }
        }
        return nil
    }

    /// The shown term with the fewest reports, cells before totals, so as little as possible is lost.
    private func cheapestShown(in members: [Term]) -> Term? {
        members.filter { !hidden.contains($0) }.min { a, b in
            (a.isTotal ? 1 : 0, value(a)) < (b.isTotal ? 1 : 0, value(b))
        }
    }

    func published(_ t: Int, k: Int) -> PublishedTable {
        func shown(_ term: Term) -> Int? { hidden.contains(term) ? nil : value(term) }
        let table = tables[t]
        return PublishedTable(rows: table.rows, columns: table.columns,
                              cells: table.rows.indices.map { r in table.columns.indices.map { shown(.cell(t, r, $0)) } },
                              rowTotals: table.rows.indices.map { shown(.row($0)) }, columnTotals: table.columns.indices.map { shown(.column(t, $0)) },
                              total: shown(.total), k: k)
    }
}

extension Grid.Term {
    var isTotal: Bool { if case .cell = self { false } else { true } }
}

/// What an attacker can derive: bounds on each hidden term, from 0 to the grand total at first, tightened by the
/// published values and the lines, line by line, until nothing changes.
struct Attack {
    let grid: Grid
    let k: Int

    func bounds() -> [Grid.Term: ClosedRange<Int>] {
        let ceiling = grid.value(.total)
        var bounds: [Grid.Term: ClosedRange<Int>] = [:]
        for term in grid.terms { bounds[term] = grid.hidden.contains(term) ? 0...ceiling : grid.value(term)...grid.value(term) }
        var changed = true
        while changed {
            changed = false
            for line in grid.lines {
                let parts = line.parts.map { bounds[$0]! }
                let whole = bounds[line.whole]!
                let low = parts.map(\.lowerBound).reduce(0, +), high = parts.map(\.upperBound).reduce(0, +)
                let wholeNew = max(whole.lowerBound, low) <= min(whole.upperBound, high) ? max(whole.lowerBound, low)...min(whole.upperBound, high) : whole
                if wholeNew != whole { bounds[line.whole] = wholeNew; changed = true }
                for (i, part) in line.parts.enumerated() {
                    let others = parts.enumerated().filter { $0.offset != i }.map(\.element)
                    let otherLow = others.map(\.lowerBound).reduce(0, +), otherHigh = others.map(\.upperBound).reduce(0, +)
                    let old = bounds[part]!
                    let low = max(old.lowerBound, wholeNew.lowerBound - otherHigh), high = min(old.upperBound, wholeNew.upperBound - otherLow)
                    // The true values satisfy every line, so the bounds never cross; guard anyway.
                    if low <= high, low...high != old { bounds[part] = low...high; changed = true }
                }
            }
        }
        return bounds
    }
}
