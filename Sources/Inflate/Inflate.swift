/// Bounded decompression of deflate data in its three containers: raw (RFC 1951), zlib (RFC 1950) and gzip (RFC 1952).
///
/// Status lists arrive gzip-compressed from servers we do not control, so every entry point takes `maxOutput`
/// and stops with `InflateError.outputLimitExceeded` as soon as the output would pass it, before allocating more.
public enum Inflate {
    /// Decompresses a gzip file (all its members, concatenated), checking each member's CRC-32 and length.
    public static func decompress(gzip input: [UInt8], maxOutput: Int) throws(InflateError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(maxOutput, max(64, input.count * 4)))
        var offset = 0
        repeat {
            offset = try GzipMember.decode(input, at: offset, into: &output, maxOutput: maxOutput)
        } while offset < input.count && !input[offset...].allSatisfy({ $0 == 0 })
        return output
    }

    /// Decompresses a zlib stream, checking its header and Adler-32 trailer.
    public static func decompress(zlib input: [UInt8], maxOutput: Int) throws(InflateError) -> [UInt8] {
        guard input.count >= 2 else { throw .truncated }
        let method = input[0]
        let flags = input[1]
        guard method & 0x0F == 8 else { throw .unsupported("compression method \(method & 0x0F)") }
        guard method >> 4 <= 7 else { throw .invalidHeader("window size above 32 KiB") }
        guard (Int(method) << 8 | Int(flags)) % 31 == 0 else { throw .invalidHeader("header check bits") }
        guard flags & 0x20 == 0 else { throw .unsupported("preset dictionary") }

        var output: [UInt8] = []
        output.reserveCapacity(min(maxOutput, max(64, input.count * 4)))
        var decoder = DeflateDecoder(input: input, from: 2, maxOutput: maxOutput)
        let end = try decoder.decode(into: &output)
        guard end + 4 <= input.count else { throw .truncated }
        let expected = UInt32(input[end]) << 24 | UInt32(input[end + 1]) << 16 | UInt32(input[end + 2]) << 8 | UInt32(input[end + 3])
        guard Checksum.adler32(output) == expected else { throw .checksumMismatch("Adler-32") }
        guard end + 4 == input.count else { throw .trailingData(offset: end + 4) }
        return output
    }

    /// Decompresses a raw deflate stream with no container.
    public static func decompress(raw input: [UInt8], maxOutput: Int) throws(InflateError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(maxOutput, max(64, input.count * 4)))
        var decoder = DeflateDecoder(input: input, from: 0, maxOutput: maxOutput)
        let end = try decoder.decode(into: &output)
        guard end == input.count else { throw .trailingData(offset: end) }
        return output
    }
}
