import SecureReporting
import Testing

@Suite struct CellSuppressionTests {
    @Test func oneSmallCellTakesOthersWithItInEveryLine() {
        let table = CountTable(rows: ["North", "South", "East"], columns: ["health", "police", "land"],
                               counts: [[12, 3, 20], [15, 9, 11], [30, 14, 8]])
        let published = CellSuppression.protect(table)
        #expect(published.cells[0][1] == nil)
        #expect(published.cells[0].filter { $0 == nil }.count >= 2, "a row that hides one cell hides another")
        #expect(published.cells.map { $0[1] }.filter { $0 == nil }.count >= 2, "so does a column")
        #expect(published.total == table.total)
        #expect(everyShownValueIsAtLeastK(published))
        var attacker = Attacker(published, truth: table)
        #expect(attacker.pinnedTerms() == [] && attacker.exhausted)
    }

    @Test func aTableBelowKShowsNothing() {
        let published = CellSuppression.protect(CountTable(rows: ["a", "b"], columns: ["x", "y"], counts: [[1, 0], [2, 1]]))
        #expect(published.total == nil && published.cells.joined().allSatisfy { $0 == nil })
    }

    @Test func aBigEnoughTableShowsEverything() {
        let table = CountTable(rows: ["a", "b"], columns: ["x", "y"], counts: [[5, 6], [7, 8]])
        let published = CellSuppression.protect(table)
        #expect(published.cells == [[5, 6], [7, 8]] && published.total == 26)
    }

    /// Hundreds of small tables with many small cells; an attacker who enumerates every table consistent with what
    /// is published (each value no larger than the true total) finds no hidden value that is the same in all.
    @Test(arguments: [(2, 2, 150), (2, 3, 150), (3, 3, 150)])
    func noHiddenValueCanBeDerivedFromWhatIsShown(rows: Int, columns: Int, tables: Int) {
        var generator = SeededGenerator(seed: UInt64(rows * 10 + columns))
        for _ in 0..<tables {
            let counts = (0..<rows).map { _ in
                (0..<columns).map { _ in Bool.random(using: &generator) ? Int.random(in: 0...4, using: &generator) : Int.random(in: 5...9, using: &generator) }
            }
            let table = CountTable(rows: (0..<rows).map { "r\($0)" }, columns: (0..<columns).map { "c\($0)" }, counts: counts)
            let published = CellSuppression.protect(table)
            #expect(everyShownValueIsAtLeastK(published), "\(counts)")
            var attacker = Attacker(published, truth: table)
            #expect(attacker.pinnedTerms() == [], "\(counts)")
            #expect(attacker.exhausted, "the attacker gave up on \(counts)")
        }
    }

    private func everyShownValueIsAtLeastK(_ p: PublishedTable) -> Bool {
        (p.cells.joined().compactMap { $0 } + p.rowTotals.compactMap { $0 } + p.columnTotals.compactMap { $0 } + [p.total].compactMap { $0 })
            .allSatisfy { $0 >= p.k }
    }
}

/// Tries to work out hidden values: for each hidden value (a cell, a row or column total, the total), it searches
/// for a table of counts consistent with everything published in which that value differs from the truth (counts
/// no larger than the true total). A hidden value with no such table is derivable ("pinned").
struct Attacker {
    let published: PublishedTable
    let truth: CountTable
    /// False when a search hit its budget before it could judge a hidden value.
    private(set) var exhausted = true
    static let budget = 2_000_000

    init(_ published: PublishedTable, truth: CountTable) {
        (self.published, self.truth) = (published, truth)
    }

    enum Term: Hashable { case cell(Int, Int), row(Int), column(Int), total }

    mutating func pinnedTerms() -> [String] {
        var pinned: [String] = []
        for term in hiddenTerms() {
            let actual = value(term)
            let others = (0...truth.total).filter { $0 != actual }.sorted { abs($0 - actual) < abs($1 - actual) }
            var changeable = false
            for other in others {
                guard let found = Search(published: published.revealing(term, as: other), cap: truth.total).solution() else {
                    exhausted = false
                    return []
                }
                if found { changeable = true; break }
            }
            if !changeable { pinned.append("\(term)") }
        }
        return pinned
    }

