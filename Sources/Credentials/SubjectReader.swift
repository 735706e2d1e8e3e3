import StrictJSON

/// Reads the OB 3.0 `credentialSubject`: the earner, their results, and where the achievement is.
struct SubjectReader {
    let fields: FieldReader
    private var log: FindingLog { fields.log }

    /// What the subject holds; the achievement is left as a node for `AchievementReader`.
    struct Reading {
        var earner: Earner
        var details: SubjectDetails
        var achievementNode: Node?
        var results: [(result: AchievementResult, node: Node)]
    }

    /// The subject of a credential, or `nil` after recording why there is none to read.
    func read(_ root: Node) -> Reading? {
        guard let subject = subjectNode(root) else { return nil }
        fields.checkType(subject, expected: ["AchievementSubject"], what: "credential subject")
        let earner = readEarner(subject)
        var details = SubjectDetails()
        details.activityStartDate = fields.optionalDate(subject, "activityStartDate", rule: .timezoneOptional)
        details.activityEndDate = fields.optionalDate(subject, "activityEndDate", rule: .timezoneOptional)
        details.creditsEarned = fields.number(subject, "creditsEarned")
        details.term = fields.text(subject, "term")
        details.role = fields.text(subject, "role")
        details.licenseNumber = fields.text(subject, "licenseNumber")
        details.narrative = fields.text(subject, "narrative")
        details.source = fields.profile(subject, "source", what: "assessing organisation (source)", essential: false)
        details.image = fields.image(subject, "image")
        return Reading(earner: earner, details: details, achievementNode: achievementNode(subject), results: readResults(subject))
    }

    /// The one subject; a list holding exactly one is accepted with a warning.
    private func subjectNode(_ root: Node) -> Node? {
        guard var subject = root["credentialSubject"] else {
            log.problem(.missingField, "credentialSubject is missing: nobody earned this", at: root.pointer / "credentialSubject")
            return nil
        }
        if case .array(let subjects) = subject.value {
            guard subjects.count == 1 else {
                log.problem(.tooManySubjects, "an earned badge has one credentialSubject; found \(subjects.count)", at: subject.pointer)
                return nil
            }
            log.warn(.listForSingleValue, "credentialSubject is a list of one; read as the subject", at: subject.pointer)
            subject = Node(subjects[0], at: subject.pointer / 0)
        }
        guard subject.object != nil else {
            log.problem(.wrongKind, "credentialSubject must be an object, found \(subject.value.kindName)", at: subject.pointer)
            return nil
        }
        return subject
    }

    /// The embedded Achievement object (an achievement named only by URI cannot be indexed).
    private func achievementNode(_ subject: Node) -> Node? {
        guard let achievement = subject["achievement"] else {
            log.problem(.missingField, "credentialSubject.achievement is missing: nothing was earned", at: subject.pointer / "achievement")
            return nil
        }
        guard achievement.object != nil else {
            let hint = achievement.string != nil ? " (an achievement given only by URI cannot be indexed)" : ""
            log.problem(.wrongKind, "achievement must be an Achievement object, found \(achievement.value.kindName)\(hint)", at: achievement.pointer)
            return nil
        }
        return achievement
    }

    // MARK: Earner

    /// "Either id or at least one identifier MUST be supplied" (OB 3.0 AchievementSubject).
    private func readEarner(_ subject: Node) -> Earner {
        let id = fields.text(subject, "id")
        if let id { fields.warnUnlessURI(id, what: "credentialSubject.id", at: subject.pointer / "id") }
        let identifiers = fields.list(subject, "identifier").compactMap(identityObject)
        // OB 3.0's text requires one, but its JSON Schema does not, and wallets issue such badges (a name only): the
        // credential still verifies, and is stored as its own earner, who cannot be linked to other credentials.
        if id == nil && identifiers.isEmpty {
            log.warn(
                .noEarnerIdentity, "the subject has neither an id nor an identifier, so the earner cannot be linked to other credentials",
                at: subject.pointer
            )
        }
        return Earner(id: id, identifiers: identifiers)
    }

    /// One `IdentityObject`.
    private func identityObject(_ node: Node) -> EarnerIdentifier? {
        guard node.object != nil else {
            log.warn(.ignoredValue, "identifier should be an IdentityObject, found \(node.value.kindName); skipped", at: node.pointer)
            return nil
        }
        fields.checkType(node, expected: ["IdentityObject"], what: "identifier", listExpected: false)
        guard let identity = fields.expectedText(node, "identityHash", what: "identifier's identityHash"),
            let identityType = fields.expectedText(node, "identityType", what: "identifier's identityType")
        else { return nil }
        let hashed = fields.bool(node, "hashed") ?? IdentityHash.isWellFormed(identity)
        if !node.has("hashed") {
            log.warn(.missingRecommendedField, "identifier's hashed flag is missing; inferred \(hashed)", at: node.pointer / "hashed")
        }
        let identifier = EarnerIdentifier(identityType: identityType, identity: identity, hashed: hashed, salt: fields.text(node, "salt"))
        IdentityHash.check(identifier, log: log, at: node.pointer / "identityHash")
        return identifier
    }

    // MARK: Results

    /// `result[]`, with their nodes kept for the proficiency resolver's warnings.
    private func readResults(_ subject: Node) -> [(result: AchievementResult, node: Node)] {
        let alignments = AchievementReader(fields: fields)
        return fields.list(subject, "result").compactMap { node in
            guard node.object != nil else {
                log.warn(.ignoredValue, "result should be an object, found \(node.value.kindName); skipped", at: node.pointer)
                return nil
            }
            fields.checkType(node, expected: ["Result"], what: "result")
            var result = AchievementResult()
            result.resultDescriptionId = fields.text(node, "resultDescription")
            result.achievedLevelId = fields.text(node, "achievedLevel")
            result.value = fields.text(node, "value")
            result.status = fields.text(node, "status")
            result.alignments = alignments.alignments(node)
            return (result, node)
        }
    }
}

/// Hashed identities (`sha256$<hex>`, `md5$<hex>`), shared by OB 2.0 recipients and OB 3.0 identifiers.
enum IdentityHash {
    static func isWellFormed(_ identity: String) -> Bool {
        let parts = identity.split(separator: "$", maxSplits: 1)
        guard parts.count == 2 else { return false }
        let expectedLength: Int
        switch parts[0].lowercased() {
        case "sha256": expectedLength = 64
        case "md5": expectedLength = 32
        default: return false
        }
        return parts[1].count == expectedLength && parts[1].allSatisfy(\.isHexDigit)
    }

    /// Warns about plaintext identities (they are personal data) and hashes that are not `algorithm$hex`.
    static func check(_ identifier: EarnerIdentifier, log: FindingLog, at pointer: JSONPointer) {
        if !identifier.hashed {
            log.warn(.plaintextIdentifier, "the earner's \(identifier.identityType) is given in plaintext", at: pointer)
        } else if !isWellFormed(identifier.identity) {
            log.warn(.malformedIdentityHash, "a hashed identity should read sha256$<64 hex> or md5$<32 hex>", at: pointer)
        }
    }
}
