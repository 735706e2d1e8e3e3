import Foundation
import LinkedData
import StrictJSON
import Testing

/// The W3C RDF Dataset Canonicalization test suite (RDFC-1.0), driven by its manifest.
@Suite struct RDFCanonicalizationSuiteTests {
    struct Entry: CustomTestStringConvertible, Sendable {
        let id: String
        let type: String
        let action: String
        let result: String?
        let hashAlgorithm: CanonicalHashAlgorithm
        var testDescription: String { id }
    }

    static let root = "data/rdf/rdf-canon/tests/"

    static let entries: [Entry] = {
        guard let manifest = try? Fixtures.json(root + "manifest.jsonld"), let list = manifest["entries"]?.arrayValue else { return [] }
        return list.compactMap { entry in
            guard let id = entry["id"]?.stringValue, let type = entry["type"]?.stringValue, let action = entry["action"]?.stringValue
            else { return nil }
            let algorithm: CanonicalHashAlgorithm = entry["hashAlgorithm"]?.stringValue == "SHA384" ? .sha384 : .sha256
            return Entry(id: id, type: type, action: action, result: entry["result"]?.stringValue, hashAlgorithm: algorithm)
        }
    }()

    @Test func manifestIsRead() {
        #expect(Self.entries.count == 86)
    }

    @Test(arguments: entries)
    func entry(_ entry: Entry) throws {
        let input = try RDFDataset(nQuads: try Fixtures.text(Self.root + entry.action))
        let options = CanonicalizationOptions(hashAlgorithm: entry.hashAlgorithm)
        switch entry.type {
        case "rdfc:RDFC10EvalTest":
            let expected = try Fixtures.text(Self.root + (try #require(entry.result)))
            #expect(try input.canonicalized(options: options).nQuads == expected)
        case "rdfc:RDFC10MapTest":
            let expected = try Fixtures.json(Self.root + (try #require(entry.result)))
            let issued = try input.canonicalized(options: options).issuedIdentifiers
            #expect(JSONValue.object(JSONObject(issued.map { ($0.key, JSONValue.string($0.value)) })) == expected)
        case "rdfc:RDFC10NegativeEvalTest":
            let start = ContinuousClock.now
            #expect(throws: LinkedDataError.self) { try input.canonicalized(options: options) }
            #expect(ContinuousClock.now - start < .seconds(5))
        default:
            Issue.record("unknown test type \(entry.type)")
        }
    }
}
