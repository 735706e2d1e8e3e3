/// Why compressed data could not be decompressed.
public enum InflateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The data ends before the stream does.
    case truncated
    /// The gzip or zlib header is malformed (wrong magic bytes, reserved flags set, bad header check).
    case invalidHeader(String)
    /// A valid container that uses a feature this decoder deliberately does not support (another method, a preset dictionary).
    case unsupported(String)
    /// A block header names the reserved block type 3.
    case invalidBlockType
    /// A stored block's length and its one's complement disagree.
    case storedLengthMismatch
    /// A dynamic block's code lengths do not describe a usable prefix code.
    case invalidCodeLengths(String)
    /// The bits do not decode to a symbol, or decode to one the format reserves.
    case invalidSymbol
    /// A back-reference points before the start of the output.
    case distanceTooFarBack
    /// The output would grow past the caller's bound: a decompression bomb, or a limit set too low.
    case outputLimitExceeded(limit: Int)
    /// A checksum in the container does not match the data ("CRC-32", "ISIZE", "Adler-32", "header CRC").
    case checksumMismatch(String)
    /// Bytes follow the end of the stream that are not another gzip member.
    case trailingData(offset: Int)

    public var description: String {
        switch self {
        case .truncated: return "the compressed data is truncated"
        case .invalidHeader(let why): return "invalid header: \(why)"
        case .unsupported(let what): return "unsupported: \(what)"
        case .invalidBlockType: return "invalid deflate block type"
        case .storedLengthMismatch: return "stored block length does not match its complement"
        case .invalidCodeLengths(let why): return "invalid Huffman code lengths: \(why)"
        case .invalidSymbol: return "invalid Huffman symbol"
        case .distanceTooFarBack: return "back-reference distance is too far back"
        case .outputLimitExceeded(let limit): return "decompressed size exceeds the limit of \(limit) bytes"
        case .checksumMismatch(let which): return "\(which) mismatch"
        case .trailingData(let offset): return "unexpected data after the end of the stream at byte \(offset)"
        }
    }
}
