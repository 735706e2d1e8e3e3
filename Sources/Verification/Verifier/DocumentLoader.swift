public import Credentials
public import Foundation
import StrictJSON

/// Fetches JSON documents (DID documents, controller documents, OB 2.0 issuers and keys) through the deployment's
/// fetcher and keeps the parsed result, and failures, for a while.
///
/// The fetcher (the server's) already caches bodies in PostgreSQL; this layer saves the parse and, for unreachable
/// URLs, the repeated round trip while a bulk import checks thousands of credentials from one issuer.
public final class DocumentLoader: Sendable {
    /// Why a document is not available.
    enum Failure: Error, Sendable, Equatable {
        case fetch(FetchError)
        case notJSON(url: String, reason: String)

        var detail: String {
            switch self {
            case .fetch(let error): return Self.describe(error)
            case .notJSON(let url, let reason): return "\(url) is not a JSON document (\(reason))"
            }
        }

        static func describe(_ error: FetchError) -> String {
            switch error {
            case .notAllowed(let url, let reason): return "\(url) may not be fetched (\(reason))"
            case .httpStatus(let url, let status): return "\(url) answered HTTP \(status)"
            case .tooLarge(let url, let limit): return "\(url) is larger than \(limit) bytes"
            case .timeout(let url): return "\(url) did not answer in time"
            case .notCached(let url): return "\(url) is not available offline (not in the document cache)"
            case .network(let url, let message): return "\(url) could not be fetched (\(message))"
            }
        }
    }

    let fetcher: any DocumentFetcher
    private let cache: ExpiringCache<Result<JSONValue, Failure>>
    /// Keys already resolved from these documents (or decoded from did:key), so a bulk import of one issuer's credentials
    /// does not repeat the lookup, the point decompression or the thumbprint matching for each.
    let keys: ExpiringCache<ResolvedKey>
    let lifetime: TimeInterval
    let failureLifetime: TimeInterval

    /// - Parameters:
    ///   - lifetime: how long a parsed document is reused before asking the fetcher again.
    ///   - failureLifetime: how long a failed fetch is remembered, so an unreachable host is not asked once per credential.
    public init(fetcher: any DocumentFetcher, lifetime: TimeInterval = 3600, failureLifetime: TimeInterval = 60, capacity: Int = 10_000) {
        self.fetcher = fetcher
        self.cache = ExpiringCache(capacity: capacity)
        self.keys = ExpiringCache(capacity: capacity)
        self.lifetime = lifetime
        self.failureLifetime = failureLifetime
    }

    /// The JSON document at `url`.
    func json(_ url: String, accept: String, now: Date) async -> Result<JSONValue, Failure> {
        if let cached = cache.value(for: url, at: now) { return cached }
        let result: Result<JSONValue, Failure>
        do {
            let document = try await fetcher.fetch(url, accept: accept)
            result = Self.parse(document.body, url: url)
        } catch {
            result = .failure(.fetch(error))
        }
        let keep: TimeInterval
        switch result {
        case .success: keep = lifetime
        case .failure(.fetch(.httpStatus)), .failure(.notJSON): keep = lifetime / 4
        case .failure: keep = failureLifetime
        }
        cache.store(result, for: url, until: now.addingTimeInterval(keep), now: now)
        return result
    }

    /// The raw document at `url`, uncached (status lists keep their own cache of the decoded list).
    func raw(_ url: String, accept: String) async -> Result<FetchedDocument, Failure> {
        do {
            return .success(try await fetcher.fetch(url, accept: accept))
        } catch {
            return .failure(.fetch(error))
        }
    }

    /// Parses a fetched body as JSON with the default limits.
    static func parse(_ body: [UInt8], url: String) -> Result<JSONValue, Failure> {
        do {
            return .success(try JSONParser.parse(body))
        } catch {
            return .failure(.notJSON(url: url, reason: error.description))
        }
    }
}
