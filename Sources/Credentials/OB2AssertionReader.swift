import StrictJSON

/// Reads an Open Badges 2.0 (or 1.1) Assertion whose BadgeClass and Issuer have been put in place by
/// `LinkedDocumentResolver`, so fetched documents read as if embedded (`/badge`, `/badge/issuer`).
struct OB2AssertionReader {
    static let contextV2 = "https://w3id.org/openbadges/v2"
    static let contextV1 = "https://w3id.org/openbadges/v1"
    static let assertionTypes = ["Assertion", "obi:Assertion", "https://w3id.org/openbadges#Assertion"]

    let fields: FieldReader
    let limits: ParseLimits
    /// Why the BadgeClass could not be fetched, when it could not.
    let badgeUnavailable: LinkedDocumentResolver.FetchFailure?
    private var log: FindingLog { fields.log }

    init(log: FindingLog, limits: ParseLimits, badgeUnavailable: LinkedDocumentResolver.FetchFailure?) {
        self.fields = FieldReader(log: log, version: .v2)
        self.limits = limits
        self.badgeUnavailable = badgeUnavailable
    }

    /// The badge, or `nil` when any problem was found (the log has them all).
    func read(_ root: Node) -> EarnedBadge? {
        guard root.object != nil else {
            log.problem(.notAnObject, "an assertion must be a JSON object, found \(root.value.kindName)", at: root.pointer)
            return nil
        }
        readContext(root)
        let types = fields.types(of: root) ?? []
        if !types.contains(where: Self.assertionTypes.contains) {
            log.problem(
                .invalidType,
                "an Open Badges 2.0 assertion must have type Assertion; found \(types.isEmpty ? "none" : types.joined(separator: ", "))",
                at: root.pointer / "type"
            )
        }
        let id = fields.requiredIdentifier(root, "id", what: "assertion id")
        let earner = readRecipient(root)
        let issuedOn = fields.date(root, "issuedOn", rule: .lenient)
        if !root.has("issuedOn") {
            log.problem(.missingField, "issuedOn is missing: an assertion must say when it was issued", at: root.pointer / "issuedOn")
        }
        let expires = fields.date(root, "expires", rule: .lenient)
        if let issuedOn, let expires, expires < issuedOn {
            log.problem(.datesOutOfOrder, "expires \(expires.text) is before issuedOn \(issuedOn.text)", at: root.pointer / "expires")
        }
        readVerification(root)
        let badgeNode = readBadgeNode(root)
        let achievement = badgeNode.flatMap { AchievementReader(fields: fields).read($0) }
        let issuer = badgeNode.flatMap { fields.profile($0, "issuer", what: "badge class issuer", essential: true) }
        let image = fields.image(root, "image")
        let evidence = readEvidence(root)
        let narrative = fields.text(root, "narrative")
        let reader = EndorsementReader(fields: fields, limits: limits.json)
        var endorsements = reader.read(root, placement: .credential)
        if let badgeNode {
            endorsements += reader.read(badgeNode, placement: .achievement)
            if let issuerNode = badgeNode["issuer"], issuerNode.object != nil { endorsements += reader.read(issuerNode, placement: .issuer) }
        }

        guard let id, let earner, let issuedOn, let achievement, let issuer, !log.hasProblems else { return nil }
        var badge = EarnedBadge(
            id: id,
            types: types,
            specVersion: .v2,
            earner: earner,
            issuer: issuer,
            achievement: achievement,
            validFrom: issuedOn,
            awarded: AwardedDate(date: issuedOn, source: .issuedOn)
        )
        badge.contexts = fields.list(root, "@context").compactMap(\.string)
        badge.validUntil = expires
        badge.image = image
        badge.evidence = evidence
        badge.subject.narrative = narrative
        badge.endorsements = endorsements
        return badge
    }

