import StrictJSON

/// Parses one JSON document of a credential body, turning StrictJSON's error into a problem at the right place.
enum JSONDocument {
    /// Parses `bytes`; `base` is where the document sits in the larger one (a CLR member, a JWT payload's `vc`).
    static func parse(
        _ bytes: [UInt8],
        limits: JSONLimits,
        at base: JSONPointer = .root,
        what: String = "the document"
    )
        throws(CredentialRejection) -> JSONValue
    {
        do {
            return try JSONParser.parse(bytes, limits: limits)
        } catch {
            let code: ProblemCode
            switch error.reason {
            case .invalidUTF8: code = .invalidUTF8
            case .duplicateKey: code = .duplicateKey
            case .tooDeep: code = .nestingTooDeep
            case .stringTooLong: code = .stringTooLong
            case .arrayTooLong: code = .arrayTooLong
            case .tooManyMembers: code = .tooManyMembers
            default: code = .invalidJSON
            }
            let pointer = JSONPointer(tokens: base.tokens + error.pointer.tokens)
            throw CredentialRejection(code, "\(what) is not acceptable JSON: \(error.message) (byte \(error.offset))", at: pointer)
        }
    }
}
