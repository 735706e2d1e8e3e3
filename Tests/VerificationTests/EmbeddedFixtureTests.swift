import Credentials
import Foundation
import StrictJSON
import Testing
import Verification

/// Every embedded-proof file in shared/data/openbadges/signed, end to end with the real canonicaliser, against the
/// answer signed/README.md gives (see each case for how "not checkable offline" files are handled).
@Suite struct EmbeddedFixtureTests {
    static let ob30 = "1edtech-validator/ob30/"
    static let testList =
        "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist"

    /// Files whose signature is valid and whose issuer owns the key: README "VALID".
    static let valid = [
        "ob-spec-test-vectors/ob-signed-credential.json", "ob-spec-test-vectors/clr-signed-credential.json",
        "generated/ob-spec-credential-eddsa-jcs-2022.json", "generated/ob-spec-credential-didkey-issuer-eddsa-rdfc-2022.json",
        ob30 + "simple.json", ob30 + "simple.1ob", ob30 + "simple_v1.json", ob30 + "simple-eddsa-2022.json", ob30 + "simple-context-version.json",
        ob30 + "simple-context-alias.json", ob30 + "simple-did-web-method.json", ob30 + "simple-multiple-proofs.json",
        ob30 + "endorsement-valid.json", ob30 + "extracted/simple-json_png.json", ob30 + "extracted/simple-json_svg.json",
        "1edtech-validator/clr20/simple.json", "1edtech-validator/clr20/simple_v1.json",
    ]

    /// Files signed by a did:key that is not their issuer (the W3C vectors, and two 1EdTech samples): the signature is valid
    /// (README "VALID") but, by default, the credential is `failed` because its key does not speak for its issuer.
    static let validSignatureForeignKey = [
        "w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json", "w3c-vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json",
        "w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json",
        "w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/signedECDSAP256.json",
        "w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p384/signedECDSAP384.json",
        "w3c-vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p256/signedJCSECDSAP256.json",
        "w3c-vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p384/signedJCSECDSAP384.json",
        "w3c-vc-di-eddsa/TestVectors/proof-set-chain/signedProofSet1.json", "w3c-vc-di-eddsa/TestVectors/proof-set-chain/signedProofSet2.json",
        "w3c-vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain1.json", "w3c-vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain2.json",
        ob30 + "simple-did-key-method.json", "1edtech-validator/clr20/complex.json",
    ]

    /// README "INVALID" / "REJECT" (a wrong signature, type, context, issuer or verification method): `failed`.
    /// The files whose `type` was edited after signing fail before the signature is even checked: safe-mode JSON-LD
    /// refuses the undefined type the edit introduced.
    static let failed: [(String, String)] = [
        ("generated/ob-spec-vector-tampered-achievement-name.json", "signature does not match"),
        (ob30 + "simple-err-type.json", "is not defined by any context"),
        (ob30 + "simple-err-context.json", "first @context"),
        (ob30 + "simple-err-issuer.json", "no issuer"),
        (ob30 + "simple-err-proof-value.json", "signature does not match"),
        (ob30 + "simple-err-proof-method.json", "not a supported Multikey"),
        (ob30 + "simple-err-proof-method-no-scheme.json", "is not a URL"),
        (ob30 + "simple-err-proof-method-unknown-scheme.json", "unsupported scheme"),
        (ob30 + "simple-err-credential-subject-type.json", "is not defined by any context"),
        (ob30 + "simple-err-credential-subject-identifier-type.json", "is not defined by any context"),
        (ob30 + "simple-err-credential-subject-result-type.json", "is not defined by any context"),
        (ob30 + "simple-err-credential-subject-achievement-result-description-type.json", "is not defined by any context"),
        (ob30 + "simple-err-credential-subject-profile-type.json", "is not defined by any context"),
        (ob30 + "simple-err-evidence-type.json", "is not defined by any context"),
        (ob30 + "simple-err-issuer-type.json", "is not defined by any context"),
        (ob30 + "simple-err-issuer-parentorg-type.json", "is not defined by any context"),
        (ob30 + "simple-err-issuer-otheridentifier-type.json", "is not defined by any context"),
        (ob30 + "endorsement-err-schema-status-refresh.json", "signature does not match"),
    ]

