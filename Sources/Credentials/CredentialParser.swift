/// Reads Open Badges 2.0 and 3.0 credentials in every shape they arrive in (JSON-LD, VC-JWT, baked PNG and SVG,
/// CLR 2.0, OB 2.0 hosted and signed assertions) and normalises each into an `EarnedBadge`.
///
/// Proofs are not checked here: each result carries a `SecuredCredential` for the verifier. Linked documents
/// (OB 2.0 BadgeClasses and Issuers given by URL, hosted assertions behind baked URLs) are fetched through `fetcher`.
///
/// Choices a caller should know:
/// - An `EndorsementCredential` is rejected (`type.endorsement`): it endorses something, nobody earned it.
/// - A CLR yields one `ParsedCredential` per member, linked by `clr`; one unreadable member rejects the whole CLR,
///   which its issuer signed as one document.
/// - An achievement given only by URI, or a subject without id and identifiers, is rejected: there is nothing to index.
/// - Expiry and future validity are the verifier's findings, not problems: the dates are normalised as written.
/// - OB 1.1 assertions are read as 2.0 (same shape, with a warning); OB 0.5/1.0 are rejected.
public struct CredentialParser: Sendable {
    public var options: ParseOptions
    public var fetcher: any DocumentFetcher

    public init(options: ParseOptions = ParseOptions(), fetcher: any DocumentFetcher = StaticDocumentFetcher()) {
        self.options = options
        self.fetcher = fetcher
    }

    /// Parses one body. `mediaType` (the request's Content-Type) chooses the reader; when it is absent or generic
    /// (`text/plain`, `application/octet-stream`) the body is sniffed, and when it contradicts the body the body wins
    /// with a warning. Returns one credential, or several for a CLR.
    ///
    /// - Throws: `CredentialRejection` with every problem found when the body cannot be read as earned badges.
    public func parse(_ bytes: [UInt8], mediaType: String? = nil) async throws(CredentialRejection) -> [ParsedCredential] {
        try await ParseSession(received: bytes, options: options, fetcher: fetcher).run(mediaType: mediaType)
    }
}
