public import Foundation
public import LinkedData
public import StrictJSON

/// The production canonicaliser: RDFC-1.0 of JSON-LD expanded with the pinned contexts in safe mode, and JCS.
///
/// Holds a `JSONLDProcessor`, whose processed-context cache is what makes repeated verification fast: create one per
/// process (or share the processor) rather than one per credential.
public struct LinkedDataCanonicalizer: CredentialCanonicalizer {
    private let loader: any ContextLoader
    private let processor: JSONLDProcessor

    public init(loader: any ContextLoader) {
        self.loader = loader
        self.processor = JSONLDProcessor(loader: loader)
    }

    /// A canonicaliser over the contexts bundled with LinkedData (plus a deployment folder, if given).
    public init(additionalContexts: URL? = nil) throws(LinkedDataError) {
        self.init(loader: try StaticContextLoader(additionalDirectory: additionalContexts))
    }

    /// A canonicaliser for one credential whose contexts an operator preloaded. It has its own processed-context
    /// cache, so a preloaded context replaced later is read afresh by the next credential that needs it.
    public func including(contexts: [String: JSONValue]) -> any CredentialCanonicalizer {
        LinkedDataCanonicalizer(loader: OverlayContextLoader(base: loader, documents: contexts))
    }

    public func canonicalNQuads(of document: JSONValue) throws(CanonicalizationError) -> [UInt8] {
        do {
            return try processor.canonicalize(document, options: JSONLDOptions(safeMode: true)).bytes
        } catch {
            throw Self.translate(error)
        }
    }

    public func jcs(_ value: JSONValue) throws(CanonicalizationError) -> [UInt8] {
        do {
            return try JCS.canonicalize(value)
        } catch {
            throw Self.translate(error)
        }
    }

    /// A context we do not hold leaves the credential unverifiable; anything else about the document makes it fail.
    private static func translate(_ error: LinkedDataError) -> CanonicalizationError {
        if case .contextUnavailable(let url) = error { return .contextUnavailable(url) }
        return .invalidDocument(error.description)
    }
}