    /// README "REJECT" for reasons that leave us unable to check rather than sure it is wrong, or "not checkable offline".
    static let unverifiable: [(String, String)] = [
        (ob30 + "simple-noproof.json", "no proof"),
        ("1edtech-validator/clr20/simple-noproof.json", "no proof"),
        (ob30 + "simple-err-proof-method-unknown-did-method.json", "DID method \"example\""),
        (ob30 + "sd/derivedcredential.json", "ecdsa-sd-2023"),
        (ob30 + "complete_v1.json", "https://1edtech.edu/issuers/565049 is not available offline"),
        (ob30 + "credential-status-revoked.json", "did.json is not available offline"),
        ("1edtech-validator/clr20/simple_old_safesigned.json", "https://dc.imsglobal.org/draft/clr/v2p0/context is neither pinned nor preloaded"),
        ("w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/employ/signedDataInt.json", "citizenship"),
        ("w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json", "citizenship"),
    ]

    private func verifier(fetcher: any DocumentFetcher = StaticDocumentFetcher(), options: VerificationOptions = VerificationOptions()) throws
        -> CredentialVerifier
    {
        TestVerifier.make(fetcher: fetcher, canonicalizer: try #require(SharedCanonicalizer.linkedData), options: options)
    }

    @Test(arguments: valid)
    func validFixture(path: String) async throws {
        let report = try await verifier().verify(.embedded(try Fixtures.object(path)))
        #expect(report.outcome == .verified, "\(path): \(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.signature).contains(.passed))
    }

    @Test(arguments: validSignatureForeignKey)
    func validSignatureByAKeyThatIsNotTheIssuers(path: String) async throws {
        let credential = SecuredCredential.embedded(try Fixtures.object(path))
        let strict = try await verifier().verify(credential)
        #expect(strict.outcome == .failed, "\(path): \(TestVerifier.summary(strict))")
        #expect(strict.outcomes(.keyBinding).contains(.failed))
        #expect(!strict.outcomes(.signature).contains(.failed), "\(path): \(strict.details)")
        let relaxed = try await verifier(options: VerificationOptions(requireIssuerKeyBinding: false)).verify(credential)
        #expect(relaxed.outcome == .verified, "\(path): \(TestVerifier.summary(relaxed)) \(relaxed.details)")
    }

    /// Proof chains verify only with their previous proofs (VC-DI §4.5): every proof in the chain checks out.
    @Test func everyProofOfTheW3CChainVerifies() async throws {
        let path = "w3c-vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain2.json"
        let report = try await verifier(options: VerificationOptions(requireIssuerKeyBinding: false)).verify(.embedded(try Fixtures.object(path)))
        #expect(report.outcome == .verified)
        #expect(report.details.components(separatedBy: "also verified").count == 4, "\(report.details)")
    }

    @Test(arguments: failed)
    func failingFixture(path: String, reason: String) async throws {
        let report = try await verifier().verify(.embedded(try Fixtures.object(path)))
        #expect(report.outcome == .failed, "\(path): \(TestVerifier.summary(report))")
        #expect(report.details.contains(reason), "\(path): \(report.details)")
    }

    @Test(arguments: unverifiable)
    func unverifiableFixture(path: String, reason: String) async throws {
        let report = try await verifier().verify(.embedded(try Fixtures.object(path)))
        #expect(report.outcome == .unverifiable, "\(path): \(TestVerifier.summary(report)) \(report.details)")
        #expect(report.details.contains(reason), "\(path): \(report.details)")
    }

    @Test func expiredAndNotYetValid() async throws {
        let expired = try await verifier().verify(.embedded(try Fixtures.object(Self.ob30 + "simple-err-expired.json")))
        #expect(expired.outcome == .expired)
        #expect(expired.outcomes(.signature) == [.passed])
        let future = try await verifier().verify(.embedded(try Fixtures.object(Self.ob30 + "simple-err-issued.json")))
        #expect(future.outcome == .notYetValid)
        #expect(future.outcomes(.signature) == [.passed])
    }

    private func statusListFetcher() throws -> StaticDocumentFetcher {
        StaticDocumentFetcher(documents: [
            Self.testList: FetchedDocument(url: Self.testList, body: try Fixtures.bytes(Self.ob30 + "bit-string-list/testlist"))
        ])
    }

    @Test(arguments: ["bit-string-list/credential-status-revoked.json", "bit-string-list/credential-status-revoked-blank-nodes.json"])
    func bitstringStatusListSaysRevoked(path: String) async throws {
        let report = try await verifier(fetcher: try statusListFetcher()).verify(.embedded(try Fixtures.object(Self.ob30 + path)))
        #expect(report.outcome == .revoked, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.signature) == [.passed])
    }

    @Test func bitstringStatusListNeighbourIsNotRevoked() async throws {
        let report = try await verifier(fetcher: try statusListFetcher()).verify(
            .embedded(try Fixtures.object("generated/ob-bsl-not-revoked-index24.json"))
        )
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.status).last == .passed)
        #expect(report.details.contains("not revoked (revocation list"))
        let offline = try await verifier().verify(.embedded(try Fixtures.object("generated/ob-bsl-not-revoked-index24.json")))
        #expect(offline.outcome == .unverifiable)
        #expect(offline.details.contains("STATUS_RETRIEVAL_ERROR"))
    }

    /// README: REVOKED by the 1EdTech revocation list at dc.1edtech.org (not checkable offline). Served here: the issuer's
    /// did:web document with the key its verification method names, and a revocation list listing the credential.
    @Test func oneEdTechRevocationListSaysRevoked() async throws {
        let credential = try Fixtures.object(Self.ob30 + "credential-status-revoked.json")
        let did = "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c"
        let key = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
        let document: JSONObject = [
            "@context": ["https://www.w3.org/ns/did/v1"], "id": .string(did),
            "verificationMethod": [
                [
                    "id": .string(did + "#" + key), "type": "Ed25519VerificationKey2020", "controller": .string(did),
                    "publicKeyMultibase": .string(key),
                ]
            ],
            "assertionMethod": [.string(did + "#" + key)],
        ]
        let list = "https://dc.1edtech.org/wellspring2022/wellspring-portal/api/revocations/da1e96e9-afcc-4eed-b9a2-2ddf7353214c"
        let revoked: JSONObject = ["revokedCredentials": [["id": credential["id"] ?? "", "revocationReason": "test"]]]
        let fetcher = MutableFetcher()
        fetcher.set(
            "https://dc.1edtech.org/wellspring2022/wellspring-portal/org/da1e96e9-afcc-4eed-b9a2-2ddf7353214c/did.json",
            json: JSONValue.object(document).serialized()
        )
        fetcher.set(list, json: JSONValue.object(revoked).serialized())
        let report = try await verifier(fetcher: fetcher).verify(.embedded(credential))
        #expect(report.outcome == .revoked, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.keyBinding) == [.passed])
    }

    /// complete.json: signature valid; its 1EdTech revocation list is fictitious, so unreachable means a warning (OB 3.0).
    @Test func completeCredentialWithItsRevocationList() async throws {
        let credential = SecuredCredential.embedded(try Fixtures.object(Self.ob30 + "complete.json"))
        let offline = try await verifier().verify(credential)
        #expect(offline.outcome == .verified, "\(TestVerifier.summary(offline)) \(offline.details)")
        #expect(offline.outcomes(.status) == [.warning])
        let fetcher = MutableFetcher()
        fetcher.set("https://1edtech.edu/credentials/3732/revocations", json: #"{"revokedCredentials":[]}"#)
        let online = try await verifier(fetcher: fetcher).verify(credential)
        #expect(online.outcomes(.status) == [.passed])
    }
}
