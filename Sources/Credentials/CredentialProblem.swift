public import StrictJSON

/// Why a credential cannot be accepted as an earned badge: a stable machine code, a sentence for people,
/// and the JSON pointer of the offending value.
///
/// Pointers address the decoded credential document: the JSON body itself, the payload of a VC-JWT (so a credential
/// carried in a `vc` claim reads `/vc/issuer`), or the text baked into a PNG or SVG. For a credential inside a CLR the
/// pointer starts at its place in the CLR (`/credentialSubject/verifiableCredential/2/...`); for an OB 2.0 BadgeClass or
/// Issuer fetched by URL it reads as if the document were embedded where its URL stood (`/badge/name`).
public struct CredentialProblem: Sendable, Hashable, CustomStringConvertible {
    public var code: ProblemCode
    public var message: String
    public var pointer: JSONPointer

    public init(_ code: ProblemCode, _ message: String, at pointer: JSONPointer) {
        self.code = code
        self.message = message
        self.pointer = pointer
    }

    public var description: String { "\(code.rawValue) at \(pointer.description.isEmpty ? "/" : pointer.description): \(message)" }
}

/// A deviation from the specifications that a tolerant reader accepts; stored with the credential so issuers can be told.
public struct CredentialWarning: Sendable, Hashable, CustomStringConvertible {
    public var code: WarningCode
    public var message: String
    public var pointer: JSONPointer

    public init(_ code: WarningCode, _ message: String, at pointer: JSONPointer) {
        self.code = code
        self.message = message
        self.pointer = pointer
    }

    public var description: String { "\(code.rawValue) at \(pointer.description.isEmpty ? "/" : pointer.description): \(message)" }
}

/// The credential was rejected: every problem found (up to `ParseLimits.maxFindings`), and the warnings seen on the way.
public struct CredentialRejection: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [CredentialProblem]
    public var warnings: [CredentialWarning]
    /// Problems found beyond `ParseLimits.maxFindings`, counted but not listed.
    public var omittedProblemCount: Int

    public init(problems: [CredentialProblem], warnings: [CredentialWarning] = [], omittedProblemCount: Int = 0) {
        self.problems = problems
        self.warnings = warnings
        self.omittedProblemCount = omittedProblemCount
    }

    init(_ code: ProblemCode, _ message: String, at pointer: JSONPointer = .root) {
        self.init(problems: [CredentialProblem(code, message, at: pointer)])
    }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
