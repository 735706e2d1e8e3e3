import Inflate

/// Decompresses zlib-compressed PNG text (`zTXt`, or `iTXt` with its compression flag set; PNG compression method 0
/// is a zlib datastream). Baked badges are usually uncompressed, as the OB 3.0 baking section asks.
enum CompressedText {
    /// The decompressed text, at most `maxOutput` bytes.
    static func inflate(_ bytes: [UInt8], maxOutput: Int) throws(CredentialRejection) -> [UInt8] {
        do {
            return try Inflate.decompress(zlib: bytes, maxOutput: maxOutput)
        } catch .outputLimitExceeded(let limit) {
            throw CredentialRejection(.documentTooLarge, "the compressed credential text expands past \(limit) bytes")
        } catch {
            throw CredentialRejection(.malformedPNG, "the compressed credential text cannot be decompressed: \(error)")
        }
    }
}
