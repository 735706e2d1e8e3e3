import StrictJSON

/// One body being parsed: its bytes, the warnings about its envelope, and the budget for linked documents.
/// Lives for a single `CredentialParser.parse` call.
final class ParseSession {
    let limits: ParseLimits
    let received: [UInt8]
    let resolver: LinkedDocumentResolver
    /// Warnings about the body as a whole (media type, image chunks); every credential read from it carries them.
    let envelope: FindingLog
    private(set) lazy var receivedSHA256 = ContentDigest.sha256Hex(received)

    init(received: [UInt8], options: ParseOptions, fetcher: any DocumentFetcher) {
        self.limits = options.limits
        self.received = received
        self.resolver = LinkedDocumentResolver(fetcher: fetcher, limits: options.limits)
        self.envelope = FindingLog(maxFindings: options.limits.maxFindings)
    }

    /// Reads the body as its media type (or first bytes) say.
    func run(mediaType: String?) async throws(CredentialRejection) -> [ParsedCredential] {
        do {
            return try await readBody(mediaType: mediaType)
        } catch {
            // Rejections raised below the envelope do not carry its warnings; add those they lack.
            var rejection = error
            rejection.warnings = envelope.warnings + rejection.warnings.filter { !envelope.warnings.contains($0) }
            throw rejection
        }
    }

    /// Checks the body's size, decides its kind, and unwraps baked images.
    private func readBody(mediaType: String?) async throws(CredentialRejection) -> [ParsedCredential] {
        guard !received.isEmpty else { throw CredentialRejection(.emptyBody, "the body is empty") }
        guard received.count <= limits.maxBodyBytes else {
            throw CredentialRejection(.bodyTooLarge, "the body is \(received.count) bytes; at most \(limits.maxBodyBytes) are accepted")
        }
        let declared = try BodyKind.declared(mediaType)
        let sniffed = BodyKind.sniff(received)
        if let declared, let sniffed, declared != sniffed {
            envelope.warn(
                .mediaTypeMismatch,
                "declared \(mediaType ?? "") but the body is \(sniffed.rawValue.uppercased()); read as \(sniffed.rawValue.uppercased())",
                at: .root
            )
        }
        guard let kind = sniffed ?? declared else {
            if let tilde = received.firstIndex(of: UInt8(ascii: "~")), CompactJWS.looksLikeJWS(received[..<tilde]) {
                throw CredentialRejection(
                    .unrecognisedFormat,
                    "an SD-JWT (selective disclosure), which is not read; send the credential as JSON-LD or a VC-JWT"
                )
            }
            throw CredentialRejection(.unrecognisedFormat, "the body is neither JSON, a compact JWS, a PNG nor an SVG")
        }
        switch kind {
        case .png:
            return try await readText(BakedPNG.credentialText(in: received, limits: limits, log: envelope), packaging: .png)
        case .svg:
            return try await readText(BakedSVG.credentialText(in: received, limits: limits, log: envelope), packaging: .svg)
        case .json, .jwt:
            return try await readText(received, packaging: .document, kind: kind)
        }
    }

    /// Reads a credential document (the body, or the text baked into an image); `kind` is what the body was taken to
    /// be, `nil` for baked text, which is sniffed.
    private func readText(
        _ text: [UInt8],
        packaging: CredentialPackaging,
        kind: BodyKind? = nil,
        followURL: Bool = true
    ) async throws(CredentialRejection) -> [ParsedCredential] {
        guard text.count <= limits.maxDocumentBytes else {
            throw CredentialRejection(
                .documentTooLarge,
                "the credential document is \(text.count) bytes; at most \(limits.maxDocumentBytes) are read"
            )
        }
        let trimmed = ASCIIWhitespace.trimming(text)
        if packaging != .document, followURL, trimmed.starts(with: Array("https://".utf8)) || trimmed.starts(with: Array("http://".utf8)) {
            return try await readBakedURL(String(decoding: trimmed, as: UTF8.self), packaging: packaging)
        }
        if kind == .jwt || (kind == nil && CompactJWS.looksLikeJWS(trimmed)) {
            return try await readJWT(text, at: .root, packaging: packaging, document: text, clr: nil, parent: envelope)
        }
        let value = try JSONDocument.parse(text, limits: limits.json)
        if let string = value.stringValue, CompactJWS.looksLikeJWS(string.utf8) {
            let jws = Array(string.utf8)
            return try await readJWT(jws, at: .root, packaging: packaging, document: jws, clr: nil, parent: envelope)
        }
        return try await readCredential(value, at: .root, packaging: packaging, document: text, clr: nil, parent: envelope)
    }

