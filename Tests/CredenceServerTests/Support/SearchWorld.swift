import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

/// A seeded service with an issuer key, a recruiter key and a way to add earners with badges.
struct SearchWorld {
    let client: any TestClientProtocol
    let service: TestService
    let signer = TestSigner()
    let issuer: String
    let recruiter: String

    /// Ingests a credential for `subject` and returns the earner id.
    @discardableResult
    func badge(_ subject: String, level: Int = 2, validUntil: String? = nil, tamper: Bool = false, alignment: String? = nil) async throws -> UUID {
        var credential = signer.credential(subject: subject, level: level, validUntil: validUntil)
        if let alignment {
            credential = signer.credential(subject: subject, achievement: "Python scripting", alignmentURL: alignment, level: level)
        }
        return try await ingest(credential, tamper: tamper)
    }

    /// Ingests a credential signed by this world's issuer (with a broken signature when `tamper`); returns the earner id.
    @discardableResult
    func ingest(_ credential: JSONValue, tamper: Bool = false) async throws -> UUID {
        var token = try signer.jwt(credential)
        if tamper { token = String(token.dropLast(4)) + (token.hasSuffix("AAAA") ? "BBBB" : "AAAA") }
        let response = try await client.execute(
            uri: "/v1/credentials", method: .post, headers: .bearer(issuer, [.contentType: "application/jwt"]), body: ByteBuffer(string: token)
        )
        guard let id = try response.json["earnerId"]?.stringValue.flatMap(UUID.init(uuidString:)) else {
            throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: response.text])
        }
        return id
    }

    func consent(_ earner: UUID, _ discoverable: Bool = true) async throws {
        let key = try await service.key(org: "Platform", kind: .platform, role: .earner, earnerID: earner)
        let response = try await client.execute(
            uri: "/v1/earners/\(earner)/consent", method: .put, headers: .bearer(key, .json),
            body: ByteBuffer(string: #"{"discoverable": \#(discoverable)}"#)
        )
        #expect(response.status == .ok)
    }

    func search(_ query: String, key: String? = nil) async throws -> JSONValue {
        let response = try await client.execute(
            uri: "/v1/search", method: .post, headers: .bearer(key ?? recruiter, .json), body: ByteBuffer(string: query)
        )
        #expect(response.status == .ok, "\(response.text)")
        return try response.json
    }

    func earners(_ result: JSONValue) -> [String] {
        (result["results"]?.arrayValue ?? []).compactMap { $0["earner"]?["id"]?.stringValue }
    }

    static func run(_ body: @escaping @Sendable (SearchWorld) async throws -> Void) async throws {
        try await TestDatabase.withSeeded { url in
            var config = TestApp.config(for: url)
            config.logLevel = .warning
            let routes = RouteTable()
            let app = try await buildApplication(config: config, logger: TestDatabase.logger, routes: routes)
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { database in
                try await app.test(.router) { client in
                    let service = TestService(database: database, routes: routes)
                    let world = SearchWorld(
                        client: client, service: service,
                        issuer: try await service.key(org: "Test Issuer", kind: .issuer, role: .issuer),
                        recruiter: try await service.key(org: "Acme Hiring", kind: .employer, role: .recruiter)
                    )
                    try await body(world)
                }
            }
        }
    }
}
