import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

/// The public verification page and JSON: what a hiring manager sees from a shared link, and what they never see.
@Suite struct PublicVerificationTests {
    /// Ingests `credential` (signed by `signer`) and returns its stored id.
    func ingest(_ credential: JSONValue, signer: TestSigner, client: some TestClientProtocol, service: TestService, tamper: Bool = false) async throws
        -> String
    {
        let issuer = try await service.key(org: "Test Issuer", kind: .issuer, role: .issuer)
        var token = try signer.jwt(credential)
        if tamper { token = String(token.dropLast(4)) + (token.hasSuffix("AAAA") ? "BBBB" : "AAAA") }
        let response = try await VerificationRequests.post(client, key: issuer, body: Array(token.utf8), type: "application/jwt")
        #expect(response.status == .created, "\(response.text)")
        return try #require(try response.json["id"]?.stringValue)
    }

    @Test func pageShowsWhatWasEarnedHowItWasAssessedAndWhyItIsGenuine() async throws {
        try await VerificationTestApp.run { client, service in
            let signer = TestSigner()
            let id = try await ingest(signer.credential(subject: "did:example:private-subject-42", level: 2), signer: signer, client: client, service: service)
            let response = try await client.execute(uri: "/verify/\(id)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(response.headers[HTTPField.Name("X-Robots-Tag")!] == "noindex, nofollow")
            let page = response.text
            #expect(page.contains("<title>Genuine: Data visualisation · Credential check</title>"))
            #expect(page.contains("<h1>Data visualisation</h1>"))
            #expect(page.contains("Complete the project and pass the review."))
            // The achieved level, marked in the rubric table (level 2 of 0…3 is the third of four).
            #expect(page.contains("Proficient (level 3 of 4)"))
            #expect(page.contains(#"<tr class="achieved"><th scope="row">Proficient</th>"#))
            #expect(page.contains(#"<a href="https://portfolio.example/data-visualisation/"#))
            #expect(page.contains("Test Issuer"))
            #expect(page.contains("The signature is valid: nothing in the credential has changed since the issuer signed it."))
            #expect(page.contains("It has no expiry date."))
            try page.write(toFile: "/tmp/verify-page.html", atomically: true, encoding: .utf8)
            // Nothing that identifies the earner unless the credential names them; no script at all.
            #expect(!page.contains("did:example:private-subject-42"))
            #expect(!page.contains("Earned by"))
            #expect(!page.lowercased().contains("<script"))
        }
    }

    @Test func jsonCarriesThePublicFactsAndAFreshCheck() async throws {
        try await VerificationTestApp.run { client, service in
            let signer = TestSigner()
            var credential = try #require(signer.credential(subject: "did:example:named").objectValue)
            var subject = try #require(credential["credentialSubject"]?.objectValue)
            subject["name"] = "Ada Okafor"
            credential["credentialSubject"] = .object(subject)
            let id = try await ingest(.object(credential), signer: signer, client: client, service: service)
            let response = try await client.execute(uri: "/v1/public/verifications/\(id)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            let body = try response.json
            #expect(body["id"]?.stringValue == id)
            #expect(body["page"]?.stringValue == "/verify/\(id)")
            #expect(body["earner"] == ["name": "Ada Okafor"])
            #expect(body["achievement"]?["criteria"]?["narrative"] == "Complete the project and pass the review.")
            #expect(body["issuer"]?["trust"] == "unknown")
            let result = try #require(body["results"]?.arrayValue?.first)
            #expect(result["levelName"] == "Proficient")
            #expect(result["rubric"]?.arrayValue?.compactMap { $0["achieved"]?.boolValue } == [false, false, true, false])
            #expect(body["evidence"]?.arrayValue?.first?["id"]?.stringValue?.hasPrefix("https://portfolio.example/") == true)
            #expect(body["verification"]?["outcome"] == "verified")
            #expect(body["verification"]?["fresh"] == true)
            let checks = body["verification"]?["checks"]?.arrayValue ?? []
            #expect(checks.contains { $0["name"] == "signature" && $0["summary"]?.stringValue?.hasPrefix("The signature is valid") == true })
            // The subject's identifier never leaves the service through this endpoint.
            #expect(!response.text.contains("did:example:named"))

            let page = try await client.execute(uri: "/verify/\(id)", method: .get)
            #expect(page.text.contains("Earned by <strong>Ada Okafor</strong>"))
        }
    }

    @Test func forgedExpiredAndUnknownCredentialsAreShownAsSuch() async throws {
        try await VerificationTestApp.run { client, service in
            let signer = TestSigner()
            let forged = try await ingest(signer.credential(subject: "did:example:forged"), signer: signer, client: client, service: service, tamper: true)
            let forgedPage = try await client.execute(uri: "/verify/\(forged)", method: .get)
            #expect(forgedPage.status == .ok)
            #expect(forgedPage.text.contains("Not genuine"))
            #expect(forgedPage.text.contains("The signature does not match"))

            let expired = try await ingest(
                signer.credential(subject: "did:example:lapsed", validUntil: "2025-07-01T00:00:00Z"), signer: signer, client: client, service: service
            )
            let expiredPage = try await client.execute(uri: "/verify/\(expired)", method: .get)
            #expect(expiredPage.text.contains(#"<p class="verdict-title"><span aria-hidden="true">! </span>Expired</p>"#))
            #expect(expiredPage.text.contains("1 July 2025 <strong>(expired)</strong>"))

            for path in ["/verify/\(UUID())", "/verify/not-a-uuid"] {
                let missing = try await client.execute(uri: path, method: .get)
                #expect(missing.status == .notFound)
                #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
                #expect(missing.text.contains("Credential not found"))
            }
            let missingJSON = try await client.execute(uri: "/v1/public/verifications/\(UUID())", method: .get)
            #expect(missingJSON.status == .notFound)
            #expect(missingJSON.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func issuerTextIsEscapedAndOnlyWebLinksBecomeLinks() async throws {
        try await VerificationTestApp.run { client, service in
            let signer = TestSigner()
            var credential = try #require(signer.credential(subject: "did:example:escape", achievement: "Charts <script>alert(1)</script>").objectValue)
            credential["evidence"] = [["id": "javascript:alert(1)", "type": ["Evidence"], "name": "Click <b>me</b>"]]
            let id = try await ingest(.object(credential), signer: signer, client: client, service: service)
            let page = try await client.execute(uri: "/verify/\(id)", method: .get).text
            #expect(page.contains("Charts &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.contains("<script>"))
            #expect(page.contains("Click &lt;b&gt;me&lt;/b&gt;"))
            #expect(!page.contains("href=\"javascript:"))
        }
    }
}
