/// Base64 decoding for both alphabets (RFC 4648 §4 and §5), with or without padding, and base64url encoding.
///
/// JOSE uses unpadded base64url; status lists and PEM use either alphabet, often padded. Decoding accepts any of them
/// but nothing else: whitespace or stray characters make it fail, so a signature cannot be smuggled past it.
enum Base64 {
    private static let urlAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in urlAlphabet.enumerated() { table[Int(c)] = Int8(i) }
        table[Int(UInt8(ascii: "+"))] = 62
        table[Int(UInt8(ascii: "/"))] = 63
        return table
    }()

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(bytes: Array(text.utf8)[...])
    }

    /// Decodes ASCII base64 text given as bytes.
    static func decode(bytes text: ArraySlice<UInt8>) -> [UInt8]? {
        var end = text.endIndex
        while end > text.startIndex, text[end - 1] == UInt8(ascii: "=") { end -= 1 }
        let characters = text[text.startIndex..<end]
        guard characters.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for c in characters {
            let value = values[Int(c)]
            guard value >= 0 else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }

    static func urlEncoded(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            accumulator = accumulator << 8 | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                output.append(urlAlphabet[Int((accumulator >> UInt32(bits)) & 0x3F)])
            }
        }
        if bits > 0 { output.append(urlAlphabet[Int((accumulator << UInt32(6 - bits)) & 0x3F)]) }
        return String(decoding: output, as: UTF8.self)
    }
}
