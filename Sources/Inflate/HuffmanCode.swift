/// A canonical prefix code (RFC 1951 §3.2.2) built from code lengths, decoded through a lookup table for short codes.
struct HuffmanCode: Sendable {
    /// Codes this long or shorter decode with one table lookup; longer ones walk the canonical code bit by bit.
    private static let fastBits = 9

    /// How many codes have each length, 0...15.
    private var counts = [Int](repeating: 0, count: 16)
    /// Symbols ordered by code (length, then symbol value).
    private var symbols: [Int]
    /// Indexed by the next `fastBits` input bits: `symbol | length << 9`, or 0 when the code is longer.
    private var fast = [UInt16](repeating: 0, count: 1 << fastBits)
    /// True when the lengths leave some bit patterns without a symbol.
    private(set) var isIncomplete = false

    /// Builds the code; throws when the lengths over-subscribe the code space.
    init(lengths: ArraySlice<Int>) throws(InflateError) {
        for length in lengths { counts[length] += 1 }
        symbols = []
        let used = lengths.count - counts[0]
        guard used > 0 else {
            isIncomplete = true
            return
        }
        var left = 1
        for length in 1...15 {
            left = (left << 1) - counts[length]
            guard left >= 0 else { throw .invalidCodeLengths("over-subscribed code") }
        }
        isIncomplete = left > 0

        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: used)
        for (symbol, length) in zip(0..., lengths) where length != 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
        buildFastTable()
    }

    /// True when the code has exactly one symbol, of length 1: the one incomplete code RFC 1951 tolerates.
    var isSingleCode: Bool {
        symbols.count == 1 && counts[1] == 1
    }

    private mutating func buildFastTable() {
        var code = 0
        var index = 0
        for length in 1...Self.fastBits {
            for _ in 0..<counts[length] {
                let reversed = Self.reverse(code, length)
                let entry = UInt16(symbols[index] | length << 9)
                var slot = reversed
                while slot < fast.count {
                    fast[slot] = entry
                    slot += 1 << length
                }
                code += 1
                index += 1
            }
            code <<= 1
        }
    }

    private static func reverse(_ code: Int, _ length: Int) -> Int {
        var result = 0
        var rest = code
        for _ in 0..<length {
            result = result << 1 | rest & 1
            rest >>= 1
        }
        return result
    }

    /// Reads one symbol.
    func decode(_ reader: inout BitReader) throws(InflateError) -> Int {
        if reader.count < 15 { reader.refill() }
        let entry = Int(fast[Int(reader.buffer & UInt64(fast.count - 1))])
        if entry != 0 {
            let length = entry >> 9
            guard length <= reader.count else { throw .truncated }
            reader.consume(length)
            return entry & 0x1FF
        }
        // Puff's canonical walk (zlib/contrib/puff): `first` is the first code of this length, `index` its first symbol.
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            guard length <= reader.count else { throw .truncated }
            code |= Int((reader.buffer >> UInt64(length - 1)) & 1)
            let count = counts[length]
            if code - count < first {
                reader.consume(length)
                return symbols[index + code - first]
            }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .invalidSymbol
    }
}
