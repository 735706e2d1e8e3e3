/// Reads a deflate stream's bits least-significant first, as RFC 1951 §3.1.1 packs them.
struct BitReader {
    let input: [UInt8]
    /// The next byte not yet moved into `buffer`.
    private(set) var position: Int
    private(set) var buffer: UInt64 = 0
    private(set) var count: Int = 0

    init(_ input: [UInt8], from start: Int) {
        self.input = input
        self.position = start
    }

    /// Tops the buffer up to at least 57 bits, or to what the input has left.
    mutating func refill() {
        while count <= 56, position < input.count {
            buffer |= UInt64(input[position]) << UInt64(count)
            position += 1
            count += 8
        }
    }

    /// The next `n` bits (n ≤ 32) as an integer, first bit lowest.
    mutating func bits(_ n: Int) throws(InflateError) -> Int {
        if count < n {
            refill()
            guard count >= n else { throw .truncated }
        }
        let value = Int(buffer & ((1 << UInt64(n)) - 1))
        consume(n)
        return value
    }

    /// Drops `n` bits already known to be in the buffer.
    mutating func consume(_ n: Int) {
        buffer >>= UInt64(n)
        count -= n
    }

    /// Drops the bits up to the next byte boundary and returns the offset of that byte in the input.
    mutating func alignToByte() -> Int {
        consume(count % 8)
        return position - count / 8
    }

    /// Continues reading whole bytes at `offset`, discarding anything buffered.
    mutating func seek(to offset: Int) {
        position = offset
        buffer = 0
        count = 0
    }
}
