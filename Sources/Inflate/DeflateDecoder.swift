/// Decodes one raw deflate stream (RFC 1951), appending to an output that may not grow past a bound.
struct DeflateDecoder {
    private var reader: BitReader
    private let maxOutput: Int

    private static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193,
        12289, 16385, 24577,
    ]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order in which a dynamic block lists the code-length code's lengths (RFC 1951 §3.2.7).
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The fixed codes of block type 1 (RFC 1951 §3.2.6). Built once; the lengths are constant, so construction cannot fail.
    private static let fixedCodes: (literals: HuffmanCode, distances: HuffmanCode)? = {
        let literalLengths =
            Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112) + Array(repeating: 7, count: 24)
            + Array(repeating: 8, count: 8)
        guard let literals = try? HuffmanCode(lengths: literalLengths[...]),
            let distances = try? HuffmanCode(lengths: Array(repeating: 5, count: 30)[...])
        else { return nil }
        return (literals, distances)
    }()

    init(input: [UInt8], from start: Int, maxOutput: Int) {
        self.reader = BitReader(input, from: start)
        self.maxOutput = maxOutput
    }

    /// Decodes blocks until the final one, appending to `output`; returns the offset of the first byte after the stream.
    mutating func decode(into output: inout [UInt8]) throws(InflateError) -> Int {
        var isFinal = false
        while !isFinal {
            isFinal = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try copyStoredBlock(into: &output)
            case 1:
                guard let fixed = Self.fixedCodes else { throw .invalidCodeLengths("fixed codes") }
                try decodeBlock(literals: fixed.literals, distances: fixed.distances, into: &output)
            case 2:
                let codes = try readDynamicCodes()
                try decodeBlock(literals: codes.literals, distances: codes.distances, into: &output)
            default: throw .invalidBlockType
            }
        }
        return reader.alignToByte()
    }

    private mutating func copyStoredBlock(into output: inout [UInt8]) throws(InflateError) {
        let start = reader.alignToByte()
        let input = reader.input
        guard start + 4 <= input.count else { throw .truncated }
        let length = Int(input[start]) | Int(input[start + 1]) << 8
        let complement = Int(input[start + 2]) | Int(input[start + 3]) << 8
        guard length == complement ^ 0xFFFF else { throw .storedLengthMismatch }
        guard start + 4 + length <= input.count else { throw .truncated }
        guard output.count + length <= maxOutput else { throw .outputLimitExceeded(limit: maxOutput) }
        output.append(contentsOf: input[(start + 4)..<(start + 4 + length)])
        reader.seek(to: start + 4 + length)
    }

    private mutating func readDynamicCodes() throws(InflateError) -> (literals: HuffmanCode, distances: HuffmanCode) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .invalidCodeLengths("too many length or distance codes") }

        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { codeLengthLengths[Self.codeLengthOrder[i]] = try reader.bits(3) }
        let codeLengthCode = try HuffmanCode(lengths: codeLengthLengths[...])
        guard !codeLengthCode.isIncomplete else { throw .invalidCodeLengths("incomplete code-length code") }

        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try codeLengthCode.decode(&reader)
            let repeated: Int
            let times: Int
            switch symbol {
            case 0..<16:
                lengths.append(symbol)
                continue
            case 16:
                guard let previous = lengths.last else { throw .invalidCodeLengths("repeat with no previous length") }
                repeated = previous
                times = 3 + (try reader.bits(2))
            case 17:
                repeated = 0
                times = 3 + (try reader.bits(3))
            default:
                repeated = 0
                times = 11 + (try reader.bits(7))
            }
            guard lengths.count + times <= literalCount + distanceCount else { throw .invalidCodeLengths("repeat past the last code") }
            lengths.append(contentsOf: repeatElement(repeated, count: times))
        }
        guard lengths[256] != 0 else { throw .invalidCodeLengths("no end-of-block code") }

        let literals = try HuffmanCode(lengths: lengths[0..<literalCount])
        guard !literals.isIncomplete || literals.isSingleCode else { throw .invalidCodeLengths("incomplete literal/length code") }
        let distances = try HuffmanCode(lengths: lengths[literalCount...])
        // An all-zero distance code is legal when the block holds only literals; decoding a distance then fails.
        guard !distances.isIncomplete || distances.isSingleCode || lengths[literalCount...].allSatisfy({ $0 == 0 }) else {
            throw .invalidCodeLengths("incomplete distance code")
        }
        return (literals, distances)
    }

    private mutating func decodeBlock(literals: HuffmanCode, distances: HuffmanCode, into output: inout [UInt8]) throws(InflateError) {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                guard output.count < maxOutput else { throw .outputLimitExceeded(limit: maxOutput) }
                output.append(UInt8(truncatingIfNeeded: symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < Self.lengthBase.count else { throw .invalidSymbol }
            let length = Self.lengthBase[lengthIndex] + (try reader.bits(Self.lengthExtra[lengthIndex]))
            let distanceSymbol = try distances.decode(&reader)
            guard distanceSymbol < Self.distanceBase.count else { throw .invalidSymbol }
            let distance = Self.distanceBase[distanceSymbol] + (try reader.bits(Self.distanceExtra[distanceSymbol]))
            guard distance <= output.count else { throw .distanceTooFarBack }
            guard output.count + length <= maxOutput else { throw .outputLimitExceeded(limit: maxOutput) }
            let start = output.count - distance
            for i in 0..<length { output.append(output[start + i]) }
        }
    }
}
