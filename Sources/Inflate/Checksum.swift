/// The two checksums the containers carry: CRC-32 (gzip, ISO 3309) and Adler-32 (zlib, RFC 1950 §8.2).
enum Checksum {
    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    static func adler32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        // 5552 is the largest run before b can overflow 32 bits (RFC 1950 §9, zlib's NMAX).
        var run = 0
        for byte in bytes {
            a &+= UInt32(byte)
            b &+= a
            run += 1
            if run == 5552 {
                a %= 65521
                b %= 65521
                run = 0
            }
        }
        return (b % 65521) << 16 | (a % 65521)
    }
}
