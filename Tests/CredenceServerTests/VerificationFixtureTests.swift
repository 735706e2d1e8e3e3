import CredenceServer
import FixtureTampering
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

/// Every file in shared/data/openbadges/signed through `POST /v1/credentials`, against the answer signed/README.md gives,
/// and tampered copies of every genuine one. Documents the README makes checkable (the 1EdTech bit-string test list, the
/// did:web issuer whose key is the published OB test key, and its revocation list) are preloaded through `PUT /v1/documents`.
///
/// Where the stored answer differs in form from the README's word, the case says why: "VALID" signatures by a did:key that
/// is not the issuer are `failed` (the issue requires the key's controller to be the issuer); files that are not earned
/// badges (endorsements, status lists, W3C test credentials, key files) or that OB 3.0 cannot index (no achievement) are
/// rejected with 422 before verification, as ingest must.
@Suite struct VerificationFixtureTests {
    enum Expected: Sendable, CustomTestStringConvertible {
        /// Stored; one outcome per credential (a CLR stores each member), and text the failed checks must contain.
        case stored([String], because: String? = nil)
        /// Rejected with 422, with text the problem must contain.
        case rejected(String)

        var testDescription: String {
            switch self {
            case .stored(let outcomes, _): return outcomes.joined(separator: ",")
            case .rejected: return "422"
            }
        }
    }

    static let ob30 = "1edtech-validator/ob30/"
    static let clr20 = "1edtech-validator/clr20/"
    static let verified = Expected.stored(["verified"])
    static let notEarned = "nothing was earned"

    /// The Open Badges files, each with its answer.
    static let cases: [(String, Expected)] = [
        ("ob-spec-test-vectors/ob-signed-credential.json", verified),
        ("ob-spec-test-vectors/clr-signed-credential.json", verified),
        // The input of the spec's CLR example: the CLR is unsigned, its member credential is signed.
        ("ob-spec-test-vectors/clr-unsigned-credential.json", verified),
        ("ob-spec-test-vectors/ob-unsigned-credential.json", .stored(["unverifiable"], because: "has no proof")),
        ("generated/ob-spec-vector-tampered-achievement-name.json", .stored(["failed"], because: "signature does not match")),
        ("generated/ob-bsl-not-revoked-index24.json", verified),
        ("generated/ob-spec-credential-eddsa-jcs-2022.json", verified),
        ("generated/ob-spec-credential-didkey-issuer-eddsa-rdfc-2022.json", verified),
        (ob30 + "simple.json", verified), (ob30 + "simple.1ob", verified), (ob30 + "simple_v1.json", verified),
        (ob30 + "simple-eddsa-2022.json", verified), (ob30 + "simple-context-version.json", verified),
        (ob30 + "simple-context-alias.json", verified), (ob30 + "simple-did-web-method.json", verified),
        (ob30 + "simple-multiple-proofs.json", verified), (ob30 + "complete.json", verified),
        (ob30 + "extracted/simple-json_png.json", verified), (ob30 + "extracted/simple-json_svg.json", verified),
        (ob30 + "extracted/simple-jwt_png.jwt", verified), (ob30 + "extracted/simple-jwt_svg.jwt", verified),
        (ob30 + "extracted/simple-jwt_v1_png.jwt", verified), (ob30 + "extracted/simple-jwt_v1_svg.jwt", verified),
        (ob30 + "simple-json.png", verified), (ob30 + "simple-json.svg", verified), (ob30 + "simple-jwt.png", verified),
        (ob30 + "simple-jwt.svg", verified), (ob30 + "simple-jwt_v1.png", verified), (ob30 + "simple-jwt_v1.svg", verified),
        (ob30 + "simple-did-key-method.json", .stored(["failed"], because: "is not the issuer")),
        (ob30 + "simple-err-expired.json", .stored(["expired"], because: "expired at validUntil 2010-01-01")),
        (ob30 + "simple-err-proof-value.json", .stored(["failed"], because: "signature does not match")),
        (ob30 + "simple-err-proof-method.json", .stored(["failed"], because: "not a supported Multikey")),
        (ob30 + "simple-err-proof-method-no-scheme.json", .stored(["failed"], because: "is not a URL")),
        (ob30 + "simple-err-proof-method-unknown-scheme.json", .stored(["failed"], because: "unsupported scheme")),
        (ob30 + "simple-err-proof-method-unknown-did-method.json", .stored(["unverifiable"], because: "DID method \"example\"")),
        (ob30 + "sd/derivedcredential.json", .stored(["unverifiable"], because: "ecdsa-sd-2023")),
        (ob30 + "complete_v1.json", .stored(["unverifiable"], because: "not available offline")),
        (ob30 + "velocity.jwt", .stored(["unverifiable"], because: "DID method \"velocity\"")),
        (ob30 + "bit-string-list/credential-status-revoked.json", .stored(["revoked"], because: "revoked by the issuer")),
        (ob30 + "bit-string-list/credential-status-revoked-blank-nodes.json", .stored(["revoked"], because: "revoked by the issuer")),
        (ob30 + "credential-status-revoked.json", .stored(["revoked"], because: "revoked")),
        (clr20 + "simple.json", verified), (clr20 + "simple.jwt", verified),
        (clr20 + "simple_v1.json", .stored(["verified"] + Array(repeating: "failed", count: 5), because: "is not the issuer")),
        (clr20 + "complex.json", .stored(Array(repeating: "failed", count: 6), because: "is not the issuer")),
        (clr20 + "simple-noproof.json", .stored(["failed"], because: "cannot be canonicalised")),
        (clr20 + "simple_old_safesigned.json", .stored(["failed"], because: "cannot be canonicalised")),
        (ob30 + "simple-noproof.json", .rejected(notEarned)), (ob30 + "simple-err-issuer.json", .rejected("issuer is missing")),
        // README: NOT YET VALID — but its subject holds no achievement, so ingest refuses it before dates matter.
        (ob30 + "simple-err-issued.json", .rejected(notEarned)),
        // README: a parsing sample whose key cannot be found; it has no achievement either.
        (ob30 + "simple.jwt", .rejected(notEarned)),
        (ob30 + "simple-err-type.json", .rejected("must include OpenBadgeCredential")),
        (ob30 + "simple-err-context.json", .rejected("the first @context")),
        (ob30 + "simple-err-credential-subject-type.json", .rejected("must have type AchievementSubject")),
        (ob30 + "simple-err-credential-subject-identifier-type.json", .rejected("must have type IdentityObject")),
        (ob30 + "simple-err-credential-subject-result-type.json", .rejected("must have type Result")),
        (ob30 + "simple-err-credential-subject-achievement-result-description-type.json", .rejected("must have type ResultDescription")),
        (ob30 + "simple-err-credential-subject-profile-type.json", .rejected("must have type Profile")),
        (ob30 + "simple-err-evidence-type.json", .rejected("must have type Evidence")),
        (ob30 + "simple-err-issuer-type.json", .rejected("must have type Profile")),
        (ob30 + "simple-err-issuer-parentorg-type.json", .rejected("must have type Profile")),
        (ob30 + "simple-err-issuer-otheridentifier-type.json", .rejected("must have type IdentifierEntry")),
        (ob30 + "endorsement-valid.json", .rejected("EndorsementCredential")),
        (ob30 + "endorsement-err-schema-status-refresh.json", .rejected("EndorsementCredential")),
        (ob30 + "bit-string-list/testlist", .rejected("BitstringStatusListCredential")),
    ]

