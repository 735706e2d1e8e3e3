public import StrictJSON

/// A loader that serves what `base` serves, and beyond that a fixed set of documents an operator supplied (JSON-LD
/// contexts preloaded with `credence documents add`). Pinned contexts always win: a supplied document never
/// replaces one `base` has.
public struct OverlayContextLoader: ContextLoader {
    let base: any ContextLoader
    let documents: [String: JSONValue]

    public init(base: any ContextLoader, documents: [String: JSONValue]) {
        self.base = base
        self.documents = documents
    }

    public func loadContext(at url: String) throws(LinkedDataError) -> RemoteContext {
        do {
            return try base.loadContext(at: url)
        } catch .contextUnavailable {
            guard let document = documents[url] else { throw .contextUnavailable(url: url) }
            return RemoteContext(url: url, document: document)
        }
    }
}
