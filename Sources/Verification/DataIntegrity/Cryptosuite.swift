import StrictJSON

/// The embedded-proof suites this verifier checks. All hash a canonical proof configuration and a canonical document
/// and sign the concatenated hashes; they differ in canonicalisation, key type and hash size.
enum Cryptosuite: String, Sendable, CaseIterable {
    case eddsaRDFC2022 = "eddsa-rdfc-2022"
    /// The draft name of eddsa-rdfc-2022, still on credentials issued before 2023 (same algorithm).
    case eddsa2022 = "eddsa-2022"
    case eddsaJCS2022 = "eddsa-jcs-2022"
    case ecdsaRDFC2019 = "ecdsa-rdfc-2019"
    case ecdsaJCS2019 = "ecdsa-jcs-2019"
    /// The legacy Linked Data proof type (proof `type`, no `cryptosuite`), the most common on DCC/LCW badges.
    case ed25519Signature2020 = "Ed25519Signature2020"

    /// The suite of a proof object; `nil` when it is of a type or cryptosuite not verified here.
    init?(proof: JSONObject) {
        let types = (proof["type"]?.asList ?? []).compactMap(\.stringValue)
        switch types.first(where: { $0 == "DataIntegrityProof" || $0 == "Ed25519Signature2020" }) {
        case "DataIntegrityProof":
            guard let name = proof["cryptosuite"]?.stringValue else { return nil }
            // "eddsa-rdf-2022" is a typo in the OB 3.0 Multikey text that some issuers copied; the signed proof names it,
            // so accepting it as eddsa-rdfc-2022 cannot be used to change the algorithm.
            self.init(rawValue: name == "eddsa-rdf-2022" ? "eddsa-rdfc-2022" : name)
            if self == .ed25519Signature2020 { return nil }
        case "Ed25519Signature2020":
            self = .ed25519Signature2020
        default:
            return nil
        }
    }

    var usesJCS: Bool {
        self == .eddsaJCS2022 || self == .ecdsaJCS2019
    }

    var isECDSA: Bool {
        self == .ecdsaRDFC2019 || self == .ecdsaJCS2019
    }

    /// Superseded names verifiers should still accept (OB 3.0 implementation guide), reported with a warning.
    var isDeprecated: Bool {
        self == .eddsa2022 || self == .ed25519Signature2020
    }

    /// A label for reports: `DataIntegrityProof eddsa-rdfc-2022`, `Ed25519Signature2020`.
    var label: String {
        self == .ed25519Signature2020 ? rawValue : "DataIntegrityProof \(rawValue)"
    }
}