    /// Every file under signed/ but the README, relative to it.
    static func allFiles() throws -> [String] {
        let root = Fixtures.openBadges.appendingPathComponent("signed")
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        var files: [String] = []
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            if path != "README.md" { files.append(path) }
        }
        return files.sorted()
    }

    static func bytes(_ path: String) throws -> [UInt8] { try Fixtures.bytes("signed/" + path) }

    static func mediaType(_ path: String) -> String {
        if path.hasSuffix(".png") { return "image/png" }
        if path.hasSuffix(".svg") { return "image/svg+xml" }
        if path.hasSuffix(".jwt") || path.hasSuffix(".txt") { return "application/jwt" }
        return "application/json"
    }

    /// The documents the README makes checkable offline.
    static func preloadDocuments(_ client: some TestClientProtocol, service: TestService) async throws {
        let admin = try await service.platformAdminKey()
        let testList =
            "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist"
        try await VerificationRequests.preload(client, admin: admin, url: testList, body: try bytes(ob30 + "bit-string-list/testlist"))
        // The did:web issuer of credential-status-revoked.json signs with the published OB test key (ob-keypair.json).
        let did = "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c"
        let key = try #require(try Fixtures.json("signed/ob-spec-test-vectors/ob-keypair.json")["publicKeyMultibase"]?.stringValue)
        let document: JSONValue = [
            "@context": ["https://www.w3.org/ns/did/v1"], "id": .string(did),
            "verificationMethod": [
                ["id": .string(did + "#" + key), "type": "Ed25519VerificationKey2020", "controller": .string(did), "publicKeyMultibase": .string(key)]
            ],
            "assertionMethod": [.string(did + "#" + key)],
        ]
        try await VerificationRequests.preload(
            client, admin: admin, url: "https://dc.1edtech.org/wellspring2022/wellspring-portal/org/da1e96e9-afcc-4eed-b9a2-2ddf7353214c/did.json",
            body: document.serializedBytes()
        )
        let revoked = try #require(try Fixtures.json("signed/" + ob30 + "credential-status-revoked.json")["id"])
        try await VerificationRequests.preload(
            client, admin: admin, url: "https://dc.1edtech.org/wellspring2022/wellspring-portal/api/revocations/da1e96e9-afcc-4eed-b9a2-2ddf7353214c",
            body: JSONValue.object(["revokedCredentials": [["id": revoked, "revocationReason": "revoked in the 1EdTech test data"]]]).serializedBytes()
        )
    }

    /// The stored outcomes (one per credential) and the details of failed checks, or the 422 detail.
    static func post(_ body: [UInt8], type: String, client: some TestClientProtocol, service: TestService) async throws
        -> (status: Int, outcomes: [String], details: String)
    {
        let issuer = try await service.key(org: "Fixture Issuer", kind: .issuer, role: .issuer)
        let response = try await VerificationRequests.post(client, key: issuer, body: body, type: type)
        let json = try response.json
        let results = json["credentials"]?.arrayValue ?? [json]
        let outcomes = results.compactMap { $0["verification"]?["outcome"]?.stringValue }
        let failed = results.flatMap { $0["verification"]?["checks"]?.arrayValue ?? [] }.filter { $0["outcome"] == "failed" }
        let details = response.status == .unprocessableContent ? json["detail"]?.stringValue ?? "" : failed.compactMap { $0["detail"]?.stringValue }.joined(separator: " | ")
        return (Int(response.status.code), outcomes, details)
    }

    @Test(arguments: cases)
    func storedOutcomeIsTheReadmeAnswer(path: String, expected: Expected) async throws {
        try await VerificationTestApp.run { client, service in
            try await Self.preloadDocuments(client, service: service)
            let (status, outcomes, details) = try await Self.post(try Self.bytes(path), type: Self.mediaType(path), client: client, service: service)
            switch expected {
            case .stored(let expectedOutcomes, let reason):
                #expect(status == 201, "\(path): \(details)")
                #expect(outcomes == expectedOutcomes, "\(path): \(details)")
                if let reason { #expect(details.contains(reason), "\(path): \(details)") }
            case .rejected(let reason):
                #expect(status == 422, "\(path): \(outcomes)")
                #expect(details.contains(reason), "\(path): \(details)")
            }
        }
    }

    /// The rest of the folder (W3C and VC-JOSE-COSE test credentials, keys, intermediate values): none is an Open Badges
    /// credential, so ingest refuses each and stores nothing.
    @Test func everythingElseIsRejectedWithoutStoringAnything() async throws {
        let listed = Set(Self.cases.map(\.0))
        let others = try Self.allFiles().filter { !listed.contains($0) }
        #expect(others.count > 100)
        try await VerificationTestApp.run { client, service in
            for path in others {
                let (status, outcomes, _) = try await Self.post(try Self.bytes(path), type: Self.mediaType(path), client: client, service: service)
                #expect(status == 422, "\(path) was accepted: \(outcomes)")
            }
            #expect(try await service.value("SELECT count(*)::text FROM credentials") == "0")
        }
    }

    static let tamperCases: [(String, FixtureTampering.Edit)] = cases.compactMap { path, expected in
        guard case .stored(let outcomes, _) = expected, outcomes.first == "verified", !path.hasSuffix(".png"), !path.hasSuffix(".svg") else { return nil }
        return path
    }.flatMap { path in FixtureTampering.Edit.allCases.map { (path, $0) } }

    /// One changed character — in a name, a date, an evidence URL or the proof — and a genuine credential is not `verified`.
    @Test(arguments: tamperCases)
    func tamperedCopyIsNotVerified(path: String, edit: FixtureTampering.Edit) async throws {
        let original = try Self.bytes(path)
        let tampered = try #require(FixtureTampering.tamper(original, edit), "\(path): nothing to change for \(edit)")
        #expect(tampered != original)
        try await VerificationTestApp.run { client, service in
            try await Self.preloadDocuments(client, service: service)
            let (status, outcomes, details) = try await Self.post(tampered, type: Self.mediaType(path), client: client, service: service)
            if status != 422 {
                #expect(status == 201, "\(path) \(edit): \(details)")
                // The edited credential is the first (the first member of a CLR); other members are untouched and stay genuine.
                #expect(outcomes.first != nil && outcomes.first != "verified", "\(path) \(edit): \(outcomes) \(details)")
            }
        }
    }
}
