import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

/// Re-verification: a revocation published after ingest reaches the stored outcome, search and the public page in one
/// cycle; dates are re-checked; on-demand checks of one credential; who may run what.
@Suite struct VerificationJobTests {
    @Test func revocationReachesStoredOutcomeSearchAndPublicPageInOneCycle() async throws {
        let signer = TestSigner()
        let list = ServedStatusList(signer: signer)
        try await LocalHTTPServer.serve(list.router()) { base in
            try await VerificationTestApp.run(seeded: true, configure: { $0.outbound = VerificationTestApp.loopback }) { client, service in
                let listURL = base + "/status/1"
                let issuer = try await service.key(org: "Test Issuer", kind: .issuer, role: .issuer)
                let admin = try await service.platformAdminKey()
                let credential = ServedStatusList.withStatus(signer.credential(subject: "did:example:revocable"), url: listURL, index: 7)
                let created = try await VerificationRequests.post(client, key: issuer, body: Array(try signer.jwt(credential).utf8), type: "application/jwt")
                #expect(created.status == .created, "\(created.text)")
                let body = try created.json
                #expect(body["verification"]?["outcome"] == "verified", "\(body)")
                let statusChecks = body["verification"]?["checks"]?.arrayValue?.filter { $0["name"] == "status" } ?? []
                #expect(statusChecks.contains { $0["outcome"] == "passed" })
                let id = try #require(body["id"]?.stringValue.flatMap(UUID.init(uuidString:)))
                let earner = try #require(body["earnerId"]?.stringValue.flatMap(UUID.init(uuidString:)))
                try await VerificationRequests.consent(client, service: service, earner: earner)
                let indexed = "SELECT count(*)::text FROM credential_skills WHERE credential_id = \(id)" as PostgresQuery
                #expect(try await service.value(indexed).flatMap(Int.init) ?? 0 > 0)

                let before = try await client.execute(uri: "/verify/\(id)", method: .get)
                #expect(before.status == .ok)
                #expect(before.text.contains("Genuine"))

                list.revoke(7)
                let run = try await client.execute(uri: "/v1/verification-runs", method: .post, headers: .bearer(admin))
                #expect(run.status == .ok, "\(run.text)")
                #expect(try run.json["checked"] == 1)
                #expect(try run.json["changed"] == 1)
                #expect(try run.json["outcomes"]?["revoked"] == 1)
                #expect(try run.json["statusListsRefreshed"] == true)

                #expect(try await service.value("SELECT verification FROM credentials WHERE id = \(id)") == "revoked")
                #expect(try await service.value(indexed) == "0")
                let history = try await service.strings("SELECT trigger || ':' || outcome FROM verifications WHERE credential_id = \(id) ORDER BY id")
                #expect(history == ["ingest:verified", "job:revoked"])
                let audit = try await service.value(
                    "SELECT actor || ' ' || (detail->>'from') || '>' || (detail->>'to') FROM audit_log WHERE action = 'credential.verification'"
                )
                #expect(audit == "system:reverification verified>revoked")

                let page = try await client.execute(uri: "/verify/\(id)", method: .get)
                #expect(page.status == .ok)
                #expect(page.text.contains("Revoked by the issuer"))
                #expect(page.text.contains("The issuer has revoked it."))
                #expect(!page.text.contains(">Genuine<"))
                let json = try await client.execute(uri: "/v1/public/verifications/\(id)", method: .get)
                #expect(try json.json["verification"]?["outcome"] == "revoked")

                // Nothing changed since: the next cycle checks it again and writes no history.
                let again = try await client.execute(uri: "/v1/verification-runs", method: .post, headers: .bearer(admin))
                #expect(try again.json["checked"] == 1)
                #expect(try again.json["changed"] == 0)
                #expect(try await service.strings("SELECT id::text FROM verifications WHERE credential_id = \(id)").count == 2)
                // The verified list was kept for a restart.
                #expect(try await service.value("SELECT url FROM status_list_snapshots") == listURL)
            }
        }
    }

