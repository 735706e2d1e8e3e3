public import AsyncHTTPClient
public import Credentials
import Foundation
public import Logging
import NIOCore
import NIOHTTP1

/// The one way the service reaches other hosts: the document cache first, then HTTPS under `OutboundPolicy`
/// (allowed schemes and addresses checked on every redirect hop, a deadline, a size limit), caching what it fetched.
public struct HTTPDocumentFetcher: DocumentFetcher {
    let http: HTTPClient
    let cache: DocumentCache
    let policy: OutboundPolicy
    let logger: Logger

    public init(http: HTTPClient, cache: DocumentCache, policy: OutboundPolicy, logger: Logger) {
        self.http = http
        self.cache = cache
        self.policy = policy
        self.logger = logger
    }

    /// An HTTP client configured for this fetcher: redirects are followed here, hop by hop, not by the client.
    public static func makeHTTPClient() -> HTTPClient {
        let configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func fetch(_ url: String, accept: String) async throws(FetchError) -> FetchedDocument {
        do {
            if let cached = try await cache.lookup(url) {
                if !(200..<300).contains(cached.status) { throw FetchError.httpStatus(url: url, status: cached.status) }
                return cached
            }
        } catch let error as FetchError {
            throw error
        } catch {
            logger.warning("document cache unavailable", metadata: ["url": .string(url), "error.detail": "\(String(reflecting: error))"])
        }
        guard !policy.offline else { throw .notCached(url: url) }
        let (document, lifetime) = try await fetchFromNetwork(url, accept: accept)
        // A 410 is remembered too: an OB 2.0 hosted assertion that is gone stays revoked.
        if (200..<300).contains(document.status) || document.status == 410 {
            do {
                try await cache.remember(document, for: url, lifetime: lifetime)
            } catch {
                logger.warning("could not cache document", metadata: ["url": .string(url), "error.detail": "\(String(reflecting: error))"])
            }
        }
        guard (200..<300).contains(document.status) else { throw .httpStatus(url: url, status: document.status) }
        return document
    }

    public func preloaded(_ url: String) async -> FetchedDocument? {
        do {
            guard let document = try await cache.lookup(url, preloadedOnly: true), (200..<300).contains(document.status) else { return nil }
            return document
        } catch {
            logger.warning("document cache unavailable", metadata: ["url": .string(url), "error.detail": "\(String(reflecting: error))"])
            return nil
        }
    }

    private func fetchFromNetwork(_ original: String, accept: String) async throws(FetchError) -> (FetchedDocument, Duration) {
        var current = original
        let deadline = NIODeadline.now() + .nanoseconds(Int64(policy.timeout.components.seconds) * 1_000_000_000 + policy.timeout.components.attoseconds / 1_000_000_000)
        for _ in 0...policy.maxRedirects {
            guard let url = URL(string: current) else { throw .notAllowed(url: current, reason: "not a valid URL") }
            if let reason = policy.refusal(for: url) { throw .notAllowed(url: current, reason: reason) }
            var request = HTTPClientRequest(url: current)
            request.headers.add(name: "Accept", value: accept)
            request.headers.add(name: "User-Agent", value: "Credence (credential verification)")
            let response: HTTPClientResponse
            do {
                response = try await http.execute(request, deadline: deadline, logger: logger)
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw .timeout(url: current)
            } catch {
                throw .network(url: current, message: String(describing: error))
            }
            if (300..<400).contains(Int(response.status.code)), let location = response.headers.first(name: "Location") {
                guard let next = URL(string: location, relativeTo: url)?.absoluteString else {
                    throw .network(url: current, message: "redirect to an invalid location")
                }
                current = next
                continue
            }
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > policy.maxBytes {
                throw .tooLarge(url: current, limit: policy.maxBytes)
            }
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: policy.maxBytes)
            } catch is NIOTooManyBytesError {
                throw .tooLarge(url: current, limit: policy.maxBytes)
            } catch {
                throw .network(url: current, message: String(describing: error))
            }
            let document = FetchedDocument(
                url: current, status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
                body: Array(body.readableBytesView)
            )
            return (document, lifetime(from: response.headers.first(name: "Cache-Control")))
        }
        throw .network(url: original, message: "more than \(policy.maxRedirects) redirects")
    }

    /// The server's `max-age`, kept between five minutes and a day; the policy default without one.
    private func lifetime(from cacheControl: String?) -> Duration {
        guard let cacheControl else { return policy.defaultLifetime }
        for directive in cacheControl.lowercased().split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            if parts.count == 2, parts[0] == "max-age", let seconds = Int(parts[1]) {
                return .seconds(min(max(seconds, 300), 86_400))
            }
            if parts.first == "no-store" || parts.first == "no-cache" { return .seconds(300) }
        }
        return policy.defaultLifetime
    }
}
