import StrictJSON

/// Reads an OB 3.0 `OpenBadgeCredential` / `AchievementCredential` (VCDM 1.1 or 2.0) into an `EarnedBadge`, recording
/// every problem and tolerated deviation in the log.
struct OB3CredentialReader {
    static let credentialsV2 = "https://www.w3.org/ns/credentials/v2"
    static let credentialsV1 = "https://www.w3.org/2018/credentials/v1"

    let fields: FieldReader
    let limits: ParseLimits
    private var log: FindingLog { fields.log }

    init(log: FindingLog, limits: ParseLimits) {
        self.fields = FieldReader(log: log, version: .v3)
        self.limits = limits
    }

    /// The badge, or `nil` when any problem was found (the log has them all).
    func read(_ root: Node) -> EarnedBadge? {
        guard root.object != nil else {
            log.problem(.notAnObject, "a credential must be a JSON object, found \(root.value.kindName)", at: root.pointer)
            return nil
        }
        let (dataModel, contexts) = readContexts(root)
        let types = readTypes(root)
        let id = credentialID(root)
        let issuer = fields.profile(root, "issuer", what: "issuer", essential: true)
        let validity = readValidity(root, dataModel: dataModel)
        let subject = SubjectReader(fields: fields).read(root)
        let achievement = subject?.achievementNode.flatMap { AchievementReader(fields: fields).read($0) }
        // Everything is read before deciding, so a rejection lists every problem, not just the first part's.
        let name = fields.text(root, "name")
        let description = fields.text(root, "description")
        let image = fields.image(root, "image")
        let evidence = readEvidence(root)
        let statusEntries = readStatus(root)
        let refreshService = readServices(root, "refreshService").first
        let credentialSchemas = readServices(root, "credentialSchema")
        let proofs = readProofs(root)
        let endorsements = readEndorsements(root, achievement: subject?.achievementNode)
        let results = achievement.map { ProficiencyResolver(log: log).resolve(subject?.results ?? [], descriptions: $0.resultDescriptions) }

        guard let id, let issuer, let validity, let subject, let achievement, !log.hasProblems else { return nil }
        var badge = EarnedBadge(
            id: id,
            types: types,
            specVersion: .v3,
            earner: subject.earner,
            issuer: issuer,
            achievement: achievement,
            validFrom: validity.from,
            awarded: validity.awarded
        )
        badge.dataModel = dataModel
        badge.contexts = contexts
        badge.validUntil = validity.until
        badge.name = name
        badge.description = description
        badge.image = image
        badge.subject = subject.details
        badge.results = results ?? []
        badge.evidence = evidence
        badge.statusEntries = statusEntries
        badge.refreshService = refreshService
        badge.credentialSchemas = credentialSchemas
        badge.proofs = proofs
        badge.endorsements = endorsements
        return badge
    }

    /// Endorsements of the credential, its achievement and its issuer.
    private func readEndorsements(_ root: Node, achievement: Node?) -> [EndorsementReference] {
        let reader = EndorsementReader(fields: fields, limits: limits.json)
        var endorsements = reader.read(root, placement: .credential)
        if let achievement { endorsements += reader.read(achievement, placement: .achievement) }
        if let issuer = root["issuer"], issuer.object != nil { endorsements += reader.read(issuer, placement: .issuer) }
        return endorsements
    }

    // MARK: Identity

    /// The credential id. VCDM makes it optional while OB 3.0 requires it, and real issuers leave it out: such a
    /// credential is keyed on its content, so that importing it again is a duplicate rather than a second credential.
    private func credentialID(_ root: Node) -> String? {
        guard root["id"] == nil else { return fields.requiredKey(root, "id", what: "credential id") }
        let derived = "urn:sha256:" + ContentDigest.sha256Hex(root.value.serializedBytes(sortedKeys: true))
        log.warn(.missingRecommendedField, "credential id is missing; the credential is stored as \(derived), from its content", at: root.pointer / "id")
        return derived
    }

    // MARK: Context and type

    /// The data model named by the first context, and the context URLs. VCDM requires the credentials context first
    /// and OB 3.0 requires its own context after it.
    private func readContexts(_ root: Node) -> (VCDataModel, [String]) {
        let inferred: VCDataModel = root.has("issuanceDate") && !root.has("validFrom") ? .v1_1 : .v2_0
        guard root.has("@context") else {
            log.problem(.missingContext, "@context is missing; an OB 3.0 credential starts with \(Self.credentialsV2)", at: root.pointer / "@context")
            return (inferred, [])
        }
        let contexts = fields.list(root, "@context").compactMap(\.string)
        let dataModel: VCDataModel
        switch contexts.first {
        case Self.credentialsV2: dataModel = .v2_0
        case Self.credentialsV1: dataModel = .v1_1
        default:
            log.problem(
                .invalidContext,
                "the first @context must be \(Self.credentialsV2) (or \(Self.credentialsV1) for VCDM 1.1)",
                at: root.pointer / "@context" / 0
            )
            dataModel = inferred
        }
        if !contexts.contains(where: OpenBadgesContext.isCurrent) {
            if let legacy = contexts.first(where: OpenBadgesContext.isLegacy) {
                log.warn(.legacyContext, "\(legacy) is a draft Open Badges 3.0 context; read as the published one", at: root.pointer / "@context")
            } else {
                log.problem(
                    .missingContext,
                    "no Open Badges 3.0 @context (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json)",
                    at: root.pointer / "@context"
                )
            }
        }
        return (dataModel, contexts)
    }

