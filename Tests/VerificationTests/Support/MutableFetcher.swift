import Credentials
import Synchronization

/// A fetcher over an in-memory set of documents that tests can change between verifications and that counts requests.
final class MutableFetcher: DocumentFetcher {
    private let state = Mutex<(documents: [String: FetchedDocument], requests: [String])>(([:], []))

    init(_ documents: [String: FetchedDocument] = [:]) {
        state.withLock { $0.documents = documents }
    }

    func set(_ url: String, json: String, status: Int = 200) {
        state.withLock { $0.documents[url] = FetchedDocument(url: url, status: status, contentType: "application/json", body: Array(json.utf8)) }
    }

    func set(_ url: String, body: [UInt8], status: Int = 200, contentType: String? = "application/json") {
        state.withLock { $0.documents[url] = FetchedDocument(url: url, status: status, contentType: contentType, body: body) }
    }

    func remove(_ url: String) {
        _ = state.withLock { $0.documents.removeValue(forKey: url) }
    }

    /// How many times `url` was requested.
    func requests(for url: String) -> Int {
        state.withLock { $0.requests.filter { $0 == url }.count }
    }

    func fetch(_ url: String, accept: String) async throws(FetchError) -> FetchedDocument {
        let document = state.withLock { state -> FetchedDocument? in
            state.requests.append(url)
            return state.documents[url]
        }
        guard let document else { throw .notCached(url: url) }
        if !(200..<300).contains(document.status) { throw .httpStatus(url: url, status: document.status) }
        return document
    }

    /// Tests preload every document they set.
    func preloaded(_ url: String) async -> FetchedDocument? {
        try? await fetch(url, accept: "application/json")
    }
}