    private func value(_ term: Term) -> Int {
        switch term {
        case .cell(let r, let c): truth.counts[r][c]
        case .row(let r): truth.rowTotals[r]
        case .column(let c): truth.columnTotals[c]
        case .total: truth.total
        }
    }

    private func hiddenTerms() -> [Term] {
        var terms: [Term] = []
        for r in published.rows.indices { for c in published.columns.indices where published.cells[r][c] == nil { terms.append(.cell(r, c)) } }
        terms += published.rowTotals.indices.filter { published.rowTotals[$0] == nil }.map(Term.row)
        terms += published.columnTotals.indices.filter { published.columnTotals[$0] == nil }.map(Term.column)
        if published.total == nil { terms.append(.total) }
        return terms
    }
}

/// A depth-first search for one table of counts that agrees with every published value.
struct Search {
    let published: PublishedTable
    let cap: Int

    /// Whether such a table exists; nil when the budget ran out first.
    func solution() -> Bool? {
        let rows = published.rows.count, columns = published.columns.count
        var grid = [[Int]](repeating: [Int](repeating: 0, count: columns), count: rows)
        var visited = 0

        func fill(_ index: Int) -> Bool? {
            visited += 1
            if visited > Attacker.budget { return nil }
            guard index < rows * columns else {
                for c in 0..<columns { if let total = published.columnTotals[c], grid.reduce(0, { $0 + $1[c] }) != total { return false } }
                let sum = grid.joined().reduce(0, +)
                if let total = published.total, sum != total { return false }
                return sum <= cap
            }
            let (r, c) = (index / columns, index % columns)
            let rowSoFar = grid[r][0..<c].reduce(0, +), columnSoFar = (0..<r).reduce(0) { $0 + grid[$1][c] }
            var candidates: [Int]
            if let shown = published.cells[r][c] {
                candidates = [shown]
            } else if r == rows - 1, let total = published.columnTotals[c] {
                candidates = [total - columnSoFar]  // the last row's cell is what its column still lacks
            } else if c == columns - 1, let total = published.rowTotals[r] {
                candidates = [total - rowSoFar]
            } else {
                var most = cap - grid.joined().reduce(0, +)
                if let total = published.rowTotals[r] { most = min(most, total - rowSoFar) }
                if let total = published.columnTotals[c] { most = min(most, total - columnSoFar) }
                candidates = most >= 0 ? Array(0...most) : []
            }
            for value in candidates where value >= 0 {
                grid[r][c] = value
                if let total = published.rowTotals[r], rowSoFar + value > total || (c == columns - 1 && rowSoFar + value != total) { continue }
                if let total = published.columnTotals[c], columnSoFar + value > total { continue }
                switch fill(index + 1) {
                case .some(true): return true
                case .none: return nil
                case .some(false): continue
                }
            }
            grid[r][c] = 0
            return false
        }
        return fill(0)
    }
}

extension PublishedTable {
    /// The same table with one hidden value shown as `value`.
    func revealing(_ term: Attacker.Term, as value: Int) -> PublishedTable {
        var cells = self.cells, rowTotals = self.rowTotals, columnTotals = self.columnTotals, total = self.total
        switch term {
        case .cell(let r, let c): cells[r][c] = value
        case .row(let r): rowTotals[r] = value
        case .column(let c): columnTotals[c] = value
        case .total: total = value
        }
        return PublishedTable(rows: rows, columns: columns, cells: cells, rowTotals: rowTotals, columnTotals: columnTotals, total: total, k: k)
    }
}

/// Tables that share their rows (months) are published together: an attacker who combines them finds no hidden value.
@Suite struct FamilySuppressionTests {
    @Test func aRowTotalHiddenInOneTableIsHiddenInEvery() {
        let byChannel = CountTable(rows: ["jan", "feb"], columns: ["a", "b"], counts: [[9, 9], [1, 2]])
        let byRegion = CountTable(rows: ["jan", "feb"], columns: ["x", "y"], counts: [[10, 8], [3, 0]])
        let published = CellSuppression.protect(family: [byChannel, byRegion])
        #expect(published[0].rowTotals == published[1].rowTotals)
        #expect(published[0].total == published[1].total)
        #expect(published[0].rowTotals[1] == nil, "February has 3 reports")
    }