    /// OB 1.x/2.0 baking allowed the URL of a hosted assertion in place of the assertion.
    private func readBakedURL(_ url: String, packaging: CredentialPackaging) async throws(CredentialRejection) -> [ParsedCredential] {
        envelope.warn(.bakedURL, "the image holds the URL of a hosted assertion, which was fetched", at: .root)
        switch await resolver.fetchBytes(url) {
        case .success(let bytes):
            return try await readText(bytes, packaging: packaging, followURL: false)
        case .failure(let failure):
            throw CredentialRejection(
                failure.tooMany ? .tooManyFetches : .fetchFailed,
                "the baked assertion URL could not be fetched: \(failure.reason)"
            )
        }
    }

    // MARK: Credentials

    /// Reads one credential JSON document: an OB 3.0 credential, a CLR of them, or an OB 2.0 assertion.
    func readCredential(
        _ value: JSONValue,
        at pointer: JSONPointer,
        packaging: CredentialPackaging,
        document: [UInt8],
        clr: ClrMembership?,
        parent: FindingLog
    ) async throws(CredentialRejection) -> [ParsedCredential] {
        switch DocumentKind.classify(value, at: pointer) {
        case .rejected(let rejection):
            throw rejection
        case .earnedBadge:
            let log = FindingLog(inheriting: parent, limits: limits)
            guard let badge = OB3CredentialReader(log: log, limits: limits).read(Node(value, at: pointer)) else { throw log.rejection }
            if badge.proofs.isEmpty {
                log.warn(.noProof, "the credential has no proof; it cannot be verified", at: pointer / "proof")
            }
            return [
                assemble(
                    badge,
                    secured: .embedded(document: value),
                    log: log,
                    format: .openBadges3JSON,
                    packaging: packaging,
                    clr: clr,
                    document: document
                )
            ]
        case .clr:
            guard clr == nil else { throw CredentialRejection(.notAnEarnedBadge, "a CLR inside a CLR is not read", at: pointer / "type") }
            return try await readCLR(value, at: pointer, secured: .embedded(document: value), packaging: packaging, parent: parent)
        case .ob2Assertion:
            guard clr == nil else {
                throw CredentialRejection(.notAnEarnedBadge, "a CLR delivers OB 3.0 credentials, not OB 2.0 assertions", at: pointer)
            }
            return [try await readOB2(value, signed: nil, at: pointer, packaging: packaging, document: document, parent: parent)]
        }
    }

    /// Reads the members of a CLR. One bad member rejects the CLR: it was issued and signed as one document.
    func readCLR(
        _ value: JSONValue,
        at pointer: JSONPointer,
        secured: SecuredCredential,
        packaging: CredentialPackaging,
        parent: FindingLog
    ) async throws(CredentialRejection) -> [ParsedCredential] {
        let log = FindingLog(inheriting: parent, limits: limits)
        guard let envelope = ClrReader.read(Node(value, at: pointer), fields: FieldReader(log: log, version: .v3), limits: limits) else {
            throw log.rejection
        }
        var parsed: [ParsedCredential] = []
        let problems = FindingLog(inheriting: log, limits: limits)
        for (position, member) in envelope.members.enumerated() {
            let membership = ClrMembership(
                clrId: envelope.id,
                clrName: envelope.name,
                clrIssuerId: envelope.issuerId,
                position: position,
                secured: secured
            )
            do {
                if let text = member.string, CompactJWS.looksLikeJWS(text.utf8) {
                    let jws = Array(text.utf8)
                    parsed += try await readJWT(jws, at: member.pointer, packaging: packaging, document: jws, clr: membership, parent: log)
                } else if member.object != nil {
                    parsed += try await readCredential(
                        member.value,
                        at: member.pointer,
                        packaging: packaging,
                        document: member.value.serializedBytes(),
                        clr: membership,
                        parent: log
                    )
                } else {
                    problems.problem(
                        .wrongKind,
                        "a CLR member must be a credential object or a compact JWS, found \(member.value.kindName)",
                        at: member.pointer
                    )
                }
            } catch {
                problems.absorbProblems(of: error)
            }
        }
        try problems.throwIfProblems()
        return parsed
    }

    /// Puts together what is stored for one credential.
    func assemble(
        _ badge: EarnedBadge,
        secured: SecuredCredential,
        log: FindingLog,
        format: CredentialFormat,
        packaging: CredentialPackaging,
        clr: ClrMembership?,
        document: [UInt8]
    ) -> ParsedCredential {
        ParsedCredential(
            badge: badge,
            secured: secured,
            warnings: log.warnings,
            format: format,
            packaging: packaging,
            clr: clr,
            document: document,
            documentSHA256: document == received ? receivedSHA256 : ContentDigest.sha256Hex(document),
            received: received,
            receivedSHA256: receivedSHA256
        )
    }
}
