/// Writes gzip (RFC 1952) made of stored, uncompressed deflate blocks: a valid stream every inflater reads.
///
/// Credence only publishes small bitstrings (demo and test status lists), where a compressor would buy little;
/// this keeps the one writer next to the reader that checks the same CRC-32 and length trailer.
public enum StoredGzip {
    public static func compress(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            out.append(offset + length == data.count ? 1 : 0)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        for value in [Checksum.crc32(data), UInt32(truncatingIfNeeded: data.count)] {
            out += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
        }
        return out
    }
}
