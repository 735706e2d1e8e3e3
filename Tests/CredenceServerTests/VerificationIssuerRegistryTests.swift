import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

/// The issuer registry: listing and filtering, trust (blocked issuers leave search at once), ownership, and who may do what.
@Suite struct VerificationIssuerRegistryTests {
    func put(_ client: some TestClientProtocol, _ path: String, key: String, _ body: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .put, headers: .bearer(key, .json), body: ByteBuffer(string: body))
    }

    @Test func listsFiltersAndPagesIssuers() async throws {
        try await VerificationTestApp.run { client, service in
            let issuerKey = try await service.key(org: "Test Issuer", kind: .issuer, role: .issuer)
            for name in ["alpha", "beta", "gamma"] {
                let signer = TestSigner(issuer: "https://\(name).example/issuer")
                let response = try await VerificationRequests.post(
                    client, key: issuerKey, body: Array(try signer.jwt(signer.credential(subject: "did:example:\(name)")).utf8), type: "application/jwt"
                )
                #expect(response.status == .created)
            }
            let recruiter = try await service.key(org: "Hiring Co", kind: .employer, role: .recruiter)
            let first = try await client.execute(uri: "/v1/issuers?limit=2", method: .get, headers: .bearer(recruiter))
            #expect(first.status == .ok)
            let page = try first.json
            #expect(page["items"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } == ["https://alpha.example/issuer", "https://beta.example/issuer"])
            let cursor = try #require(page["nextCursor"]?.stringValue)
            let next = try await client.execute(
                uri: "/v1/issuers?limit=2&cursor=\(cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")", method: .get,
                headers: .bearer(recruiter)
            )
            #expect(try next.json["items"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } == ["https://gamma.example/issuer"])
            #expect(try next.json["nextCursor"] == nil)

            let id = try #require(page["items"]?.arrayValue?.first?["id"]?.stringValue)
            let one = try await client.execute(uri: "/v1/issuers/\(id)", method: .get, headers: .bearer(recruiter))
            #expect(try one.json["credentialCount"] == 1)
            #expect(try one.json["achievementCount"] == 1)
            #expect(try one.json["trust"] == "unknown")
            #expect(try await client.execute(uri: "/v1/issuers/\(UUID())", method: .get, headers: .bearer(recruiter)).status == .notFound)

            let admin = try await service.platformAdminKey()
            #expect(try await put(client, "/v1/issuers/\(id)/trust", key: admin, #"{"trust": "trusted"}"#).status == .ok)
            let trusted = try await client.execute(uri: "/v1/issuers?trust=trusted", method: .get, headers: .bearer(recruiter))
            #expect(try trusted.json["items"]?.arrayValue?.count == 1)
            #expect(try await client.execute(uri: "/v1/issuers?trust=maybe", method: .get, headers: .bearer(recruiter)).status == .unprocessableContent)
            let earnerID = try #require(try await service.value("SELECT id::text FROM earners LIMIT 1").flatMap(UUID.init(uuidString:)))
            let earner = try await service.key(org: "Platform", kind: .platform, role: .earner, earnerID: earnerID)
            #expect(try await client.execute(uri: "/v1/issuers", method: .get, headers: .bearer(earner)).status == .forbidden)
        }
    }

    @Test func blockingAnIssuerRemovesItsCredentialsFromSearchAtOnce() async throws {
        try await VerificationTestApp.run(seeded: true) { client, service in
            let signer = TestSigner()
            let issuerKey = try await service.key(org: "Test Issuer", kind: .issuer, role: .issuer)
            let created = try await VerificationRequests.post(
                client, key: issuerKey, body: Array(try signer.jwt(signer.credential(subject: "did:example:findable")).utf8), type: "application/jwt"
            )
            let earner = try #require(try created.json["earnerId"]?.stringValue.flatMap(UUID.init(uuidString:)))
            let issuerID = try #require(try created.json["issuerId"]?.stringValue)
            try await VerificationRequests.consent(client, service: service, earner: earner)
            let indexed: PostgresQuery = "SELECT count(*)::text FROM credential_skills"
            #expect(try await service.value(indexed).flatMap(Int.init) ?? 0 > 0)

            let admin = try await service.platformAdminKey()
            let blocked = try await put(client, "/v1/issuers/\(issuerID)/trust", key: admin, #"{"trust": "blocked", "note": "  impersonates a university  "}"#)
            #expect(blocked.status == .ok, "\(blocked.text)")
            #expect(try blocked.json["trust"] == "blocked")
            #expect(try blocked.json["trustNote"] == "impersonates a university")
            #expect(try await service.value(indexed) == "0")
            let audit = try await service.value("SELECT (detail->>'from') || '>' || (detail->>'to') FROM audit_log WHERE action = 'issuer.trust'")
            #expect(audit == "unknown>blocked")

            #expect(try await put(client, "/v1/issuers/\(issuerID)/trust", key: admin, #"{"trust": "trusted"}"#).status == .ok)
            #expect(try await service.value("SELECT DISTINCT trust FROM credential_skills") == "trusted")

            let orgAdmin = try await service.key(org: "Test Issuer", kind: .issuer, role: .admin)
            #expect(try await put(client, "/v1/issuers/\(issuerID)/trust", key: orgAdmin, #"{"trust": "trusted"}"#).status == .forbidden)
            let invalid = try await put(client, "/v1/issuers/\(issuerID)/trust", key: admin, #"{"trust": "maybe"}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(try await put(client, "/v1/issuers/\(UUID())/trust", key: admin, #"{"trust": "blocked"}"#).status == .notFound)
        }
    }

    @Test func assignsTheIssuingOrganisation() async throws {
        try await VerificationTestApp.run { client, service in
            let issuerKey = try await service.key(org: "Test Issuer", kind: .issuer, role: .issuer)
            let created = try await VerificationRequests.post(client, key: issuerKey, body: Array(try await TestApp.freshJWT().utf8), type: "application/jwt")
            let issuerID = try #require(try created.json["issuerId"]?.stringValue)
            let admin = try await service.platformAdminKey()
            _ = try await service.key(org: "Hiring Co", kind: .employer, role: .recruiter)
            let organization = try #require(try await service.value("SELECT id::text FROM organizations WHERE name = 'Test Issuer'"))
            let employer = try #require(try await service.value("SELECT id::text FROM organizations WHERE name = 'Hiring Co'"))

            let owned = try await put(client, "/v1/issuers/\(issuerID)/organization", key: admin, #"{"organizationId": "\#(organization)"}"#)
            #expect(owned.status == .ok, "\(owned.text)")
            #expect(try owned.json["organizationId"]?.stringValue?.lowercased() == organization)
            let wrongKind = try await put(client, "/v1/issuers/\(issuerID)/organization", key: admin, #"{"organizationId": "\#(employer)"}"#)
            #expect(wrongKind.status == .unprocessableContent)
            #expect(try wrongKind.json["errors"]?.arrayValue?.first?["pointer"] == "/organizationId")
            #expect(try await put(client, "/v1/issuers/\(issuerID)/organization", key: admin, "{}").status == .unprocessableContent)
            let released = try await put(client, "/v1/issuers/\(issuerID)/organization", key: admin, #"{"organizationId": null}"#)
            #expect(released.status == .ok)
            #expect(try released.json["organizationId"] == nil)
            #expect(try await service.strings("SELECT action FROM audit_log WHERE action = 'issuer.organization'").count == 2)
        }
    }
}
