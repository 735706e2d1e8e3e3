/// Fetches documents a credential refers to (OB 2.0 badge classes and issuers, DID documents, status lists).
///
/// The server implements it over HTTPS with timeouts, size limits and an allow-list, backed by a document cache
/// that admins can preload; tests implement it with fixtures or a local server. Libraries never open sockets.
public protocol DocumentFetcher: Sendable {
    /// Returns the document at `url`. Throws `FetchError` when it cannot be had.
    func fetch(_ url: String, accept: String) async throws(FetchError) -> FetchedDocument

    /// The document an operator preloaded at `url`, never one fetched from the network: for what must not change
    /// under a signature once trusted, such as JSON-LD contexts that are not pinned.
    func preloaded(_ url: String) async -> FetchedDocument?
}

/// A fetched document: the final URL after redirects, the HTTP status, its media type and body.
public struct FetchedDocument: Sendable, Hashable {
    public var url: String
    public var status: Int
    public var contentType: String?
    public var body: [UInt8]

    public init(url: String, status: Int = 200, contentType: String? = nil, body: [UInt8]) {
        self.url = url
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// Why a document could not be fetched.
public enum FetchError: Error, Sendable, Hashable {
    /// The URL's scheme or address is not allowed by this deployment (https only, no private addresses by default).
    case notAllowed(url: String, reason: String)
    /// The server answered with a non-success status (404, 410 Gone, …).
    case httpStatus(url: String, status: Int)
    /// The body was larger than the configured limit.
    case tooLarge(url: String, limit: Int)
    /// No answer within the configured time.
    case timeout(url: String)
    /// Offline mode and the document is not in the cache.
    case notCached(url: String)
    /// Any other transport failure.
    case network(url: String, message: String)
}

/// A fetcher that only answers from a fixed set of documents; the default for offline use and for tests.
public struct StaticDocumentFetcher: DocumentFetcher {
    public var documents: [String: FetchedDocument]

    public init(documents: [String: FetchedDocument] = [:]) {
        self.documents = documents
    }

    public func fetch(_ url: String, accept: String) async throws(FetchError) -> FetchedDocument {
        guard let document = documents[url] else { throw .notCached(url: url) }
        if !(200..<300).contains(document.status) { throw .httpStatus(url: url, status: document.status) }
        return document
    }

    /// Every document of a static fetcher was given to it, so each counts as preloaded.
    public func preloaded(_ url: String) async -> FetchedDocument? {
        try? await fetch(url, accept: "application/json")
    }
}
