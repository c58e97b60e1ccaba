import Foundation

/// Logistic regression by iteratively reweighted least squares (Newton's method on the log-likelihood). A small
/// ridge penalty keeps coefficients finite when a flag separates the groups perfectly, which small label sets do.
enum LogisticRegression {
    /// Coefficients: the intercept first, then one per column of `x`.
    static func fit(_ x: [[Double]], _ y: [Double], ridge: Double = 0.01, iterations: Int = 50) -> [Double] {
        let columns = (x.first?.count ?? 0) + 1
        let rows = x.map { [1.0] + $0 }
        var beta = Array(repeating: 0.0, count: columns)
        for _ in 0..<iterations {
            var gradient = Array(repeating: 0.0, count: columns)
            var hessian = Array(repeating: Array(repeating: 0.0, count: columns), count: columns)
            for (row, outcome) in zip(rows, y) {
                let p = 1 / (1 + exp(-zip(row, beta).map(*).reduce(0, +)))
                let weight = p * (1 - p)
                for i in 0..<columns {
                    gradient[i] += (outcome - p) * row[i]
                    for j in 0..<columns { hessian[i][j] += weight * row[i] * row[j] }
                }
            }
            for i in 1..<columns {
                gradient[i] -= ridge * beta[i]
                hessian[i][i] += ridge
            }
            guard let step = solve(hessian, gradient) else { break }
            beta = zip(beta, step).map(+)
            if step.map(abs).max() ?? 0 < 1e-10 { break }
        }
        return beta
    }

    /// Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = zip(a, b).map { $0 + [$1] }
        let n = b.count
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }), abs(m[pivot][column]) > 1e-12 else { return nil }
            m.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let factor = m[row][column] / m[column][column]
                if factor != 0 { for k in column...n { m[row][k] -= factor * m[column][k] } }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] }
    }
}
