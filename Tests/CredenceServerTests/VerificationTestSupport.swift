import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Synchronization
import Verification
import Testing

/// A running service for the verification tests: like `TestApp.run`, optionally on the seeded template (with the
/// taxonomy, so alignments resolve and credentials reach the search index).
enum VerificationTestApp {
    static func run(
        seeded: Bool = false,
        configure: @escaping @Sendable (inout AppConfig) -> Void = { _ in },
        _ body: @escaping @Sendable (any TestClientProtocol, TestService) async throws -> Void
    ) async throws {
        let run: @Sendable (DatabaseURL) async throws -> Void = { url in
            var config = TestApp.config(for: url)
            configure(&config)
            let routes = RouteTable()
            let app = try await buildApplication(config: config, logger: TestDatabase.logger, routes: routes)
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { database in
                try await app.test(.router) { client in try await body(client, TestService(database: database, routes: routes)) }
            }
        }
        if seeded { try await TestDatabase.withSeeded(run) } else { try await TestDatabase.withMigrated(run) }
    }

    /// The outbound policy of tests that serve documents from a loopback server: plain HTTP to 127.0.0.1, and no
    /// caching of fetched documents, so a list the test changes is fetched again.
    static let loopback = OutboundPolicy(allowPlainHTTP: true, allowPrivateAddresses: true, defaultLifetime: .zero)
}

/// A BitstringStatusListCredential (revocation, 131,072 entries) the test signs as a VC-JWT and serves, whose bits the
/// test flips.
final class ServedStatusList: Sendable {
    let signer: TestSigner
    private let revoked = Mutex<Set<Int>>([])

    init(signer: TestSigner) {
        self.signer = signer
    }

    func revoke(_ index: Int) {
        _ = revoked.withLock { $0.insert(index) }
    }

    /// The list as currently signed, for the URL it is served at.
    func document(url: String) throws -> String {
        let list: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": .string(url),
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": .string(signer.issuer),
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": [
                "id": .string(url + "#list"), "type": "BitstringStatusList", "statusPurpose": "revocation",
                "encodedList": .string(EncodedStatusList.encode(set: revoked.withLock { $0 })),
            ],
        ]
        return try signer.jwt(list)
    }

    /// A router serving this list at `/status/1`.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/status/1") { request, _ -> Response in
            let url = "http://\(request.head.authority ?? "127.0.0.1")/status/1"
            return Response(
                status: .ok, headers: [.contentType: "application/vc+jwt"], body: .init(byteBuffer: ByteBuffer(string: try self.document(url: url)))
            )
        }
        return router
    }

    /// `credential` with a BitstringStatusListEntry for `index` on the list at `url`.
    static func withStatus(_ credential: JSONValue, url: String, index: Int) -> JSONValue {
        guard var object = credential.objectValue else { return credential }
        object["credentialStatus"] = [
            "id": .string("\(url)#\(index)"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": .string(String(index)), "statusListCredential": .string(url),
        ]
        return .object(object)
    }
}

extension TestService {
    /// A single value of a query, as text.
    func value(_ query: PostgresQuery) async throws -> String? {
        try await strings(query).first
    }
}

/// Request helpers shared by the verification suites.
enum VerificationRequests {
    static func post(
        _ client: some TestClientProtocol, key: String, body: [UInt8], type: String = "application/json"
    ) async throws -> TestResponse {
        try await client.execute(uri: "/v1/credentials", method: .post, headers: .bearer(key, [.contentType: type]), body: ByteBuffer(bytes: body))
    }

    /// Preloads a document into the cache through the admin endpoint.
    static func preload(_ client: some TestClientProtocol, admin: String, url: String, body: [UInt8], type: String = "application/json") async throws {
        let encoded = url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? url
        let response = try await client.execute(
            uri: "/v1/documents?url=\(encoded)", method: .put, headers: .bearer(admin, [.contentType: type]), body: ByteBuffer(bytes: body)
        )
        #expect(response.status == .created, "preloading \(url): \(response.text)")
    }

    static func consent(_ client: some TestClientProtocol, service: TestService, earner: UUID) async throws {
        let key = try await service.key(org: "Platform", kind: .platform, role: .earner, earnerID: earner)
        let response = try await client.execute(
            uri: "/v1/earners/\(earner)/consent", method: .put, headers: .bearer(key, .json), body: ByteBuffer(string: #"{"discoverable": true}"#)
        )
        #expect(response.status == .ok, "\(response.text)")
    }
}
