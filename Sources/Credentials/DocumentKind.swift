import StrictJSON

/// What a credential JSON document is, decided from its `type` (and, for untyped legacy documents, its shape).
enum DocumentKind {
    /// OB 3.0 OpenBadgeCredential / AchievementCredential (or a credential with the OB 3.0 context whose type is wrong,
    /// which the reader then reports together with everything else wrong with it).
    case earnedBadge
    case clr
    case ob2Assertion
    case rejected(CredentialRejection)

    static let ob2Classes: Set<String> = [
        "BadgeClass", "Issuer", "Profile", "Endorsement", "CryptographicKey", "RevocationList", "AlignmentObject", "Criteria",
        "Evidence", "Image", "IdentityObject", "Extension", "VerificationObject",
    ]

    /// Decides what to read the document as, or why it is not an earned badge at all.
    static func classify(_ value: JSONValue, at pointer: JSONPointer) -> DocumentKind {
        guard let object = value.objectValue else {
            return .rejected(CredentialRejection(.notAnObject, "a credential must be a JSON object, found \(value.kindName)", at: pointer))
        }
        let types = (object["type"]?.asList ?? []).compactMap(\.stringValue)
        let reject = { (code: ProblemCode, message: String) in DocumentKind.rejected(CredentialRejection(code, message, at: pointer / "type")) }
        if types.contains(where: OpenBadgesCredentialTypes.earnedBadge.contains) { return .earnedBadge }
        if types.contains(OpenBadgesCredentialTypes.clr) { return .clr }
        if types.contains(OpenBadgesCredentialTypes.endorsement) {
            return reject(.endorsementCredential, "an EndorsementCredential endorses an issuer, achievement or credential; it is not an earned badge")
        }
        if types.contains("VerifiablePresentation") {
            return reject(.notAnEarnedBadge, "a VerifiablePresentation; send each credential it holds on its own")
        }
        if types.contains(where: OB2AssertionReader.assertionTypes.contains) { return .ob2Assertion }
        if let ob2Class = types.first(where: ob2Classes.contains) {
            return reject(.notAnEarnedBadge, "an Open Badges 2.0 \(ob2Class), not an Assertion of an earned badge")
        }
        let contexts = (object["@context"]?.asList ?? []).compactMap(\.stringValue)
        if types.contains("VerifiableCredential") {
            if contexts.contains(where: { OpenBadgesContext.isCurrent($0) || OpenBadgesContext.isLegacy($0) }) { return .earnedBadge }
            return reject(.notAnEarnedBadge, "a \(types.joined(separator: ", ")), not an Open Badges credential")
        }
        if !types.isEmpty {
            return reject(.notAnEarnedBadge, "type \(types.joined(separator: ", ")) is not an Open Badges credential")
        }
        if object["recipient"] != nil && object["badge"] != nil {
            if contexts.contains(where: { $0.hasPrefix("https://w3id.org/openbadges/") }) { return .ob2Assertion }
            return .rejected(
                CredentialRejection(
                    .unsupportedVersion,
                    "an Open Badges 0.5/1.0 assertion (no @context and type); only 1.1, 2.0 and 3.0 are read",
                    at: pointer
                )
            )
        }
        if object["credentialSubject"] != nil { return .earnedBadge }
        return .rejected(CredentialRejection(.missingType, "the document has no type; it is not a credential", at: pointer / "type"))
    }
}