    /// Pairs of small tables over the same two months; every pair of tables consistent with both publications
    /// (agreeing on the months' totals) is enumerated, and each hidden value must take more than one value among them.
    @Test func noHiddenValueCanBeDerivedFromTwoTablesTogether() {
        var generator = SeededGenerator(seed: 77)
        for _ in 0..<60 {
            let first = randomTable(&generator, rowTotals: nil)
            let second = randomTable(&generator, rowTotals: first.rowTotals)
            let published = CellSuppression.protect(family: [first, second])
            let cap = first.total
            let left = Enumeration(published[0], cap: cap).solutions(), right = Enumeration(published[1], cap: cap).solutions()
            let rightByRows = Dictionary(grouping: right) { $0.rowTotals }
            var values: [String: Set<Int>] = [:]
            for a in left {
                for b in rightByRows[a.rowTotals] ?? [] {
                    for (name, value) in a.hiddenValues(of: published[0], prefix: "A") + b.hiddenValues(of: published[1], prefix: "B") {
                        values[name, default: []].insert(value)
                    }
                }
            }
            #expect(!values.isEmpty || published.allSatisfy { $0.cells.joined().allSatisfy { $0 != nil } }, "\(first.counts) \(second.counts)")
            #expect(values.filter { $0.value.count < 2 }.isEmpty, "pinned in \(first.counts) \(second.counts): \(values.filter { $0.value.count < 2 })")
        }
    }

    private func randomTable(_ generator: inout SeededGenerator, rowTotals: [Int]?) -> CountTable {
        func small(_ g: inout SeededGenerator) -> Int { Bool.random(using: &g) ? Int.random(in: 0...4, using: &g) : Int.random(in: 5...9, using: &g) }
        let counts: [[Int]] = (0..<2).map { r in
            let a = small(&generator)
            guard let totals = rowTotals else { return [a, small(&generator)] }
            let split = min(a, totals[r])
            return [split, totals[r] - split]
        }
        return CountTable(rows: ["jan", "feb"], columns: ["x", "y"], counts: counts)
    }
}

/// Every 2×2 table of counts that agrees with a publication, its grand total no larger than `cap`.
struct Enumeration {
    let published: PublishedTable
    let cap: Int

    init(_ published: PublishedTable, cap: Int) { (self.published, self.cap) = (published, cap) }

    func solutions() -> [CountTable] {
        func range(_ shown: Int?) -> ClosedRange<Int> { shown.map { $0...$0 } ?? 0...cap }
        var found: [CountTable] = []
        for a in range(published.cells[0][0]) { for b in range(published.cells[0][1]) where a + b <= cap {
            for c in range(published.cells[1][0]) where a + b + c <= cap { for d in range(published.cells[1][1]) where a + b + c + d <= cap {
                let table = CountTable(rows: published.rows, columns: published.columns, counts: [[a, b], [c, d]])
                if agrees(table) { found.append(table) }
            } }
        } }
        return found
    }

    private func agrees(_ table: CountTable) -> Bool {
        zip(published.rowTotals, table.rowTotals).allSatisfy { $0 == nil || $0 == $1 }
            && zip(published.columnTotals, table.columnTotals).allSatisfy { $0 == nil || $0 == $1 }
            && (published.total == nil || published.total == table.total)
    }
}

extension CountTable {
    /// The values this table gives to what `published` hides, named by position.
    func hiddenValues(of published: PublishedTable, prefix: String) -> [(String, Int)] {
        var values: [(String, Int)] = []
        for r in rows.indices { for c in columns.indices where published.cells[r][c] == nil { values.append(("\(prefix)\(r)\(c)", counts[r][c])) } }
        for r in rows.indices where published.rowTotals[r] == nil { values.append(("row\(r)", rowTotals[r])) }
        for c in columns.indices where published.columnTotals[c] == nil { values.append(("\(prefix)col\(c)", columnTotals[c])) }
        if published.total == nil { values.append(("total", total)) }
        return values
    }
}
