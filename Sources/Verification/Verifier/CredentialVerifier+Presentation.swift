import Credentials
import Foundation
import StrictJSON

extension CredentialVerifier {
    private static let envelopePrefix = "data:application/vc+jwt,"

    /// A VC-JOSE-COSE presentation (`vp+jwt`): the holder's signature, then every credential inside it, each of which must
    /// be secured itself (an `EnvelopedVerifiableCredential` data URL, a JWT string or an embedded proof).
    func verifyPresentation(_ parts: JWSParts, now: Date, includeStatus: Bool) async -> VerificationReport {
        let presentation = parts.payload
        let proof = await JWTVerifier(keys: keys(now), binding: KeyBinding(options: options)).verify(parts, credential: presentation)
        var checks = proof.checks.map { Self.prefixed($0, "presentation") }
        let holder = JWTVerifier.issuerID(credential: presentation, payload: presentation)
        let credentials = presentation["verifiableCredential"]?.asList ?? []
        if credentials.isEmpty { checks.append(.failed(.format, "the presentation carries no credentials")) }
        for (index, value) in credentials.enumerated() {
            let label = "credential \(index + 1) of \(credentials.count)"
            switch Self.securedCredential(value) {
            case .secured(let secured):
                let report = await verify(secured, now: now, includeStatus: includeStatus)
                checks.append(contentsOf: report.checks.map { Self.prefixed($0, label) })
            case .unsupported(let mediaType):
                checks.append(.failed(.proof, "\(label) is secured as \(mediaType), which this verifier does not check", effect: .unverifiable))
            case .unsecured:
                checks.append(.failed(.proof, "\(label) is not secured: neither an enveloped VC-JWT nor a credential with a proof"))
            }
        }
        let accepted = proof.status == .verified ? proof : nil
        return VerificationReport(
            checks: checks,
            proofType: accepted.map { "VP-JWT " + $0.label.dropFirst("VC-JWT ".count) },
            keyID: accepted?.methodID,
            issuerID: holder,
            checkedAt: now
        )
    }

    private enum Member {
        case secured(SecuredCredential)
        /// An enveloped credential of another securing mechanism (SD-JWT, COSE).
        case unsupported(String)
        case unsecured
    }

    /// How a `verifiableCredential` member is secured: a JWT string, an enveloped credential (a `data:` URL, VC-JOSE-COSE
    /// §3.2 / VCDM 2.0 §4.13), or an embedded proof.
    private static func securedCredential(_ value: JSONValue) -> Member {
        let jwt: String
        if let text = value.stringValue, JWSParts.looksCompact(text) {
            jwt = text
        } else if let id = value["id"]?.stringValue, id.hasPrefix("data:") {
            guard id.hasPrefix(envelopePrefix) else {
                return .unsupported(String(id.dropFirst("data:".count).prefix { $0 != "," && $0 != ";" }))
            }
            jwt = String(id.dropFirst(envelopePrefix.count))
        } else if value["proof"] != nil {
            return .secured(.embedded(document: value))
        } else {
            return .unsecured
        }
        // A presentation inside a presentation is not a credential; refusing it also bounds the recursion.
        guard case .success(let parts) = JWSParts.parse(jwt), !(parts.payload["type"]?.asList ?? []).contains(.string("VerifiablePresentation"))
        else {
            return .unsecured
        }
        return .secured(
            .jwt(compact: jwt, header: parts.header, payload: parts.payload, credential: .object(JWTVerifier.credential(of: parts.payload)))
        )
    }

    private static func prefixed(_ check: VerificationCheck, _ label: String) -> VerificationCheck {
        var copy = check
        copy.detail = "\(label): \(check.detail)"
        return copy
    }
}
