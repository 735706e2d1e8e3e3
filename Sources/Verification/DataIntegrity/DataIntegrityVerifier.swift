import Credentials
import Crypto
import Foundation
import StrictJSON

/// Verifies embedded proofs: Data Integrity (eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019, ecdsa-jcs-2019, the legacy
/// eddsa-2022) and Ed25519Signature2020, one proof at a time (VC Data Integrity §4.4, and §4.5 for `previousProof`).
struct DataIntegrityVerifier: Sendable {
    let canonicalizer: any CredentialCanonicalizer
    let keys: KeyResolver
    let binding: KeyBinding
    let now: Date

    /// Verifies `proof`, one of `allProofs` on `document`.
    func verify(_ proof: JSONObject, allProofs: [JSONObject], document: JSONObject, issuerID: String?) async -> ProofVerification {
        let typeName = proof["type"]?.stringValue ?? "(no type)"
        guard let suite = Cryptosuite(proof: proof) else {
            let name = proof["cryptosuite"]?.stringValue.map { "\(typeName) \($0)" } ?? typeName
            return ProofVerification(
                status: .unsupported,
                label: name,
                methodID: nil,
                checks: [.skipped(.proof, "\(name) proofs are not verified here")]
            )
        }
        var result = ProofVerification(status: .failed, label: suite.label, methodID: nil, checks: [])
        let methodID = proof["verificationMethod"]?.stringValue ?? proof["verificationMethod"]?["id"]?.stringValue
        result.methodID = methodID
        switch validate(proof, suite: suite, allProofs: allProofs) {
        case .failure(let check):
            result.checks.append(check.check)
            return result
        case .success(let previous):
            result.checks.append(
                suite.isDeprecated
                    ? .warning(.proof, "\(suite.label) is a superseded suite; verified for compatibility")
                    : .passed(.proof, "\(suite.label) proof for assertionMethod")
            )
            guard let methodID, let signature = proof["proofValue"]?.stringValue.flatMap(Multibase.decode) else {
                result.checks.append(.failed(.signature, "the proof has no verificationMethod or no base58btc proofValue"))
                return result
            }
            let key: ResolvedKey
            switch await keys.resolve(methodID) {
            case .failure(let failure):
                result.checks.append(.failed(.key, failure.detail, effect: failure.isUnavailable ? .unverifiable : .failed))
                result.status = ProofVerification.status(of: result.checks)
                return result
            case .success(let resolved):
                key = resolved
                result.checks.append(.passed(.key, "\(key.material.typeName) key \(KeyBinding.shortened(key.id))"))
            }
            result.checks.append(await signatureCheck(signature, proof: proof, suite: suite, key: key, document: document, previous: previous))
            if result.checks.last?.outcome == .passed { result.checks.append(binding.check(key, issuerID: issuerID)) }
        }
        result.status = ProofVerification.status(of: result.checks)
        return result
    }

    /// Checks that need no key: purpose, expiry and the `previousProof` chain. Returns the previous proofs to include.
    private func validate(_ proof: JSONObject, suite: Cryptosuite, allProofs: [JSONObject]) -> Result<[JSONValue]?, CheckFailure> {
        guard proof["proofPurpose"]?.stringValue == "assertionMethod" else {
            let purpose = proof["proofPurpose"]?.stringValue ?? "none"
            return .failure(CheckFailure(.failed(.proof, "\(suite.label) proof purpose is \(purpose), not assertionMethod")))
        }
        if let expires = proof["expires"]?.stringValue {
            guard let date = DateTime.parse(expires) else { return .failure(CheckFailure(.failed(.proof, "the proof's expires is not a date"))) }
            if date < now { return .failure(CheckFailure(.failed(.proof, "the \(suite.label) proof expired at \(expires)"))) }
        }
        guard let reference = proof["previousProof"] else { return .success(nil) }
        var previous: [JSONValue] = []
        for id in reference.asList {
            guard let id = id.stringValue, let match = allProofs.first(where: { $0["id"]?.stringValue == id }) else {
                return .failure(
                    CheckFailure(.failed(.proof, "the proof chain refers to a previous proof \(id.stringValue ?? "") that is not present"))
                )
            }
            previous.append(.object(match))
        }
        return .success(previous)
    }

