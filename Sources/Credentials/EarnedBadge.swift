/// One earned badge, normalised from any Open Badges 2.0 or 3.0 form: who earned what from whom, how well, on what
/// evidence, and for how long. Everything the index and the stores need; the raw document travels alongside in
/// `ParsedCredential`.
public struct EarnedBadge: Sendable, Hashable {
    /// The credential id (OB 3.0 `id`, or a VC-JWT `jti`), or the OB 2.0 assertion id.
    public var id: String
    /// The `type` values as received (`VerifiableCredential`, `OpenBadgeCredential`, … or `Assertion`).
    public var types: [String]
    public var specVersion: OpenBadgesVersion
    /// VCDM version of an OB 3.0 credential; `nil` for OB 2.0.
    public var dataModel: VCDataModel?
    /// `@context` URLs in order (inline context objects are omitted).
    public var contexts: [String]
    /// The credential's own display name and description (OB 3.0); the achievement has its own.
    public var name: String?
    public var description: String?
    public var image: ImageReference?
    public var earner: Earner
    public var subject: SubjectDetails
    public var issuer: Profile
    public var achievement: Achievement
    public var results: [AchievementResult]
    public var evidence: [Evidence]
    /// When the credential became valid: OB 3.0 `validFrom` (VCDM 1.1 `issuanceDate`), OB 2.0 `issuedOn`.
    public var validFrom: CredentialDate
    /// OB 3.0 `validUntil` (VCDM 1.1 `expirationDate`), OB 2.0 `expires`.
    public var validUntil: CredentialDate?
    /// When the badge was originally awarded, and which field said so.
    public var awarded: AwardedDate
    public var statusEntries: [CredentialStatusEntry]
    public var refreshService: ServiceReference?
    public var credentialSchemas: [ServiceReference]
    /// Endorsements of the credential, its achievement and its issuer.
    public var endorsements: [EndorsementReference]
    /// Embedded proofs, or the JWS header for VC-JWT and signed OB 2.0.
    public var proofs: [ProofSummary]

    public init(
        id: String,
        types: [String],
        specVersion: OpenBadgesVersion,
        earner: Earner,
        issuer: Profile,
        achievement: Achievement,
        validFrom: CredentialDate,
        awarded: AwardedDate
    ) {
        self.id = id
        self.types = types
        self.specVersion = specVersion
        self.contexts = []
        self.earner = earner
        self.subject = SubjectDetails()
        self.issuer = issuer
        self.achievement = achievement
        self.results = []
        self.evidence = []
        self.validFrom = validFrom
        self.awarded = awarded
        self.statusEntries = []
        self.credentialSchemas = []
        self.endorsements = []
        self.proofs = []
    }

    /// Every alignment in the credential with where it came from: the achievement's, each result description's,
    /// each rubric level's, then each result's.
    public var alignments: [PlacedAlignment] {
        var placed = achievement.alignments.map { PlacedAlignment($0, source: .achievement) }
        for description in achievement.resultDescriptions {
            placed += description.alignments.map { PlacedAlignment($0, source: .resultDescription(descriptionId: description.id)) }
            for level in description.levels {
                placed += level.alignments.map {
                    PlacedAlignment($0, source: .rubricLevel(descriptionId: description.id, levelId: level.id))
                }
            }
        }
        for (index, result) in results.enumerated() {
            placed += result.alignments.map { PlacedAlignment($0, source: .result(index: index)) }
        }
        return placed
    }
}

/// When the badge was awarded, and where that date came from.
public struct AwardedDate: Sendable, Hashable {
    /// The field the date was read from; anything but `awardedDate` is a fallback.
    public enum Source: String, Sendable, Hashable {
        case awardedDate, validFrom, issuanceDate, issuedOn
    }

    public var date: CredentialDate
    public var source: Source

    public init(date: CredentialDate, source: Source) {
        self.date = date
        self.source = source
    }
}

/// What the credential says about the earner's activity besides results (OB 3.0 `AchievementSubject`).
public struct SubjectDetails: Sendable, Hashable {
    public var activityStartDate: CredentialDate?
    public var activityEndDate: CredentialDate?
    public var creditsEarned: Double?
    public var term: String?
    public var role: String?
    public var licenseNumber: String?
    /// Markdown tying the evidence together (OB 3.0 subject `narrative`, OB 2.0 assertion `narrative`).
    public var narrative: String?
    /// The organisation that assessed the earner, when not the issuer.
    public var source: Profile?
    public var image: ImageReference?

    public init() {}
}
