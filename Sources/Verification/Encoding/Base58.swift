/// Base58 with the Bitcoin alphabet, as multibase `z` uses it for keys and Data Integrity proof values.
enum Base58 {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let digitValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// Decodes `text`; `nil` when it contains a character outside the alphabet.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let characters = Array(text.utf8)
        let leadingOnes = characters.prefix { $0 == UInt8(ascii: "1") }.count
        // Little-endian base-256 accumulator; each character multiplies by 58 and adds its digit.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count * 733 / 1000 + 1)
        for c in characters {
            let digit = digitValues[Int(c)]
            guard digit >= 0 else { return nil }
            var carry = Int(digit)
            for i in bytes.indices {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(truncatingIfNeeded: carry)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(truncatingIfNeeded: carry))
                carry >>= 8
            }
        }
        while bytes.last == 0 { bytes.removeLast() }
        return [UInt8](repeating: 0, count: leadingOnes) + bytes.reversed()
    }

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let leadingZeros = bytes.prefix { $0 == 0 }.count
        var digits: [UInt8] = []
        for byte in bytes {
            var carry = Int(byte)
            for i in digits.indices {
                carry += Int(digits[i]) << 8
                digits[i] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        while digits.last == 0 { digits.removeLast() }
        let text = [UInt8](repeating: alphabet[0], count: leadingZeros) + digits.reversed().map { alphabet[Int($0)] }
        return String(decoding: text, as: UTF8.self)
    }
}
