import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import StrictJSON
import Testing

@Suite struct APIKeyTests {
    @Test func keysAreShownOnceStoredHashedAndRevocable() async throws {
        try await TestApp.run { client, service in
            let admin = try await service.platformAdminKey()
            let created = try await client.execute(
                uri: "/v1/organizations", method: .post, headers: .bearer(admin, .json), body: .json(#"{"name": "Northwind Hiring", "kind": "employer"}"#)
            )
            #expect(created.status == .created)
            let organizationID = try #require(try created.json["id"]?.stringValue)
            #expect(created.headers[.location] == "/v1/organizations/\(organizationID)")

            let keyResponse = try await client.execute(
                uri: "/v1/organizations/\(organizationID)/keys", method: .post, headers: .bearer(admin, .json),
                body: .json(#"{"role": "recruiter", "label": "ats integration"}"#)
            )
            #expect(keyResponse.status == .created)
            #expect(keyResponse.headers[.cacheControl] == "no-store")
            let keyBody = try keyResponse.json
            let token = try #require(keyBody["key"]?.stringValue)
            let keyID = try #require(keyBody["id"]?.stringValue)
            #expect(keyBody["role"] == "recruiter")

            // Only a hash is stored: the token text appears nowhere in the table.
            let stored = try await service.strings("SELECT prefix || encode(secret_hash, 'hex') FROM api_keys WHERE id = \(UUID(uuidString: keyID)!)")
            #expect(stored.count == 1)
            #expect(!stored[0].contains(String(token.suffix(43))))
            let listed = try await client.execute(uri: "/v1/organizations/\(organizationID)/keys", method: .get, headers: .bearer(admin))
            #expect(try listed.json["items"]?.arrayValue?.count == 1)
            #expect(!listed.text.contains(String(token.suffix(43))))

            // The new key authenticates, but its role cannot administer.
            let asRecruiter = try await client.execute(uri: "/v1/organizations/\(organizationID)", method: .get, headers: .bearer(token))
            #expect(asRecruiter.status == .forbidden)

            let revoked = try await client.execute(uri: "/v1/keys/\(keyID)", method: .delete, headers: .bearer(admin))
            #expect(revoked.status == .ok)
            #expect(try revoked.json["revokedAt"]?.stringValue != nil)
            let afterRevocation = try await client.execute(uri: "/v1/organizations/\(organizationID)", method: .get, headers: .bearer(token))
            #expect(afterRevocation.status == .unauthorized)
        }
    }

    @Test func organisationAdminsManageOnlyTheirOwnKeys() async throws {
        try await TestApp.run { client, service in
            let acmeAdmin = try await service.key(org: "Acme", kind: .employer, role: .admin)
            let globexAdmin = try await service.key(org: "Globex", kind: .employer, role: .admin)
            let acme = try #require(try await service.strings("SELECT id::text FROM organizations WHERE name = 'Acme'").first)
            let own = try await client.execute(
                uri: "/v1/organizations/\(acme)/keys", method: .post, headers: .bearer(acmeAdmin, .json), body: .json(#"{"role": "hiring_manager"}"#)
            )
            #expect(own.status == .created)
            let other = try await client.execute(
                uri: "/v1/organizations/\(acme)/keys", method: .post, headers: .bearer(globexAdmin, .json), body: .json(#"{"role": "admin"}"#)
            )
            #expect(other.status == .forbidden)
            let ownKeyID = try #require(try own.json["id"]?.stringValue)
            let crossRevoke = try await client.execute(uri: "/v1/keys/\(ownKeyID)", method: .delete, headers: .bearer(globexAdmin))
            #expect(crossRevoke.status == .notFound)
        }
    }

    @Test func earnerKeysMustNameTheirEarner() async throws {
        try await TestApp.run { client, service in
            let admin = try await service.platformAdminKey()
            let platform = try #require(try await service.strings("SELECT id::text FROM organizations").first)
            let response = try await client.execute(
                uri: "/v1/organizations/\(platform)/keys", method: .post, headers: .bearer(admin, .json), body: .json(#"{"role": "earner"}"#)
            )
            #expect(response.status == .unprocessableContent)
            #expect(try response.json["errors"]?.arrayValue?.first?["pointer"] == "/earnerId")
            let unknownRole = try await client.execute(
                uri: "/v1/organizations/\(platform)/keys", method: .post, headers: .bearer(admin, .json), body: .json(#"{"role": "superuser"}"#)
            )
            #expect(unknownRole.status == .unprocessableContent)
            #expect(try unknownRole.json["errors"]?.arrayValue?.first?["pointer"] == "/role")
        }
    }

    @Test func everyChangeWritesAnAuditRow() async throws {
        try await TestApp.run { client, service in
            let admin = try await service.platformAdminKey()
            let created = try await client.execute(
                uri: "/v1/organizations", method: .post, headers: .bearer(admin, .json), body: .json(#"{"name": "Audited", "kind": "issuer"}"#)
            )
            let organizationID = try #require(try created.json["id"]?.stringValue)
            let requestID = try #require(created.headers[HTTPField.Name("X-Request-Id")!])
            let key = try await client.execute(
                uri: "/v1/organizations/\(organizationID)/keys", method: .post, headers: .bearer(admin, .json), body: .json(#"{"role": "issuer"}"#)
            )
            let keyID = try #require(try key.json["id"]?.stringValue)
            _ = try await client.execute(uri: "/v1/keys/\(keyID)", method: .delete, headers: .bearer(admin))

            let rows = try await service.strings(
                "SELECT action || ' ' || record_id || ' ' || coalesce(request_id, '-') FROM audit_log WHERE actor LIKE 'key:%' ORDER BY id"
            )
            #expect(rows.count == 3)
            #expect(rows[0] == "organization.create \(organizationID.uppercased()) \(requestID)")
            #expect(rows[1].hasPrefix("api_key.create \(keyID.uppercased())"))
            #expect(rows[2].hasPrefix("api_key.revoke \(keyID.uppercased())"))
            // Append-only: the database itself refuses to rewrite history.
            await #expect(throws: (any Error).self) { try await service.database.query("DELETE FROM audit_log") }
        }
    }

    @Test func duplicateOrganisationNamesConflict() async throws {
        try await TestApp.run { client, service in
            let admin = try await service.platformAdminKey()
            let first = try await client.execute(
                uri: "/v1/organizations", method: .post, headers: .bearer(admin, .json), body: .json(#"{"name": "Initech", "kind": "employer"}"#)
            )
            #expect(first.status == .created)
            let second = try await client.execute(
                uri: "/v1/organizations", method: .post, headers: .bearer(admin, .json), body: .json(#"{"name": "INITECH", "kind": "issuer"}"#)
            )
            #expect(second.status == .conflict)
            #expect(second.headers[.contentType] == "application/problem+json")
        }
    }
}
