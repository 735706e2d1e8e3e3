import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

@Suite struct CredentialIngestTests {
    func post(_ client: some TestClientProtocol, key: String, body: [UInt8], type: String = "application/json") async throws -> TestResponse {
        try await client.execute(uri: "/v1/credentials", method: .post, headers: .bearer(key, [.contentType: type]), body: ByteBuffer(bytes: body))
    }

    func count(_ service: TestService, _ table: String) async throws -> Int {
        Int(try await service.strings(PostgresQuery(unsafeSQL: "SELECT count(*)::text FROM \(table)")).first ?? "") ?? -1
    }

    @Test func storesAnOB3CredentialNormalisedAndExact() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "1EdTech University", kind: .issuer, role: .issuer)
            let document = try Fixtures.bytes("\(Fixtures.ob3)/complete.json")
            let created = try await post(client, key: issuer, body: document)
            #expect(created.status == .created)
            let body = try created.json
            let id = try #require(body["id"]?.stringValue)
            #expect(created.headers[.location] == "/v1/credentials/\(id)")
            #expect(body["credentialId"] == "http://1edtech.edu/credentials/3732")
            #expect(body["outcome"] == "stored")
            #expect(body["version"] == 1)
            // Signed with the key in the verification method's fragment; its revocation list is offline: verified, with warnings.
            #expect(body["verification"]?["outcome"] == "verified")
            let checks = body["verification"]?["checks"]?.arrayValue ?? []
            #expect(checks.contains { $0["name"] == "signature" && $0["outcome"] == "passed" })

            let read = try await client.execute(uri: "/v1/credentials/\(id)", method: .get, headers: .bearer(issuer))
            #expect(read.status == .ok)
            let view = try read.json
            #expect(view["badge"]?["achievement"]?["name"] == "1EdTech University Degree")
            #expect(view["badge"]?["issuer"]?["id"] == "https://1edtech.edu/issuers/565049")
            #expect(view["badge"]?["earner"]?["id"] == "did:example:ebfeb1f712ebc6f1c276e12ec21")
            #expect(view["badge"]?["evidence"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [
                "https://1edtech.edu/credentials/3732/evidence/1", "https://github.com/somebody/project",
            ])
            #expect(view["badge"]?["achievement"]?["alignment"]?.arrayValue?.first?["targetUrl"] == "https://1edtech.edu/catalog/degree")
            // The document comes back byte for byte.
            #expect(view["document"]?["text"]?.stringValue.map { Array($0.utf8) } == document)
            let raw = try await client.execute(uri: "/v1/credentials/\(id)/document", method: .get, headers: .bearer(issuer))
            #expect(Array(raw.body.readableBytesView) == document)

            // The achievement, its alignments and the earner are stored once; results and evidence per credential.
            #expect(try await count(service, "achievements") == 1)
            #expect(try await count(service, "evidence") == 2)
            #expect(try await count(service, "credential_results") == 3)
            let alignments = try await service.strings(
                "SELECT source || ':' || coalesce(target_url, target_name) FROM achievement_alignments ORDER BY source, target_url"
            )
            #expect(alignments.contains("achievement:https://1edtech.edu/catalog/degree"))
            #expect(alignments.contains("name:1EdTech University Degree"))
        }
    }

    @Test func isIdempotentAndKeepsReissuesAsVersions() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "Example Corp", kind: .issuer, role: .issuer)
            let original = try Fixtures.bytes("\(Fixtures.ob3)/simple.json")
            let first = try await post(client, key: issuer, body: original)
            #expect(first.status == .created)
            let again = try await post(client, key: issuer, body: original)
            #expect(again.status == .ok)
            #expect(try again.json["outcome"] == "duplicate")
            #expect(try again.json["id"] == (try first.json["id"]))

            var reissued = try Fixtures.json("\(Fixtures.ob3)/simple.json")
            reissued["validFrom"] = "2011-01-01T00:00:00Z"
            let second = try await post(client, key: issuer, body: JSONValue.object(reissued).serializedBytes())
            #expect(second.status == .created)
            #expect(try second.json["outcome"] == "new_version")
            #expect(try second.json["version"] == 2)
            #expect(try second.json["previousVersion"] == (try first.json["id"]))
            // The credential id now reads as the newest version; the first is kept and points at it.
            let latest = try await client.execute(
                uri: "/v1/credentials/\("http://example.com/credentials/3527".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                method: .get, headers: .bearer(issuer)
            )
            #expect(try latest.json["version"] == 2)

            var stolen = try Fixtures.json("\(Fixtures.ob3)/simple.json")
            stolen["issuer"] = ["id": "https://impostor.example/issuer", "type": ["Profile"], "name": "Impostor"]
            stolen["validFrom"] = "2012-01-01T00:00:00Z"
            let conflict = try await post(client, key: issuer, body: JSONValue.object(stolen).serializedBytes())
            #expect(conflict.status == .conflict)
            #expect(conflict.headers[.contentType] == "application/problem+json")
            #expect(try await count(service, "credentials") == 2)
            #expect(try await count(service, "issuers") == 1)
        }
    }

    @Test func rejectsInvalidCredentialsWithPointersAndWritesNothing() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "Example Corp", kind: .issuer, role: .issuer)
            let noIssuer = try await post(client, key: issuer, body: try Fixtures.bytes("\(Fixtures.ob3)/simple-err-issuer.json"))
            #expect(noIssuer.status == .unprocessableContent)
            let problem = try noIssuer.json
            #expect(problem["type"] == "/problems/invalid-credential")
            #expect(problem["errors"]?.arrayValue?.contains { $0["pointer"] == "/issuer" } == true)

            let notJSON = try await post(client, key: issuer, body: Array(#"{"id": "x", "id": "y"}"#.utf8))
            #expect(notJSON.status == .unprocessableContent)
            #expect(try notJSON.json["errors"]?.arrayValue?.first?["pointer"] == "/id")
            #expect(try await count(service, "credentials") == 0)
            #expect(try await count(service, "earners") == 0)
            #expect(try await count(service, "audit_log WHERE action = 'credential.create'") == 0)
        }
    }

    @Test func acceptsVCJWTAndBakedImages() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "1EdTech", kind: .issuer, role: .issuer)
            let png = try await post(client, key: issuer, body: try Fixtures.bytes("\(Fixtures.ob3)/simple-json.png"), type: "image/png")
            #expect(png.status == .created)
            #expect(try png.json["format"] == "ob3-json")
            // The same badge baked into an SVG is the same credential.
            let svg = try await post(client, key: issuer, body: try Fixtures.bytes("\(Fixtures.ob3)/simple-json.svg"), type: "image/svg+xml")
            #expect(svg.status == .ok)
            #expect(try svg.json["outcome"] == "duplicate")
            // A VC-JWT reusing that credential id under another issuer is refused, not merged.
            let jwt = try await post(client, key: issuer, body: try Fixtures.bytes("\(Fixtures.ob3)/extracted/simple-jwt_png.jwt"), type: "application/jwt")
            #expect(jwt.status == .conflict)
            let fresh = try await TestApp.freshJWT()
            let accepted = try await post(client, key: issuer, body: Array(fresh.utf8), type: "application/vc+jwt")
            #expect(accepted.status == .created)
            #expect(try accepted.json["format"] == "ob3-jwt")
        }
    }

    @Test func storesEachMemberOfACLR() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "1EdTech", kind: .issuer, role: .issuer)
            let response = try await post(client, key: issuer, body: try Fixtures.bytes("signed/1edtech-validator/clr20/simple.json"))
            #expect(response.status == .created)
            let members = try #require(try response.json["credentials"]?.arrayValue)
            #expect(members.count >= 1)
            #expect(members.allSatisfy { $0["outcome"] == "stored" })
            let clrs = try await service.strings("SELECT DISTINCT clr_uri FROM credentials")
            #expect(clrs.count == 1)
        }
    }

    @Test func enforcesWhoMayAddAndRead() async throws {
        try await TestApp.run { client, service in
            let recruiter = try await service.key(org: "Hiring Co", kind: .employer, role: .recruiter)
            let document = try Fixtures.bytes("\(Fixtures.ob3)/simple.json")
            #expect(try await post(client, key: recruiter, body: document).status == .forbidden)

            let issuer = try await service.key(org: "Example Corp", kind: .issuer, role: .issuer)
            let id = try #require(try await post(client, key: issuer, body: document).json["id"]?.stringValue)
            let otherIssuer = try await service.key(org: "Other College", kind: .issuer, role: .issuer)
            #expect(try await client.execute(uri: "/v1/credentials/\(id)", method: .get, headers: .bearer(otherIssuer)).status == .notFound)
            // Unverified and not shared: employers cannot see it.
            #expect(try await client.execute(uri: "/v1/credentials/\(id)", method: .get, headers: .bearer(recruiter)).status == .notFound)

            // An earner key may add only the earner's own badges.
            let earnerID = try #require(try await service.strings("SELECT id::text FROM earners").first.flatMap(UUID.init(uuidString:)))
            let earner = try await service.key(org: "Platform", kind: .platform, role: .earner, earnerID: earnerID)
            #expect(try await client.execute(uri: "/v1/credentials/\(id)", method: .get, headers: .bearer(earner)).status == .ok)
            var someoneElse = try Fixtures.json("\(Fixtures.ob3)/simple.json")
            someoneElse["id"] = "urn:uuid:8c1d8f0e-0000-4000-8000-000000000001"
            someoneElse["credentialSubject"] = ["id": "did:example:someone-else", "type": ["AchievementSubject"], "achievement": someoneElse["credentialSubject"]?["achievement"] ?? nil]
            #expect(try await post(client, key: earner, body: JSONValue.object(someoneElse).serializedBytes()).status == .forbidden)
        }
    }

    @Test func importsNDJSONLineByLine() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "1EdTech", kind: .issuer, role: .issuer)
            let simple = JSONValue.object(try Fixtures.json("\(Fixtures.ob3)/simple.json")).serialized()
            let complete = JSONValue.object(try Fixtures.json("\(Fixtures.ob3)/complete.json")).serialized()
            let jwt = String(decoding: try Fixtures.bytes("\(Fixtures.ob3)/extracted/simple-jwt_png.jwt"), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let body = [simple, "{not json", "", complete, simple, "\"\(jwt)\"", JSONValue.object(try Fixtures.json("\(Fixtures.ob3)/simple-err-issuer.json")).serialized()]
                .joined(separator: "\n") + "\n"
            let response = try await client.execute(
                uri: "/v1/imports", method: .post, headers: .bearer(issuer, [.contentType: "application/x-ndjson"]), body: ByteBuffer(string: body)
            )
            #expect(response.status == .ok)
            let lines = response.text.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
            let outcomes = lines.compactMap { line -> String? in
                guard let outcome = line["outcome"]?.stringValue, let number = line["line"]?.numberValue?.intValue else { return nil }
                return "\(number):\(outcome)"
            }
            #expect(outcomes == ["1:stored", "2:rejected", "4:stored", "5:duplicate", "6:conflict", "7:rejected"])
            let rejected = lines.first { $0["line"] == 2 }
            #expect(rejected?["problems"]?.arrayValue?.isEmpty == false)
            #expect(lines.last?["summary"]?["stored"] == 2)
            #expect(lines.last?["summary"]?["rejected"] == 2)
            #expect(lines.last?["summary"]?["conflicts"] == 1)
            #expect(try await count(service, "credentials") == 2)
        }
    }
}
