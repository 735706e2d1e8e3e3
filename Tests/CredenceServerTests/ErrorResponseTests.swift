import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import StrictJSON
import Testing

/// Every error leaves as RFC 9457 problem+json with the right status, a request id and, for bad input, pointers.
@Suite struct ErrorResponseTests {
    func expectProblem(_ response: TestResponse, _ status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let body = try response.json
        #expect(body["status"]?.numberValue?.intValue == Int(status.code), sourceLocation: sourceLocation)
        #expect(body["title"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(body["requestId"]?.stringValue == response.headers[HTTPField.Name("X-Request-Id")!], sourceLocation: sourceLocation)
        return body
    }

    @Test func healthAndReadinessAnswer() async throws {
        try await TestApp.run { client, _ in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            #expect(try health.json["status"] == "ok")
            // Ready once the search index is in memory; until then (a loaded CI machine can take seconds) it says so.
            var ready = try await client.execute(uri: "/ready", method: .get)
            for _ in 0..<30 where ready.status == .serviceUnavailable {
                #expect(try ready.json["detail"] == "the search index is still loading into memory")
                try await Task.sleep(for: .seconds(1))
                ready = try await client.execute(uri: "/ready", method: .get)
            }
            #expect(ready.status == .ok)
            #expect(try ready.json["status"] == "ready")
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }

    @Test func unknownRouteIs404() async throws {
        try await TestApp.run { client, _ in
            let body = try expectProblem(try await client.execute(uri: "/v1/nothing-here", method: .get), .notFound)
            #expect(body["instance"] == "/v1/nothing-here")
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await TestApp.run { client, _ in
            let response = try await client.execute(uri: "/health", method: .post)
            let body = try expectProblem(response, .methodNotAllowed)
            #expect(response.headers[.allow] == "GET")
            #expect(body["detail"]?.stringValue?.contains("POST") == true)
            let keyRoute = try await client.execute(uri: "/v1/keys/\(UUID())", method: .get)
            _ = try expectProblem(keyRoute, .methodNotAllowed)
            #expect(keyRoute.headers[.allow] == "DELETE")
        }
    }

    @Test func missingOrInvalidKeyIs401() async throws {
        try await TestApp.run { client, _ in
            let missing = try await client.execute(uri: "/v1/organizations", method: .get)
            _ = try expectProblem(missing, .unauthorized)
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let wrongScheme = try await client.execute(uri: "/v1/organizations", method: .get, headers: [.authorization: "Basic dXNlcjpwYXNz"])
            _ = try expectProblem(wrongScheme, .unauthorized)
            let forged = "crd_aaaaaaaaaa_" + String(repeating: "A", count: 43)
            _ = try expectProblem(try await client.execute(uri: "/v1/organizations", method: .get, headers: .bearer(forged)), .unauthorized)
        }
    }

    @Test func wrongRoleIs403() async throws {
        try await TestApp.run { client, service in
            let recruiter = try await service.key(org: "Acme Hiring", kind: .employer, role: .recruiter)
            let body = try expectProblem(try await client.execute(uri: "/v1/organizations", method: .get, headers: .bearer(recruiter)), .forbidden)
            #expect(body["detail"]?.stringValue?.contains("admin key") == true)
            let orgAdmin = try await service.key(org: "Acme Hiring", kind: .employer, role: .admin)
            _ = try expectProblem(try await client.execute(uri: "/v1/organizations", method: .get, headers: .bearer(orgAdmin)), .forbidden)
        }
    }

    @Test func malformedJSONIs400WithPointer() async throws {
        try await TestApp.run { client, service in
            let admin = try await service.platformAdminKey()
            let cases: [(String, String)] = [
                (#"{"name": "A", "kind": "employer""#, ""),
                (#"{"name": "A", "name": "B", "kind": "employer"}"#, "/name"),
                (#"{"name": "\ud800", "kind": "employer"}"#, "/name"),
            ]
            for (text, pointer) in cases {
                let response = try await client.execute(uri: "/v1/organizations", method: .post, headers: .bearer(admin, .json), body: .json(text))
                let body = try expectProblem(response, .badRequest)
                #expect(body["errors"]?.arrayValue?.first?["pointer"]?.stringValue == pointer, "\(text)")
            }
        }
    }

    @Test func invalidFieldsAre422WithPointers() async throws {
        try await TestApp.run { client, service in
            let admin = try await service.platformAdminKey()
            let wrongType = try await client.execute(
                uri: "/v1/organizations", method: .post, headers: .bearer(admin, .json), body: .json(#"{"name": 7, "kind": "employer"}"#)
            )
            #expect(try expectProblem(wrongType, .unprocessableContent)["errors"]?.arrayValue?.first?["pointer"] == "/name")
            let missing = try await client.execute(uri: "/v1/organizations", method: .post, headers: .bearer(admin, .json), body: .json(#"{"name": "X"}"#))
            #expect(try expectProblem(missing, .unprocessableContent)["errors"]?.arrayValue?.first?["pointer"] == "/kind")
            let empty = try await client.execute(
                uri: "/v1/organizations", method: .post, headers: .bearer(admin, .json), body: .json(#"{"name": "  ", "kind": "issuer"}"#)
            )
            #expect(try expectProblem(empty, .unprocessableContent)["errors"]?.arrayValue?.first?["code"] == "length")
            let rows = try await service.strings("SELECT name FROM organizations ORDER BY name")
            #expect(rows == ["Platform"])
        }
    }

    @Test func oversizedBodyIs413AndWritesNothing() async throws {
        try await TestApp.run { client, service in
            let admin = try await service.platformAdminKey()
            let big = #"{"name": ""# + String(repeating: "x", count: 70_000) + #"", "kind": "issuer"}"#
            _ = try expectProblem(
                try await client.execute(uri: "/v1/organizations", method: .post, headers: .bearer(admin, .json), body: .json(big)), .contentTooLarge
            )
            #expect(try await service.strings("SELECT name FROM organizations") == ["Platform"])
        }
    }

    @Test func wrongMediaTypeIs415() async throws {
        try await TestApp.run { client, service in
            let admin = try await service.platformAdminKey()
            let response = try await client.execute(
                uri: "/v1/organizations", method: .post, headers: .bearer(admin, [.contentType: "text/plain"]), body: .json("name=x")
            )
            _ = try expectProblem(response, .unsupportedMediaType)
        }
    }
}
