/// The row–column graph of a table with margins, used by `SuppressedTable` to find and close bridges.
struct SuppressionGraph {
    /// The extended table: interior cells, then a total column, then a total row.
    let values: [[Int]]
    /// Why each entry is hidden, nil when shown.
    var reasons: [[SuppressionReason?]]
    /// Shown entries that must stay shown (published elsewhere already): never picked as complements.
    var locked: [[Bool]]

    private var rowVertices: Int { values.count }
    private var columnVertices: Int { values.first?.count ?? 0 }

    init(values: [[Int]]) {
        self.values = values
        reasons = values.map { $0.map { _ in nil } }
        locked = values.map { $0.map { _ in false } }
    }

    /// Hides further entries until no hidden entry is a bridge of the hidden entries' graph.
    mutating func closeBridges() {
        while let (row, column) = firstBridge() {
            let path = cheapestPath(fromRow: row, toColumn: column)
            // Only a table without a second row or column has no such path; nothing can protect its entries.
            guard !path.isEmpty else { return }
            for (pathRow, pathColumn) in path where reasons[pathRow][pathColumn] == nil {
                reasons[pathRow][pathColumn] = .complementary
            }
        }
    }

    /// The first hidden entry, in row-major order, whose row and column are connected by no other hidden path.
    private func firstBridge() -> (Int, Int)? {
        for row in 0..<rowVertices {
            for column in 0..<columnVertices where reasons[row][column] != nil {
                if !connected(row: row, column: column, skipping: (row, column)) { return (row, column) }
            }
        }
        return nil
    }

    /// Whether row vertex `row` reaches column vertex `column` through hidden entries other than `skipped`.
    private func connected(row: Int, column: Int, skipping skipped: (Int, Int)) -> Bool {
        var seenRows = Set([row])
        var seenColumns = Set<Int>()
        var rowQueue = [row]
        while let current = rowQueue.popLast() {
            for next in 0..<columnVertices where reasons[current][next] != nil && !seenColumns.contains(next) {
                if (current, next) == skipped { continue }
                if next == column { return true }
                seenColumns.insert(next)
                for other in 0..<rowVertices where reasons[other][next] != nil && !seenRows.contains(other) {
                    if (other, next) == skipped { continue }
                    seenRows.insert(other)
                    rowQueue.append(other)
                }
            }
        }
        return false
    }

    /// The entries of the cheapest path from row vertex `row` to column vertex `column` that avoids entry
    /// (row, column) itself: hidden entries cost 0, shown ones their count + 1. Ties go to lower indices.
    private func cheapestPath(fromRow row: Int, toColumn column: Int) -> [(Int, Int)] {
        // Vertices 0..<rowVertices are rows, the rest columns.
        let vertexCount = rowVertices + columnVertices
        var distance = [Int](repeating: .max, count: vertexCount)
        var previous = [Int?](repeating: nil, count: vertexCount)
        var done = [Bool](repeating: false, count: vertexCount)
        distance[row] = 0
        let target = rowVertices + column
        while let current = (0..<vertexCount).filter({ !done[$0] && distance[$0] != .max }).min(by: { distance[$0] < distance[$1] }) {
            done[current] = true
            if current == target { break }
            for neighbour in neighbours(of: current) where !done[neighbour] {
                let (entryRow, entryColumn) = entry(current, neighbour)
                if (entryRow, entryColumn) == (row, column) { continue }
                if locked[entryRow][entryColumn] && reasons[entryRow][entryColumn] == nil { continue }
                let cost = reasons[entryRow][entryColumn] == nil ? values[entryRow][entryColumn] + 1 : 0
                if distance[current] + cost < distance[neighbour] {
                    distance[neighbour] = distance[current] + cost
                    previous[neighbour] = current
                }
            }
        }
        var path: [(Int, Int)] = []
        var vertex = target
        while let before = previous[vertex] {
            path.append(entry(before, vertex))
            vertex = before
        }
        return path
    }

    private func neighbours(of vertex: Int) -> Range<Int> {
        vertex < rowVertices ? rowVertices..<(rowVertices + columnVertices) : 0..<rowVertices
    }

    /// The table entry joining two vertices, one a row and one a column.
    private func entry(_ a: Int, _ b: Int) -> (Int, Int) {
        a < rowVertices ? (a, b - rowVertices) : (b, a - rowVertices)
    }
}
