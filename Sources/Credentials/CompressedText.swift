/// Decompresses zlib-compressed PNG text (`zTXt`, or `iTXt` with its compression flag set).
///
/// The `Inflate` target is being written alongside this one; until it lands, compressed credentials are rejected with
/// a clear problem. Baked badges are written uncompressed in practice (the OB 3.0 baking spec says so).
enum CompressedText {
    static func inflate(_ bytes: [UInt8], maxOutput: Int) throws(CredentialRejection) -> [UInt8] {
        throw CredentialRejection(.compressedTextUnsupported, "the baked credential is zlib-compressed, which this server cannot read yet; bake it uncompressed")
    }
}
