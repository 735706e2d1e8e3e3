import Inflate

/// The `encodedList` of a Bitstring Status List (and StatusList2021): the bits, most significant first, GZIP-compressed
/// and base64url-encoded with the multibase prefix `u`. For issuing lists (the demo issuer, tests).
public enum EncodedStatusList {
    /// The spec's minimum list length (16 KiB), which also keeps a holder's index from standing out.
    public static let minimumBits = 131_072

    /// Encodes a list of `bitCount` bits (at least the minimum) with the bits at `indices` set.
    public static func encode(bitCount: Int = minimumBits, set indices: some Sequence<Int>) -> String {
        var bytes = [UInt8](repeating: 0, count: (bitCount + 7) / 8)
        for index in indices where index >= 0 && index < bitCount { bytes[index / 8] |= 0x80 >> UInt8(index % 8) }
        return "u" + Base64.urlEncoded(StoredGzip.compress(bytes))
    }
}
