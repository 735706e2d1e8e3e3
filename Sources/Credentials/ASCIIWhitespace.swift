/// JSON's insignificant whitespace (space, tab, line feed, carriage return), which also wraps JWS and baked text.
enum ASCIIWhitespace {
    static func contains(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The bytes without leading and trailing whitespace.
    static func trimming(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !contains($0) }), let last = bytes.lastIndex(where: { !contains($0) }) else { return [] }
        return bytes[first...last]
    }
}

extension String {
    /// The text without leading and trailing ASCII whitespace.
    func trimmingASCIIWhitespace() -> String {
        let utf8 = Array(self.utf8)
        return String(decoding: ASCIIWhitespace.trimming(utf8), as: UTF8.self)
    }
}
