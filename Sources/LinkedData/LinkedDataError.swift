public import StrictJSON

/// Why a document could not be turned into canonical form, in words an issuer debugging a signature can act on.
public enum LinkedDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A context URL that is neither bundled nor added by the deployment: verification never fetches contexts.
    case contextUnavailable(url: String)
    /// A context index (the bundled one or a deployment's) that cannot be read.
    case contextIndex(String)
    /// A pinned context whose bytes no longer match the SHA-256 recorded for it.
    case contextIntegrity(url: String, expected: String, actual: String)
    /// The document breaks a JSON-LD 1.1 rule; `code` is the error code the JSON-LD API defines.
    case invalidJSONLD(code: JSONLDErrorCode, detail: String, path: JSONPointer?)
    /// Safe mode: expansion or RDF conversion would silently drop data, which VC Data Integrity forbids.
    case unsafeDrop(UnsafeDrop, path: JSONPointer)
    /// RDFC-1.0 needed more Hash N-Degree Quads work than allowed: the dataset is treated as a poison graph.
    case canonicalizationLimitExceeded(limit: Int)
    /// N-Quads text that does not parse.
    case invalidNQuads(line: Int, detail: String)
    /// A JSON value JCS cannot represent (a number outside the IEEE double range).
    case unrepresentableNumber(String, path: JSONPointer)

    /// The JSON-LD API error code this corresponds to, where the spec defines one.
    public var jsonLDCode: JSONLDErrorCode? {
        switch self {
        case .contextUnavailable, .contextIntegrity, .contextIndex: return .loadingRemoteContextFailed
        case .invalidJSONLD(let code, _, _): return code
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .contextUnavailable(let url):
            return "unknown JSON-LD context \(url): it is not among the pinned contexts, and contexts are never fetched"
        case .contextIndex(let detail):
            return "context index: \(detail)"
        case .contextIntegrity(let url, let expected, let actual):
            return "pinned context \(url) does not match its SHA-256 (expected \(expected), found \(actual))"
        case .invalidJSONLD(let code, let detail, let path):
            let location = path.map { " at \($0.description.isEmpty ? "document root" : $0.description)" } ?? ""
            return "invalid JSON-LD (\(code.rawValue))\(location): \(detail)"
        case .unsafeDrop(let drop, let path):
            return "\(drop.description) at \(path.description.isEmpty ? "document root" : path.description)"
        case .canonicalizationLimitExceeded(let limit):
            return "RDF canonicalization gave up after \(limit) steps of blank-node disambiguation (possible poison graph)"
        case .invalidNQuads(let line, let detail):
            return "invalid N-Quads on line \(line): \(detail)"
        case .unrepresentableNumber(let text, let path):
            return "number \(text) at \(path.description.isEmpty ? "document root" : path.description) is outside the IEEE double range"
        }
    }
}

/// Data that safe mode refuses to drop silently.
public enum UnsafeDrop: Sendable, Hashable, CustomStringConvertible {
    /// A property name with no term definition and no `@vocab` to expand it.
    case undefinedTerm(String)
    /// An `@id` (or `@id`-typed value) that stays a relative IRI, so its statements would vanish.
    case relativeIdentifier(String)
    /// A `@type` (or `@vocab`-typed value) that stays a relative IRI.
    case relativeType(String)
    /// A value RDF cannot carry (ill-formed IRI, datatype or language tag).
    case invalidRDFValue(String)
    /// A string's `@direction`, dropped because no `rdfDirection` was chosen.
    case baseDirection(String)

    public var description: String {
        switch self {
        case .undefinedTerm(let term):
            return "term \"\(term)\" is not defined by any context and would be dropped"
        case .relativeIdentifier(let id):
            return "identifier \"\(id)\" is a relative IRI and cannot be resolved"
        case .relativeType(let type):
            return "type \"\(type)\" is not defined by any context and would be dropped"
        case .invalidRDFValue(let value):
            return "\(value) is not a well-formed RDF term and would be dropped"
        case .baseDirection(let value):
            return "the base direction of \"\(value)\" would be dropped (no rdfDirection option)"
        }
    }
}
