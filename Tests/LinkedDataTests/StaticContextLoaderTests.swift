import Foundation
import LinkedData
import StrictJSON
import Testing

/// The pinned context bundle and deployment folders.
@Suite struct StaticContextLoaderTests {
    @Test func everyBundledContextLoadsAndMatchesItsDigest() throws {
        let loader = try StaticContextLoader()
        #expect(loader.urls.count == 23)
        for url in loader.urls {
            let context = try loader.loadContext(at: url)
            #expect(context.url == url)
            #expect(context.document["@context"] != nil, "\(url)")
        }
    }

    @Test func contextUrlsResolveToThePublishedFiles() throws {
        let loader = try StaticContextLoader()
        let ob = try loader.loadContext(at: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
        let terms = try #require(ob.document["@context"]?.objectValue)
        // The specification's 3.0.3, not the validator's later amendment with jti and endorsementJwt.
        #expect(terms["Achievement"] != nil)
        #expect(terms["endorsementJwt"] == nil)
    }

    @Test func unknownContextIsAnErrorNamingIt() throws {
        let processor = try JSONLDProcessor(loader: StaticContextLoader())
        let document: JSONValue = ["@context": "https://example.org/unknown/v1", "name": "x"]
        #expect(throws: LinkedDataError.contextUnavailable(url: "https://example.org/unknown/v1")) {
            try processor.canonicalize(document)
        }
    }

    @Test func additionalDirectoryAddsContextsAndChecksDigests() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ld-contexts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = Data(#"{"@context": {"name": "https://example.org/vocab#name"}}"#.utf8)
        try context.write(to: directory.appendingPathComponent("example.jsonld"))
        let digest = CanonicalHashAlgorithm.sha256.hexDigest(of: Array(context))
        let index =
            #"{"https://example.org/ctx/v1": {"file": "example.jsonld", "sha256": "\#(digest)"}, "https://example.org/ctx/bad": {"file": "example.jsonld", "sha256": "00"}}"#
        try Data(index.utf8).write(to: directory.appendingPathComponent("INDEX.json"))

        let loader = try StaticContextLoader(additionalDirectory: directory)
        let processor = JSONLDProcessor(loader: loader)
        let document: JSONValue = ["@context": "https://example.org/ctx/v1", "@id": "urn:x", "name": "Ada"]
        #expect(try processor.canonicalize(document).nQuads == "<urn:x> <https://example.org/vocab#name> \"Ada\" .\n")
        #expect(throws: LinkedDataError.contextIntegrity(url: "https://example.org/ctx/bad", expected: "00", actual: digest)) {
            try loader.loadContext(at: "https://example.org/ctx/bad")
        }
        // Bundled contexts remain available next to the deployment's.
        #expect(loader.urls.contains("https://www.w3.org/ns/credentials/v2"))
    }
}