    /// The credential `type`: it must name OpenBadgeCredential or AchievementCredential.
    private func readTypes(_ root: Node) -> [String] {
        guard let types = fields.types(of: root) else {
            log.problem(.missingType, "type is missing; it must include VerifiableCredential and OpenBadgeCredential", at: root.pointer / "type")
            return []
        }
        if !types.contains(where: OpenBadgesCredentialTypes.earnedBadge.contains) {
            log.problem(
                .notAnEarnedBadge,
                "type must include OpenBadgeCredential or AchievementCredential; found \(types.joined(separator: ", "))",
                at: root.pointer / "type"
            )
        }
        if !types.contains("VerifiableCredential") {
            log.warn(.missingType, "type should also include VerifiableCredential", at: root.pointer / "type")
        }
        return types
    }

    // MARK: Dates

    /// When the credential is valid and when it was awarded.
    private struct Validity {
        var from: CredentialDate
        var until: CredentialDate?
        var awarded: AwardedDate
    }

    /// Validity per data model: VCDM 2.0 `validFrom`/`validUntil`, VCDM 1.1 `issuanceDate`/`expirationDate`; the other
    /// model's terms are read as a fallback with a warning.
    private func readValidity(_ root: Node, dataModel: VCDataModel) -> Validity? {
        let rule: DateRule = dataModel == .v2_0 ? .timezoneRequired : .timezoneOptional
        let (startKey, otherStartKey, endKey, otherEndKey) =
            dataModel == .v2_0
            ? ("validFrom", "issuanceDate", "validUntil", "expirationDate") : ("issuanceDate", "validFrom", "expirationDate", "validUntil")
        var startSource = startKey
        var from = fields.date(root, startKey, rule: rule)
        if root.has(otherStartKey) {
            if root.has(startKey) {
                log.warn(
                    .mixedDataModelTerms,
                    "\(otherStartKey) is not a VCDM \(dataModel.rawValue) term; \(startKey) is used",
                    at: root.pointer / otherStartKey
                )
            } else {
                log.warn(
                    .mixedDataModelTerms,
                    "\(otherStartKey) used in a VCDM \(dataModel.rawValue) credential; read as \(startKey)",
                    at: root.pointer / otherStartKey
                )
                from = fields.date(root, otherStartKey, rule: rule)
                startSource = otherStartKey
            }
        }
        if !root.has(startKey) && !root.has(otherStartKey) {
            log.problem(.missingField, "\(startKey) is missing: a credential must say when it became valid", at: root.pointer / startKey)
        }
        var endKeyUsed = endKey
        if !root.has(endKey) && root.has(otherEndKey) {
            log.warn(
                .mixedDataModelTerms,
                "\(otherEndKey) used in a VCDM \(dataModel.rawValue) credential; read as \(endKey)",
                at: root.pointer / otherEndKey
            )
            endKeyUsed = otherEndKey
        }
        let until = fields.date(root, endKeyUsed, rule: rule)
        let awardedDate = fields.date(root, "awardedDate", rule: rule)
        guard let from else { return nil }
        if let until, until < from {
            log.problem(.datesOutOfOrder, "\(endKeyUsed) \(until.text) is before \(startSource) \(from.text)", at: root.pointer / endKeyUsed)
        }
        let awarded =
            awardedDate.map { AwardedDate(date: $0, source: .awardedDate) }
            ?? AwardedDate(date: from, source: startSource == "validFrom" ? .validFrom : .issuanceDate)
        return Validity(from: from, until: until, awarded: awarded)
    }
}

/// The Open Badges 3.0 JSON-LD context URLs.
enum OpenBadgesContext {
    /// `…/ob/v3p0/context.json` (3.0.0), `…/context-3.0.N.json`, and the `ob_v3p0.jsonld` alias the 1EdTech validator accepts.
    static func isCurrent(_ url: String) -> Bool {
        let prefix = "https://purl.imsglobal.org/spec/ob/v3p0/"
        guard url.hasPrefix(prefix) else { return false }
        let rest = url.dropFirst(prefix.count)
        if rest == "context.json" || rest == "context/ob_v3p0.jsonld" { return true }
        guard rest.hasPrefix("context-3."), rest.hasSuffix(".json") else { return false }
        let version = rest.dropFirst("context-".count).dropLast(".json".count).split(separator: ".")
        return version.count == 3 && version.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// Pre-publication OB 3.0 contexts still found in issued credentials.
    static func isLegacy(_ url: String) -> Bool {
        url.hasPrefix("https://imsglobal.github.io/openbadges-specification/") || url.hasPrefix("https://purl.imsglobal.org/spec/ob/v3p0/context")
            || url.hasPrefix("https://dc.imsglobal.org/draft/ob/")
    }
}
