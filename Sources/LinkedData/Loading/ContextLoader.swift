public import StrictJSON

/// A context document as a loader returns it: the URL it was found at (relative references in it resolve
/// against that) and its parsed JSON.
public struct RemoteContext: Sendable {
    public let url: String
    public let document: JSONValue

    public init(url: String, document: JSONValue) {
        self.url = url
        self.document = document
    }
}

/// Resolves context URLs. Verification uses `StaticContextLoader`, which never touches the network.
public protocol ContextLoader: Sendable {
    /// The context document at `url`, or `LinkedDataError.contextUnavailable` naming it.
    func loadContext(at url: String) throws(LinkedDataError) -> RemoteContext
}
