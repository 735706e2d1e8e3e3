/// The Issue Identifier algorithm's state (RDFC-1.0 §4.5): blank nodes numbered in the order they are first seen.
struct IdentifierIssuer {
    let prefix: String
    /// Issued number by blank node, -1 when none; sized to the dataset's blank nodes.
    private var numbers: [Int32]
    /// Blank nodes in the order their identifiers were issued.
    private(set) var issuedOrder: [Int32] = []

    init(prefix: String, blankNodeCount: Int) {
        self.prefix = prefix
        self.numbers = [Int32](repeating: -1, count: blankNodeCount)
    }

    func hasIdentifier(_ node: Int32) -> Bool {
        numbers[Int(node)] >= 0
    }

    /// The issued number, issuing the next one first when needed.
    @discardableResult
    mutating func issue(_ node: Int32) -> Int32 {
        let existing = numbers[Int(node)]
        if existing >= 0 { return existing }
        let number = Int32(issuedOrder.count)
        numbers[Int(node)] = number
        issuedOrder.append(node)
        return number
    }

    /// Appends `_:` and the identifier issued for `node` (which must have one).
    func appendIdentifier(of node: Int32, to out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: "_"), UInt8(ascii: ":")])
        out.append(contentsOf: prefix.utf8)
        out.append(contentsOf: String(numbers[Int(node)]).utf8)
    }

    func label(of node: Int32) -> String {
        prefix + String(numbers[Int(node)])
    }
}
