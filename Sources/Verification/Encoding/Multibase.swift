/// Multibase (draft-multiformats-multibase): a one-character prefix naming the encoding.
/// Credentials use `z` (base58btc) for keys and proof values and `u` (base64url) for status lists.
enum Multibase {
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard let prefix = text.first else { return nil }
        let body = text.dropFirst()
        switch prefix {
        case "z": return Base58.decode(body)
        case "u", "m": return Base64.decode(body)
        default: return nil
        }
    }
}
