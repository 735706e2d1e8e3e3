/// Independent checkers that try to recover hidden entries of a published table, written without reference to the
/// suppression algorithm. A table with margins is an (R+1) × (C+1) array, last row and column holding the totals;
/// `nil` marks a hidden entry.

/// Entries recovered by repeated one-unknown subtraction: any row or column (totals row and column included) with
/// exactly one hidden entry gives it as total − Σ others (or Σ cells for a hidden total); recovered values feed
/// further rounds until nothing changes. Returns the positions recovered. A one-way table is a single row whose
/// last entry is its total, with no column relations (`columnsAreRelations: false`).
func subtractionAttack(_ published: [[Int?]], columnsAreRelations: Bool = true) -> Set<[Int]> {
    var table = published
    var recovered = Set<[Int]>()
    let rows = table.count
    let columns = table.first?.count ?? 0
    var progress = true
    while progress {
        progress = false
        var lines: [[(Int, Int)]] = (0..<rows).map { r in (0..<columns).map { (r, $0) } }
        if columnsAreRelations { lines += (0..<columns).map { c in (0..<rows).map { ($0, c) } } }
        for line in lines {
            let unknown = line.filter { table[$0.0][$0.1] == nil }
            guard unknown.count == 1, let (r, c) = unknown.first else { continue }
            let cells = line.dropLast()
            let total = line[line.count - 1]
            let value: Int
            if (r, c) == total {
                value = cells.reduce(0) { $0 + (table[$1.0][$1.1] ?? 0) }
            } else {
                value = (table[total.0][total.1] ?? 0) - cells.reduce(0) { $0 + (table[$1.0][$1.1] ?? 0) }
            }
            table[r][c] = value
            recovered.insert([r, c])
            progress = true
        }
    }
    return recovered
}

/// Entries determined by the published values through any linear combination of the row and column relations:
/// hidden entry j is determined iff the unit vector e_j lies in the row space of the relations restricted to the
/// hidden entries, i.e. iff column j of the reduced row echelon form is a pivot column whose row has no other
/// non-zero. Exact rational arithmetic, so the answer does not depend on a tolerance.
func linearAttack(_ published: [[Int?]]) -> Set<[Int]> {
    let rows = published.count
    let columns = published.first?.count ?? 0
    var unknowns: [[Int]] = []
    for r in 0..<rows { for c in 0..<columns where published[r][c] == nil { unknowns.append([r, c]) } }
    guard !unknowns.isEmpty else { return [] }
    let index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
    var matrix: [[Fraction]] = []
    func relation(_ line: [(Int, Int)]) -> [Fraction] {
        var row = [Fraction](repeating: .zero, count: unknowns.count)
        for (position, (r, c)) in line.enumerated() {
            guard let j = index[[r, c]] else { continue }
            row[j] = position == line.count - 1 ? Fraction(-1) : Fraction(1)
        }
        return row
    }
    for r in 0..<rows { matrix.append(relation((0..<columns).map { (r, $0) })) }
    for c in 0..<columns { matrix.append(relation((0..<rows).map { ($0, c) })) }
    var pivotRow = 0
    var pivots: [Int: Int] = [:]
    for column in 0..<unknowns.count {
        guard let found = (pivotRow..<matrix.count).first(where: { !matrix[$0][column].isZero }) else { continue }
        matrix.swapAt(pivotRow, found)
        let pivot = matrix[pivotRow][column]
        matrix[pivotRow] = matrix[pivotRow].map { $0 / pivot }
        for other in 0..<matrix.count where other != pivotRow && !matrix[other][column].isZero {
            let factor = matrix[other][column]
            matrix[other] = zip(matrix[other], matrix[pivotRow]).map { $0 - factor * $1 }
        }
        pivots[column] = pivotRow
        pivotRow += 1
    }
    var determined = Set<[Int]>()
    for (column, row) in pivots where matrix[row].enumerated().allSatisfy({ $0.offset == column || $0.element.isZero }) {
        determined.insert(unknowns[column])
    }
    return determined
}

/// A reduced fraction of integers, enough for eliminating 0/±1 matrices.
struct Fraction: Equatable {
    let numerator: Int
    let denominator: Int
    static let zero = Fraction(0)

    init(_ numerator: Int, _ denominator: Int = 1) {
        let divisor = Fraction.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    var isZero: Bool { numerator == 0 }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    static func - (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func * (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.numerator, a.denominator * b.denominator) }
    static func / (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.denominator, a.denominator * b.numerator) }
}
