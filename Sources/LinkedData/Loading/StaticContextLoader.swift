public import Foundation
import Crypto
import StrictJSON
import Synchronization

/// Serves JSON-LD contexts from pinned local files: the contexts bundled with this library and, optionally, a
/// deployment's own folder. Every file is checked against the SHA-256 its index records before it is used;
/// an unknown URL is an error naming it.
///
/// A deployment folder holds an `INDEX.json` in the bundled format, mapping each context URL to a file in that
/// folder and (optionally, but recommended) its SHA-256:
/// `{"https://example.org/ctx/v1": {"file": "example-v1.jsonld", "sha256": "<64 hex digits>"}}`.
/// Its entries take precedence over bundled ones for the same URL.
public final class StaticContextLoader: ContextLoader {
    private struct Entry: Sendable {
        let file: URL
        let sha256: String?
    }

    private let entries: [String: Entry]
    /// Documents already read and checked, by URL.
    private let documents = Mutex<[String: RemoteContext]>([:])

    public init(bundled: Bool = true, additionalDirectory: URL? = nil) throws(LinkedDataError) {
        var entries: [String: Entry] = [:]
        if bundled {
            guard let directory = Bundle.module.url(forResource: "Contexts", withExtension: nil) else {
                throw .contextIndex("the bundled Contexts folder is missing from the LinkedData resources")
            }
            try Self.readIndex(in: directory, requireDigests: true, into: &entries)
        }
        if let additionalDirectory {
            try Self.readIndex(in: additionalDirectory, requireDigests: false, into: &entries)
        }
        self.entries = entries
    }

    /// The URLs this loader can serve.
    public var urls: [String] { entries.keys.sorted() }

    public func loadContext(at url: String) throws(LinkedDataError) -> RemoteContext {
        if let cached = documents.withLock({ $0[url] }) { return cached }
        guard let entry = entries[url] else { throw .contextUnavailable(url: url) }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: entry.file))
        } catch {
            throw .contextIndex("cannot read \(entry.file.path) for \(url)")
        }
        if let expected = entry.sha256 {
            let actual = Digest.hex(SHA256.hash(data: bytes))
            guard String(decoding: actual, as: UTF8.self) == expected.lowercased() else {
                throw .contextIntegrity(url: url, expected: expected, actual: String(decoding: actual, as: UTF8.self))
            }
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes, limits: .trusted)
        } catch {
            throw .contextIndex("\(entry.file.lastPathComponent) for \(url) is not valid JSON: \(error)")
        }
        let context = RemoteContext(url: url, document: document)
        documents.withLock { $0[url] = context }
        return context
    }

    /// Reads a folder's `INDEX.json` into `entries` (later folders override earlier ones).
    private static func readIndex(in directory: URL, requireDigests: Bool, into entries: inout [String: Entry]) throws(LinkedDataError) {
        let indexURL = directory.appendingPathComponent("INDEX.json")
        let index: JSONValue
        do {
            index = try JSONParser.parse(Array(try Data(contentsOf: indexURL)), limits: .trusted)
        } catch {
            throw .contextIndex("cannot read \(indexURL.path): \(error)")
        }
        guard let object = index.objectValue else { throw .contextIndex("\(indexURL.path) is not a JSON object") }
        for (url, value) in object {
            guard let file = value["file"]?.stringValue, !file.contains("/") else {
                throw .contextIndex("\(indexURL.path): entry for \(url) needs a \"file\" name inside the folder")
            }
            let digest = value["sha256"]?.stringValue
            if requireDigests && digest == nil { throw .contextIndex("\(indexURL.path): entry for \(url) has no sha256") }
            entries[url] = Entry(file: directory.appendingPathComponent(file), sha256: digest)
        }
    }
}