    /// OB 2.0 context, or OB 1.1's (same shape, read with a warning).
    private func readContext(_ root: Node) {
        guard root.has("@context") else {
            log.problem(.missingContext, "@context is missing; an Open Badges 2.0 assertion names \(Self.contextV2)", at: root.pointer / "@context")
            return
        }
        let contexts = fields.list(root, "@context")
        let urls = contexts.compactMap(\.string).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        if urls.contains(Self.contextV2) { return }
        if urls.contains(Self.contextV1) {
            log.warn(.legacyVersion, "an Open Badges 1.1 assertion; read as 2.0, which shares its shape", at: root.pointer / "@context")
        } else if urls.contains("http://" + Self.contextV2.dropFirst("https://".count)) {
            log.warn(.legacyContext, "the OB 2.0 context over http; read as \(Self.contextV2)", at: root.pointer / "@context")
        } else if contexts.contains(where: { $0.object != nil }) {
            log.warn(.legacyContext, "an inline @context; assumed to be the Open Badges 2.0 vocabulary", at: root.pointer / "@context")
        } else {
            log.problem(.invalidContext, "@context must include \(Self.contextV2)", at: root.pointer / "@context")
        }
    }

    /// The recipient IdentityObject: who earned it, by a (usually hashed) email, URL, telephone or id.
    private func readRecipient(_ root: Node) -> Earner? {
        guard let recipient = fields.object(root, "recipient", what: "recipient") else {
            if !root.has("recipient") { log.problem(.missingField, "recipient is missing: nobody earned this", at: root.pointer / "recipient") }
            return nil
        }
        let type = fields.requiredText(recipient, "type", what: "recipient type (email, url, telephone, id)")
        let identity = fields.requiredText(recipient, "identity", what: "recipient identity")
        guard let type, let identity else { return nil }
        let hashed = fields.bool(recipient, "hashed") ?? IdentityHash.isWellFormed(identity)
        let identifier = EarnerIdentifier(identityType: type, identity: identity, hashed: hashed, salt: fields.text(recipient, "salt"))
        IdentityHash.check(identifier, log: log, at: recipient.pointer / "identity")
        return Earner(id: nil, identifiers: [identifier])
    }

    /// `verification` (OB 2.0) or `verify` (OB 1.x): only checked for shape; the verifier acts on it.
    private func readVerification(_ root: Node) {
        var key = "verification"
        if !root.has(key) && root.has("verify") {
            log.warn(.obsoleteTermName, "\"verify\" is the OB 1.x name; read as \"verification\"", at: root.pointer / "verify")
            key = "verify"
        }
        guard let verification = fields.object(root, key, what: key, optional: true) else {
            if !root.has(key) {
                log.warn(.missingRecommendedField, "verification is missing; hosted verification is assumed", at: root.pointer / "verification")
            }
            return
        }
        guard let type = fields.expectedText(verification, "type", what: "verification type (hosted or signed)") else { return }
        // OB 2.0 names HostedBadge and SignedBadge (and the short forms its context maps to them); issuers vary the case,
        // as the verifier does not mind. Anything else is verified by the assertion's form, and said so.
        if !["hostedbadge", "hosted", "signedbadge", "signed"].contains(type.lowercased()) {
            log.warn(
                .unknownVerificationType,
                "verification type \"\(type.prefix(40))\" is not HostedBadge or SignedBadge; the assertion is verified as its form shows",
                at: verification.pointer / "type"
            )
        }
    }

    /// The BadgeClass object, put in place by the resolver when the assertion named it by URL.
    private func readBadgeNode(_ root: Node) -> Node? {
        guard let badge = root["badge"] else {
            log.problem(.missingField, "badge is missing: nothing was earned", at: root.pointer / "badge")
            return nil
        }
        guard badge.object != nil else {
            if let failure = badgeUnavailable {
                log.problem(
                    failure.tooMany ? .tooManyFetches : .fetchFailed,
                    "the badge class could not be fetched: \(failure.reason)",
                    at: badge.pointer
                )
            } else {
                log.problem(.wrongKind, "badge must be a BadgeClass object or its URL, found \(badge.value.kindName)", at: badge.pointer)
            }
            return nil
        }
        return badge
    }

    /// `evidence`: a URL, an Evidence object, or a list of either.
    private func readEvidence(_ root: Node) -> [Evidence] {
        guard let node = root["evidence"] else { return [] }
        let entries = node.value.arrayValue.map { $0.enumerated().map { Node($1, at: node.pointer / $0) } } ?? [node]
        return entries.compactMap { entry in
            if let url = entry.string { return Evidence(url: url) }
            guard entry.object != nil else {
                log.warn(.ignoredValue, "evidence should be a URL or an object, found \(entry.value.kindName); skipped", at: entry.pointer)
                return nil
            }
            return OB3CredentialReader.evidence(entry, fields: fields)
        }
    }
}
