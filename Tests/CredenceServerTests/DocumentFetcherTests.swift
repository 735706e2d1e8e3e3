import AsyncHTTPClient
@testable import CredenceServer
import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import Testing

@Suite struct DocumentFetcherTests {
    /// A timeout generous enough for a loaded CI machine; the slow route sleeps longer than `impatient` waits.
    static let loopback = OutboundPolicy(allowPlainHTTP: true, allowPrivateAddresses: true, timeout: .seconds(10), maxBytes: 1024)
    static let impatient = OutboundPolicy(allowPlainHTTP: true, allowPrivateAddresses: true, timeout: .milliseconds(500), maxBytes: 1024)

    static func router(counter: RequestCounter) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/did.json") { _, _ in
            counter.hit("/did.json")
            return Response(
                status: .ok, headers: [.contentType: "application/did+json", .cacheControl: "max-age=600"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"id":"did:web:example"}"#))
            )
        }
        router.get("/moved") { _, _ in Response(status: .found, headers: [.location: "/did.json"]) }
        router.get("/loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("/gone") { _, _ in
            counter.hit("/gone")
            return Response(status: .gone)
        }
        router.get("/big") { _, _ in String(repeating: "x", count: 4096) }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(3))
            return "late"
        }
        return router
    }

    func withFetcher(
        policy: OutboundPolicy,
        _ body: @escaping @Sendable (HTTPDocumentFetcher, String, RequestCounter) async throws -> Void
    ) async throws {
        let counter = RequestCounter()
        try await LocalHTTPServer.serve(Self.router(counter: counter)) { base in
            try await TestDatabase.withMigrated { url in
                try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { client in
                    let http = HTTPDocumentFetcher.makeHTTPClient()
                    let fetcher = HTTPDocumentFetcher(
                        http: http, cache: DocumentCache(client: client, logger: TestDatabase.logger), policy: policy, logger: TestDatabase.logger
                    )
                    do {
                        try await body(fetcher, base, counter)
                        try await http.shutdown()
                    } catch {
                        try await http.shutdown()
                        throw error
                    }
                }
            }
        }
    }

    @Test func fetchesFollowsRedirectsAndCaches() async throws {
        try await withFetcher(policy: Self.loopback) { fetcher, base, counter in
            let document = try await fetcher.fetch("\(base)/moved", accept: "application/json")
            #expect(document.status == 200)
            #expect(document.url == "\(base)/did.json")
            #expect(String(decoding: document.body, as: UTF8.self) == #"{"id":"did:web:example"}"#)
            #expect(document.contentType == "application/did+json")
            _ = try await fetcher.fetch("\(base)/did.json", accept: "application/json")
            _ = try await fetcher.fetch("\(base)/did.json", accept: "application/json")
            // The redirect target was fetched once; the direct URL once more, then served from the cache.
            #expect(counter.count("/did.json") == 2)
        }
    }

    @Test func reportsGoneTooLargeSlowAndRedirectLoops() async throws {
        try await withFetcher(policy: Self.loopback) { fetcher, base, counter in
            await #expect(throws: FetchError.httpStatus(url: "\(base)/gone", status: 410)) {
                try await fetcher.fetch("\(base)/gone", accept: "*/*")
            }
            // A 410 is remembered, so a revoked hosted assertion stays revoked without asking again.
            await #expect(throws: FetchError.httpStatus(url: "\(base)/gone", status: 410)) {
                try await fetcher.fetch("\(base)/gone", accept: "*/*")
            }
            #expect(counter.count("/gone") == 1)
            await #expect(throws: FetchError.tooLarge(url: "\(base)/big", limit: 1024)) {
                try await fetcher.fetch("\(base)/big", accept: "*/*")
            }
            await #expect(throws: FetchError.network(url: "\(base)/loop", message: "more than 3 redirects")) {
                try await fetcher.fetch("\(base)/loop", accept: "*/*")
            }
        }
        try await withFetcher(policy: Self.impatient) { fetcher, base, _ in
            await #expect(throws: FetchError.timeout(url: "\(base)/slow")) {
                try await fetcher.fetch("\(base)/slow", accept: "*/*")
            }
        }
    }

    @Test func defaultPolicyRefusesPlainHTTPAndPrivateAddresses() async throws {
        try await withFetcher(policy: OutboundPolicy()) { fetcher, base, counter in
            await #expect(throws: FetchError.notAllowed(url: "\(base)/did.json", reason: "only https URLs are fetched")) {
                try await fetcher.fetch("\(base)/did.json", accept: "*/*")
            }
            await #expect {
                try await fetcher.fetch("https://127.0.0.1:1/did.json", accept: "*/*")
            } throws: { error in
                guard case .notAllowed(_, let reason) = error as? FetchError else { return false }
                return reason.contains("non-public address (127.0.0.1)")
            }
            #expect(counter.count("/did.json") == 0)
        }
    }

    @Test func classifiesAddresses() {
        for address in ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1"] {
            #expect(OutboundPolicy.isPrivate(address), "\(address)")
        }
        for address in ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"] {
            #expect(!OutboundPolicy.isPrivate(address), "\(address)")
        }
    }

    @Test func preloadedDocumentsServeOfflineAndThroughTheAPI() async throws {
        try await TestApp.run { client, service in
            let admin = try await service.platformAdminKey()
            let url = "https://issuer.example/.well-known/did.json"
            let put = try await client.execute(
                uri: "/v1/documents?url=\(url)", method: .put, headers: .bearer(admin, [.contentType: "application/did+json"]),
                body: ByteBuffer(string: #"{"id":"did:web:issuer.example"}"#)
            )
            #expect(put.status == .created)
            #expect(try put.json["sha256"]?.stringValue?.count == 64)
            let info = try await client.execute(uri: "/v1/documents?url=\(url)", method: .get, headers: .bearer(admin))
            #expect(try info.json["source"] == "preloaded")

            let offline = HTTPDocumentFetcher(
                http: HTTPClient.shared, cache: DocumentCache(client: service.database, logger: TestDatabase.logger),
                policy: OutboundPolicy(offline: true), logger: TestDatabase.logger
            )
            let document = try await offline.fetch(url, accept: "application/json")
            #expect(String(decoding: document.body, as: UTF8.self) == #"{"id":"did:web:issuer.example"}"#)
            await #expect(throws: FetchError.notCached(url: "https://elsewhere.example/x")) {
                try await offline.fetch("https://elsewhere.example/x", accept: "*/*")
            }

            let badURL = try await client.execute(uri: "/v1/documents?url=ftp://x", method: .put, headers: .bearer(admin), body: ByteBuffer(string: "x"))
            #expect(badURL.status == .unprocessableContent)
            #expect(try badURL.json["errors"]?.arrayValue?.first?["pointer"] == "#/query/url")
            let issuerAdmin = try await service.key(org: "Some Issuer", kind: .issuer, role: .admin)
            let forbidden = try await client.execute(uri: "/v1/documents?url=\(url)", method: .get, headers: .bearer(issuerAdmin))
            #expect(forbidden.status == .forbidden)

            let deleted = try await client.execute(uri: "/v1/documents?url=\(url)", method: .delete, headers: .bearer(admin))
            #expect(deleted.status == .noContent)
            await #expect(throws: FetchError.notCached(url: url)) { try await offline.fetch(url, accept: "*/*") }
        }
    }
}
