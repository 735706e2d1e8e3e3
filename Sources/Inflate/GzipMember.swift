/// One member of a gzip file (RFC 1952 §2.3): header, deflate data, CRC-32 and length trailer.
enum GzipMember {
    private static let textFlag: UInt8 = 0x01, headerCRCFlag: UInt8 = 0x02, extraFlag: UInt8 = 0x04
    private static let nameFlag: UInt8 = 0x08, commentFlag: UInt8 = 0x10

    /// Decodes the member starting at `start`, appending its data; returns the offset just past its trailer.
    static func decode(_ input: [UInt8], at start: Int, into output: inout [UInt8], maxOutput: Int) throws(InflateError) -> Int {
        guard start + 10 <= input.count else { throw start == 0 ? .truncated : .trailingData(offset: start) }
        guard input[start] == 0x1F, input[start + 1] == 0x8B else {
            throw start == 0 ? .invalidHeader("not gzip data") : .trailingData(offset: start)
        }
        guard input[start + 2] == 8 else { throw .unsupported("compression method \(input[start + 2])") }
        let flags = input[start + 3]
        guard flags & 0xE0 == 0 else { throw .invalidHeader("reserved flag bits set") }

        var offset = start + 10
        if flags & extraFlag != 0 {
            guard offset + 2 <= input.count else { throw .truncated }
            offset += 2 + (Int(input[offset]) | Int(input[offset + 1]) << 8)
        }
        if flags & nameFlag != 0 { offset = try skipZeroTerminated(input, from: offset) }
        if flags & commentFlag != 0 { offset = try skipZeroTerminated(input, from: offset) }
        if flags & headerCRCFlag != 0 {
            guard offset + 2 <= input.count else { throw .truncated }
            let stored = UInt32(input[offset]) | UInt32(input[offset + 1]) << 8
            guard Checksum.crc32(input[start..<offset]) & 0xFFFF == stored else { throw .checksumMismatch("header CRC") }
            offset += 2
        }
        guard offset <= input.count else { throw .truncated }

        let dataStart = output.count
        var decoder = DeflateDecoder(input: input, from: offset, maxOutput: maxOutput)
        let end = try decoder.decode(into: &output)
        guard end + 8 <= input.count else { throw .truncated }
        let crc = littleEndian32(input, at: end)
        let size = littleEndian32(input, at: end + 4)
        guard Checksum.crc32(output[dataStart...]) == crc else { throw .checksumMismatch("CRC-32") }
        guard UInt32(truncatingIfNeeded: output.count - dataStart) == size else { throw .checksumMismatch("ISIZE") }
        return end + 8
    }

    private static func skipZeroTerminated(_ input: [UInt8], from offset: Int) throws(InflateError) -> Int {
        guard offset <= input.count, let zero = input[offset...].firstIndex(of: 0) else { throw .truncated }
        return zero + 1
    }

    private static func littleEndian32(_ input: [UInt8], at offset: Int) -> UInt32 {
        UInt32(input[offset]) | UInt32(input[offset + 1]) << 8 | UInt32(input[offset + 2]) << 16 | UInt32(input[offset + 3]) << 24
    }
}
