import Foundation
import LinkedData
import StrictJSON
import Testing

/// The W3C JSON-LD 1.1 API test suite (expand and toRdf manifests) as data, with the offline loader it needs.
enum JSONLDSuite {
    static let root = "data/rdf/json-ld-api/tests/"
    static let baseIRI = "https://w3c.github.io/json-ld-api/tests/"

    struct Entry: CustomTestStringConvertible, Sendable {
        let manifest: String
        let id: String
        let kind: Kind
        let input: String
        let expect: String?
        let errorCode: String?
        let base: String?
        let expandContext: String?
        let rdfDirection: RDFDirection?
        /// Why the entry does not apply to this processor, if it does not.
        let skipReason: String?
        var testDescription: String { "\(manifest)\(id)" }
    }

    enum Kind: Sendable {
        case positive
        case negative
        case syntax
    }

    static func entries(_ manifest: String) -> [Entry] {
        guard let document = try? Fixtures.json(root + manifest + "-manifest.jsonld"), let sequence = document["sequence"]?.arrayValue else {
            return []
        }
        return sequence.compactMap { test in
            guard let id = test["@id"]?.stringValue, let input = test["input"]?.stringValue else { return nil }
            let types = test["@type"]?.asList.compactMap(\.stringValue) ?? []
            let kind: Kind =
                types.contains("jld:NegativeEvaluationTest") ? .negative : (types.contains("jld:PositiveSyntaxTest") ? .syntax : .positive)
            let option = test["option"]?.objectValue ?? JSONObject()
            return Entry(
                manifest: manifest, id: id, kind: kind, input: input, expect: test["expect"]?.stringValue,
                errorCode: test["expectErrorCode"]?.stringValue,
                base: option["base"]?.stringValue ?? (baseIRI + input),
                expandContext: option["expandContext"]?.stringValue,
                rdfDirection: option["rdfDirection"]?.stringValue == "i18n-datatype"
                    ? .i18nDatatype : (option["rdfDirection"]?.stringValue == "compound-literal" ? .compoundLiteral : nil),
                skipReason: skipReason(id: "\(manifest)\(id)", option: option)
            )
        }
    }

    /// Entries outside what a JSON-LD 1.1 processor for credentials must do, with the reason.
    static func skipReason(id: String, option: JSONObject) -> String? {
        if option["specVersion"]?.stringValue == "json-ld-1.0" { return "JSON-LD 1.0 only" }
        if option["processingMode"]?.stringValue == "json-ld-1.0" { return "json-ld-1.0 processing mode" }
        if option["produceGeneralizedRdf"] == .bool(true) { return "generalized RDF (blank node predicates) is not produced" }
        return nil
    }

    /// Serves the suite's own URLs from the local copy; anything else is unavailable, as the suite expects.
    struct Loader: ContextLoader {
        func loadContext(at url: String) throws(LinkedDataError) -> RemoteContext {
            guard url.hasPrefix(JSONLDSuite.baseIRI) else { throw .contextUnavailable(url: url) }
            let relative = String(url.dropFirst(JSONLDSuite.baseIRI.count))
            do {
                return RemoteContext(url: url, document: try Fixtures.json(JSONLDSuite.root + relative))
            } catch {
                throw .contextUnavailable(url: url)
            }
        }
    }

    static let processor = JSONLDProcessor(loader: Loader())

    static func options(for entry: Entry) throws -> JSONLDOptions {
        var options = JSONLDOptions(safeMode: false, base: entry.base, rdfDirection: entry.rdfDirection)
        if let expandContext = entry.expandContext {
            options.expandContext = try Fixtures.json(root + expandContext)
        }
        return options
    }

    /// JSON-LD object comparison: arrays are unordered except `@list` values; language tags ignore case.
    static func equivalent(_ a: JSONValue, _ b: JSONValue, ordered: Bool = false) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { key, value in
                guard let other = y[key] else { return false }
                if key == "@language", let l = value.stringValue, let r = other.stringValue { return l.lowercased() == r.lowercased() }
                return equivalent(value, other, ordered: key == "@list")
            }
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            if ordered { return zip(x, y).allSatisfy { equivalent($0, $1) } }
            var unmatched = y
            for item in x {
                guard let index = unmatched.firstIndex(where: { equivalent(item, $0) }) else { return false }
                unmatched.remove(at: index)
            }
            return true
        default:
            return a == b
        }
    }
}
