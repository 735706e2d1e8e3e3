import StrictJSON

/// Reads the endorsements attached to a credential, achievement or profile: embedded EndorsementCredentials (OB 3.0),
/// `endorsementJwt` strings, and OB 2.0 Endorsement objects or URLs. They are summarised, not verified here.
struct EndorsementReader {
    let fields: FieldReader
    /// Limits for decoding `endorsementJwt` payloads.
    let limits: JSONLimits
    private var log: FindingLog { fields.log }

    /// The endorsements in `endorsement` and `endorsementJwt` of an object.
    func read(_ node: Node, placement: EndorsementReference.Placement) -> [EndorsementReference] {
        let embedded = fields.list(node, "endorsement").compactMap { entry -> EndorsementReference? in
            if let url = entry.string {
                return EndorsementReference(id: url, issuerId: nil, issuerName: nil, comment: nil, placement: placement, form: .reference)
            }
            guard entry.object != nil else {
                log.warn(.unreadableEndorsement, "an endorsement should be an object, found \(entry.value.kindName); skipped", at: entry.pointer)
                return nil
            }
            return summary(of: entry.value, placement: placement, form: .embedded)
        }
        let jwts = fields.list(node, "endorsementJwt").compactMap { entry -> EndorsementReference? in
            guard let text = entry.string else {
                log.warn(.unreadableEndorsement, "endorsementJwt entries are compact JWS strings; skipped", at: entry.pointer)
                return nil
            }
            let payload = payload(ofJWS: text)
            if payload == nil {
                log.warn(.unreadableEndorsement, "the endorsement JWS could not be decoded; counted without details", at: entry.pointer)
            }
            let credential = payload?["vc"] ?? payload ?? .null
            return summary(of: credential, placement: placement, form: .jwt)
        }
        return embedded + jwts
    }

    /// Id, issuer and comment of an EndorsementCredential (OB 3.0) or Endorsement (OB 2.0, comment in `claim`).
    private func summary(of value: JSONValue, placement: EndorsementReference.Placement, form: EndorsementReference.Form) -> EndorsementReference {
        let issuer = value["issuer"]
        let comment = value["credentialSubject"]?["endorsementComment"]?.stringValue ?? value["claim"]?["endorsementComment"]?.stringValue
        return EndorsementReference(
            id: value["id"]?.stringValue,
            issuerId: issuer?.stringValue ?? issuer?["id"]?.stringValue,
            issuerName: issuer?["name"]?.stringValue,
            comment: comment,
            placement: placement,
            form: form
        )
    }

    /// The payload of a compact JWS, read leniently: endorsements only inform, so a bad one is counted, not rejected.
    private func payload(ofJWS text: String) -> JSONValue? {
        let segments = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count == 3, let bytes = Base64URL.decode(segments[1]) else { return nil }
        return try? JSONParser.parse(bytes, limits: limits)
    }
}