    /// Rebuilds the signed bytes and checks the signature with the key, choosing hash and algorithm from suite and key type.
    private func signatureCheck(
        _ signature: [UInt8],
        proof: JSONObject,
        suite: Cryptosuite,
        key: ResolvedKey,
        document: JSONObject,
        previous: [JSONValue]?
    ) async -> VerificationCheck {
        let algorithm: SignatureAlgorithm
        let longHash: Bool
        switch (suite.isECDSA, key.material) {
        case (false, .ed25519):
            (algorithm, longHash) = (.ed25519, false)
        case (true, .p256):
            (algorithm, longHash) = (.ecdsaP256SHA256, false)
        case (true, .p384):
            (algorithm, longHash) = (.ecdsaP384SHA384, true)
        default:
            return .failed(.signature, "\(suite.label) cannot be made with a \(key.material.typeName) key")
        }
        // Contexts that are not pinned may have been preloaded by an operator: each one the document needs (including
        // contexts those contexts name) is looked up once, and the signed data rebuilt with it.
        var canonicalizer = self.canonicalizer
        var preloaded: [String: JSONValue] = [:]
        var message: [UInt8]?
        while message == nil {
            do {
                message = try hashData(proof: proof, suite: suite, document: document, previous: previous, sha384: longHash, with: canonicalizer)
            } catch {
                switch error {
                case .contextUnavailable(let url):
                    guard preloaded[url] == nil, preloaded.count < Self.maxPreloadedContexts, let context = await preloadedContext(url) else {
                        return .failed(
                            .signature,
                            "the context \(url) is neither pinned nor preloaded (credence documents add URL FILE), so the signed data cannot be rebuilt",
                            effect: .unverifiable
                        )
                    }
                    preloaded[url] = context
                    canonicalizer = self.canonicalizer.including(contexts: preloaded)
                case .invalidDocument(let why):
                    return .failed(.signature, "the credential cannot be canonicalised: \(why)")
                }
            }
        }
        guard let message, key.material.isValidSignature(signature, for: message, algorithm: algorithm) else {
            return .failed(.signature, "the \(suite.label) signature does not match the credential: it was altered or signed by another key")
        }
        return .passed(.signature, "the \(suite.label) signature is valid")
    }

    /// Bounds the contexts one credential may pull from the document cache.
    static let maxPreloadedContexts = 8

    /// A JSON-LD context an operator preloaded at `url`; never one from the network, whose content could change.
    private func preloadedContext(_ url: String) async -> JSONValue? {
        guard let document = await keys.documents.fetcher.preloaded(url),
            case .success(let json) = DocumentLoader.parse(document.body, url: url), json.objectValue?["@context"] != nil
        else { return nil }
        return json
    }

    /// `hash(canonical proof configuration) ‖ hash(canonical document)`, the bytes every suite here signs
    /// (VC-DI-EdDSA §3.2.4 / §3.3.4, VC-DI-ECDSA §3.2.4 / §3.3.4; Ed25519Signature2020 uses the same recipe).
    private func hashData(
        proof: JSONObject,
        suite: Cryptosuite,
        document: JSONObject,
        previous: [JSONValue]?,
        sha384: Bool,
        with canonicalizer: any CredentialCanonicalizer
    ) throws(CanonicalizationError) -> [UInt8] {
        var unsecured = document.removing("proof")
        if let previous { unsecured["proof"] = .array(previous) }
        if let proofContext = proof["@context"] {
            guard (document["@context"]?.asList ?? []).starts(with: proofContext.asList) else {
                throw .invalidDocument("the proof's @context is not a prefix of the credential's")
            }
            unsecured["@context"] = proofContext
        }
        var configuration = proof.removing("proofValue")
        configuration["@context"] = unsecured["@context"]
        let configurationBytes: [UInt8]
        let documentBytes: [UInt8]
        if suite.usesJCS {
            configurationBytes = try canonicalizer.jcs(.object(configuration))
            documentBytes = try canonicalizer.jcs(.object(unsecured))
        } else {
            configurationBytes = try canonicalizer.canonicalNQuads(of: .object(configuration))
            documentBytes = try canonicalizer.canonicalNQuads(of: .object(unsecured))
        }
        if sha384 { return Array(SHA384.hash(data: configurationBytes)) + Array(SHA384.hash(data: documentBytes)) }
        return Array(SHA256.hash(data: configurationBytes)) + Array(SHA256.hash(data: documentBytes))
    }
}
