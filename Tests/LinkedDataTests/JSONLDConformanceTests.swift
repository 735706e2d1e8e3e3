import Foundation
import LinkedData
import StrictJSON
import Testing

/// JSON-LD 1.1 API `expand` and `toRdf` conformance, driven by the W3C manifests. Entries outside a 1.1
/// processor's remit are listed by `JSONLDSuite.skipReason` and checked to stay few.
@Suite struct JSONLDConformanceTests {
    static let expandEntries = JSONLDSuite.entries("expand")
    static let toRdfEntries = JSONLDSuite.entries("toRdf")

    @Test func manifestsAreRead() {
        #expect(Self.expandEntries.count == 385)
        #expect(Self.toRdfEntries.count == 467)
        #expect(Self.expandEntries.filter { $0.skipReason != nil }.count == 18)
        #expect(Self.toRdfEntries.filter { $0.skipReason != nil }.count == 19)
    }

    @Test(arguments: expandEntries.filter { $0.skipReason == nil })
    func expand(_ entry: JSONLDSuite.Entry) throws {
        let input = try Fixtures.json(JSONLDSuite.root + entry.input)
        let options = try JSONLDSuite.options(for: entry)
        switch entry.kind {
        case .negative:
            do {
                let output = try JSONLDSuite.processor.expand(input, options: options)
                Issue.record("expected \(entry.errorCode ?? "an error"), got \(JSONValue.array(output).serialized())")
            } catch {
                #expect(error.jsonLDCode?.rawValue == entry.errorCode, "\(error)")
            }
        case .positive, .syntax:
            let output = try JSONLDSuite.processor.expand(input, options: options)
            let expected = try Fixtures.json(JSONLDSuite.root + (try #require(entry.expect)))
            #expect(
                JSONLDSuite.equivalent(.array(output), expected),
                "got \(JSONValue.array(output).serialized())\nexpected \(expected.serialized())"
            )
        }
    }

    @Test(arguments: toRdfEntries.filter { $0.skipReason == nil })
    func toRdf(_ entry: JSONLDSuite.Entry) throws {
        let input = try Fixtures.json(JSONLDSuite.root + entry.input)
        let options = try JSONLDSuite.options(for: entry)
        switch entry.kind {
        case .negative:
            do {
                let output = try JSONLDSuite.processor.toRDF(input, options: options)
                Issue.record("expected \(entry.errorCode ?? "an error"), got \(output.serialized())")
            } catch {
                #expect(error.jsonLDCode?.rawValue == entry.errorCode, "\(error)")
            }
        case .syntax:
            _ = try JSONLDSuite.processor.toRDF(input, options: options)
        case .positive:
            let output = try JSONLDSuite.processor.toRDF(input, options: options).canonicalized()
            let expected = try RDFDataset(nQuads: try Fixtures.text(JSONLDSuite.root + (try #require(entry.expect)))).canonicalized()
            #expect(output.nQuads == expected.nQuads, "got\n\(output.nQuads)\nexpected\n\(expected.nQuads)")
        }
    }
}