    /// A credential stored as verified whose validity has since ended comes out expired: the job re-reads the dates rather
    /// than keeping the stored date checks.
    @Test func aCycleRechecksDatesAndLeavesFailedCredentialsAlone() async throws {
        try await VerificationTestApp.run { client, service in
            let signer = TestSigner()
            let issuer = try await service.key(org: "Test Issuer", kind: .issuer, role: .issuer)
            let admin = try await service.platformAdminKey()
            let lapsed = try await VerificationRequests.post(
                client, key: issuer, body: Array(try signer.jwt(signer.credential(subject: "did:example:lapsed", validUntil: "2025-07-01T00:00:00Z")).utf8),
                type: "application/jwt"
            )
            let lapsedID = try #require(try lapsed.json["id"]?.stringValue.flatMap(UUID.init(uuidString:)))
            #expect(try lapsed.json["verification"]?["outcome"] == "expired")
            // As if it had been verified while still valid.
            _ = try await service.database.query("UPDATE credentials SET verification = 'verified' WHERE id = \(lapsedID)", logger: TestDatabase.logger)

            var forged = try signer.jwt(signer.credential(subject: "did:example:forger"))
            forged = String(forged.dropLast(4)) + (forged.hasSuffix("AAAA") ? "BBBB" : "AAAA")
            let failed = try await VerificationRequests.post(client, key: issuer, body: Array(forged.utf8), type: "application/jwt")
            #expect(try failed.json["verification"]?["outcome"] == "failed")

            let run = try await client.execute(uri: "/v1/verification-runs", method: .post, headers: .bearer(admin))
            #expect(try run.json["checked"] == 1, "\(run.text)")
            #expect(try run.json["changed"] == 1)
            #expect(try await service.value("SELECT verification FROM credentials WHERE id = \(lapsedID)") == "expired")
            let checks = try await service.value(
                "SELECT checks::text FROM verifications WHERE credential_id = \(lapsedID) AND trigger = 'job'"
            )
            #expect(checks?.contains("\"signature\"") == true, "the proof checks are kept: \(checks ?? "")")
        }
    }

    @Test func oneCredentialOnDemandRecordsEveryRequestAndRespectsOwnership() async throws {
        try await VerificationTestApp.run { client, service in
            let issuer = try await service.key(org: "Test Issuer", kind: .issuer, role: .issuer)
            let created = try await VerificationRequests.post(client, key: issuer, body: Array(try await TestApp.freshJWT().utf8), type: "application/jwt")
            let id = try #require(try created.json["id"]?.stringValue)

            let again = try await client.execute(uri: "/v1/credentials/\(id)/verification", method: .post, headers: .bearer(issuer))
            #expect(again.status == .ok, "\(again.text)")
            #expect(try again.json["previousOutcome"] == "verified")
            #expect(try again.json["changed"] == false)
            #expect(try again.json["verification"]?["outcome"] == "verified")
            #expect(try again.json["verification"]?["checks"]?.arrayValue?.contains { $0["name"] == "signature" && $0["outcome"] == "passed" } == true)
            let history = try await service.strings("SELECT trigger FROM verifications WHERE credential_id = \(UUID(uuidString: id)) ORDER BY id")
            #expect(history == ["ingest", "manual"])

            let other = try await service.key(org: "Other College", kind: .issuer, role: .issuer)
            #expect(try await client.execute(uri: "/v1/credentials/\(id)/verification", method: .post, headers: .bearer(other)).status == .notFound)
            let recruiter = try await service.key(org: "Hiring Co", kind: .employer, role: .recruiter)
            #expect(try await client.execute(uri: "/v1/credentials/\(id)/verification", method: .post, headers: .bearer(recruiter)).status == .forbidden)
            #expect(try await client.execute(uri: "/v1/verification-runs", method: .post, headers: .bearer(issuer)).status == .forbidden)
            let admin = try await service.platformAdminKey()
            #expect(try await client.execute(uri: "/v1/credentials/\(id)/verification", method: .post, headers: .bearer(admin)).status == .ok)
        }
    }
}
