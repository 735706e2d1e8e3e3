import StrictJSON

/// Fetches the documents an OB 2.0 assertion names by URL (its BadgeClass, the BadgeClass's Issuer, or the assertion
/// itself behind a baked URL) and puts them in place, within the body's fetch budget.
final class LinkedDocumentResolver {
    static let accept = "application/ld+json, application/json;q=0.9"

    private let fetcher: any DocumentFetcher
    private let limits: ParseLimits
    private var fetches = 0

    init(fetcher: any DocumentFetcher, limits: ParseLimits) {
        self.fetcher = fetcher
        self.limits = limits
    }

    /// An assertion with its BadgeClass and Issuer embedded where their URLs stood.
    struct ResolvedAssertion {
        var document: JSONValue
        /// Why the BadgeClass could not be fetched, when it could not (the reader turns it into a problem).
        var badgeUnavailable: FetchFailure?
    }

    /// Fetches the BadgeClass and its Issuer when given by URL; an unreachable issuer leaves its URL, with a warning.
    func resolve(_ assertion: JSONValue, log: FindingLog, at base: JSONPointer) async -> ResolvedAssertion {
        guard var root = assertion.objectValue else { return ResolvedAssertion(document: assertion) }
        var badgeUnavailable: FetchFailure?
        if let url = root["badge"]?.stringValue {
            switch await fetchJSON(url) {
            case .success(let badge):
                Self.checkId(of: badge, fetchedFrom: url, log: log, at: base / "badge")
                root["badge"] = badge
            case .failure(let reason):
                badgeUnavailable = reason
            }
        }
        if var badge = root["badge"]?.objectValue, let url = badge["issuer"]?.stringValue {
            switch await fetchJSON(url) {
            case .success(let issuer):
                Self.checkId(of: issuer, fetchedFrom: url, log: log, at: base / "badge" / "issuer")
                badge["issuer"] = issuer
                root["badge"] = .object(badge)
            case .failure(let failure):
                log.warn(
                    .linkedDocumentUnavailable,
                    "the issuer profile could not be fetched (\(failure.reason)); only its URL is known",
                    at: base / "badge" / "issuer"
                )
            }
        }
        return ResolvedAssertion(document: .object(root), badgeUnavailable: badgeUnavailable)
    }

    /// Fetches a hosted document's bytes, e.g. an assertion whose URL was baked into an image.
    func fetchBytes(_ url: String) async -> Result<[UInt8], FetchFailure> {
        guard fetches < limits.maxFetches else {
            return .failure(FetchFailure(tooMany: true, reason: "more than \(limits.maxFetches) linked documents for one body"))
        }
        fetches += 1
        do {
            let document = try await fetcher.fetch(url, accept: Self.accept)
            guard document.body.count <= limits.maxDocumentBytes else {
                return .failure(FetchFailure(reason: "\(url) is larger than \(limits.maxDocumentBytes) bytes"))
            }
            return .success(document.body)
        } catch {
            return .failure(FetchFailure(reason: Self.describe(error)))
        }
    }

    /// Why a linked document could not be had; `tooMany` when the fetch budget, not the network, refused.
    struct FetchFailure: Error {
        var tooMany = false
        var reason: String
    }

    /// Fetches and parses a JSON object.
    private func fetchJSON(_ url: String) async -> Result<JSONValue, FetchFailure> {
        switch await fetchBytes(url) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let bytes):
            do {
                let value = try JSONDocument.parse(bytes, limits: limits.json, what: url)
                guard value.objectValue != nil else { return .failure(FetchFailure(reason: "\(url) is not a JSON object")) }
                return .success(value)
            } catch {
                return .failure(FetchFailure(reason: error.problems.first?.message ?? "\(url) is not JSON"))
            }
        }
    }

    /// A fetched document should be the one its URL names; a redirect or copy that says otherwise is worth noting.
    private static func checkId(of document: JSONValue, fetchedFrom url: String, log: FindingLog, at pointer: JSONPointer) {
        if let id = document["id"]?.stringValue, id != url {
            log.warn(.linkedDocumentIdMismatch, "fetched from \(url) but its id is \(id)", at: pointer)
        }
    }

    /// A fetch failure in words, for problem messages.
    static func describe(_ error: FetchError) -> String {
        switch error {
        case .notAllowed(let url, let reason): return "\(url) is not allowed (\(reason))"
        case .httpStatus(let url, let status): return "\(url) answered HTTP \(status)"
        case .tooLarge(let url, let limit): return "\(url) is larger than \(limit) bytes"
        case .timeout(let url): return "\(url) did not answer in time"
        case .notCached(let url): return "\(url) is not in the offline document cache"
        case .network(let url, let message): return "\(url) could not be reached (\(message))"
        }
    }
}
