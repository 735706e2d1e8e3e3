import Credentials
import Foundation
import StrictJSON
import Testing

@testable import Verification

/// Issuers with their own JSON-LD context: the context is used when an operator preloaded it (documents add), never
/// fetched from the network, and never in place of a pinned one.
@Suite struct PreloadedContextTests {
    static let contextURL = "https://badges.example.org/context/v1.jsonld"

    /// An issuer context defining one extra term, `courseCode`.
    static func context(term: String = "https://badges.example.org/vocab#courseCode") -> String {
        #"{"@context": {"@protected": true, "courseCode": {"@id": "\#(term)"}}}"#
    }

    static func signed(with canonicalizer: any CredentialCanonicalizer, key: TestKey) throws -> JSONObject {
        var credential = TestSigner.credential(issuer: key.didKey)
        credential["@context"] = [
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", .string(contextURL),
        ]
        credential["courseCode"] = "DATA-101"
        return try TestSigner(canonicalizer: canonicalizer).sign(credential, suite: "eddsa-rdfc-2022", key: key, method: key.didKeyMethod)
    }

    @Test func issuerContextIsUsedOnlyOncePreloaded() async throws {
        let pinned = try LinkedDataCanonicalizer()
        let context = try JSONParser.parse(Self.context())
        let key = TestKey.ed25519()
        let signed = try Self.signed(with: pinned.including(contexts: [Self.contextURL: context]), key: key)

        let fetcher = MutableFetcher()
        let missing = await TestVerifier.make(fetcher: fetcher, canonicalizer: pinned).verify(.embedded(signed))
        #expect(missing.outcome == .unverifiable)
        #expect(missing.check(.signature)?.detail.contains("neither pinned nor preloaded (credence documents add URL FILE)") == true)

        fetcher.set(Self.contextURL, json: Self.context())
        let preloaded = await TestVerifier.make(fetcher: fetcher, canonicalizer: pinned).verify(.embedded(signed))
        #expect(preloaded.outcome == .verified, "\(TestVerifier.summary(preloaded)) \(preloaded.details)")

        // The term is part of what was signed: changing its value, or what the context says it means, fails.
        var edited = signed
        edited["courseCode"] = "DATA-102"
        #expect(await TestVerifier.make(fetcher: fetcher, canonicalizer: pinned).verify(.embedded(edited)).outcome == .failed)
        fetcher.set(Self.contextURL, json: Self.context(term: "https://attacker.example/vocab#courseCode"))
        #expect(await TestVerifier.make(fetcher: fetcher, canonicalizer: pinned).verify(.embedded(signed)).outcome == .failed)
    }

    @Test func aPreloadedDocumentNeverReplacesAPinnedContext() async throws {
        let pinned = try LinkedDataCanonicalizer()
        let key = TestKey.ed25519()
        let signed = try TestSigner(canonicalizer: pinned).sign(
            TestSigner.credential(issuer: key.didKey), suite: "eddsa-rdfc-2022", key: key, method: key.didKeyMethod
        )
        // A document cached under the OB context's URL that would drop every OB term is not read.
        let fetcher = MutableFetcher()
        fetcher.set("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", json: #"{"@context": {}}"#)
        let report = await TestVerifier.make(fetcher: fetcher, canonicalizer: pinned).verify(.embedded(signed))
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(fetcher.requests(for: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json") == 0)
    }

    /// A document that is not a context (a DID document cached under that URL, say) does not stand in for one.
    @Test func aPreloadedDocumentMustBeAContext() async throws {
        let pinned = try LinkedDataCanonicalizer()
        let key = TestKey.ed25519()
        let signed = try Self.signed(with: pinned.including(contexts: [Self.contextURL: try JSONParser.parse(Self.context())]), key: key)
        let fetcher = MutableFetcher()
        fetcher.set(Self.contextURL, json: #"{"id": "did:web:badges.example.org"}"#)
        let report = await TestVerifier.make(fetcher: fetcher, canonicalizer: pinned).verify(.embedded(signed))
        #expect(report.outcome == .unverifiable)
    }
}
