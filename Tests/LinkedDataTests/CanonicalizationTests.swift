import LinkedData
import StrictJSON
import Testing

/// RDFC-1.0 limits, literal forms and the processor's behaviour under concurrency.
@Suite struct CanonicalizationTests {
    static let suite = "data/rdf/rdf-canon/tests/rdfc10/"

    @Test func workBoundStopsAnEvilButComputableGraph() throws {
        let dataset = try RDFDataset(nQuads: try Fixtures.text(Self.suite + "test044-in.nq"))
        #expect(throws: LinkedDataError.canonicalizationLimitExceeded(limit: 50)) {
            try dataset.canonicalized(options: CanonicalizationOptions(maxWork: 50))
        }
        #expect(try dataset.canonicalized().nQuads == (try Fixtures.text(Self.suite + "test044-rdfc10.nq")))
    }

    @Test func poisonCliqueFailsFast() throws {
        let dataset = try RDFDataset(nQuads: try Fixtures.text(Self.suite + "test074-in.nq"))
        let start = ContinuousClock.now
        #expect(throws: LinkedDataError.canonicalizationLimitExceeded(limit: CanonicalizationOptions().maxWork)) {
            try dataset.canonicalized()
        }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func escapesLiteralsCanonically() throws {
        let dataset = try RDFDataset(nQuads: #"<urn:s> <urn:p> "tab\tnl\nq\"bs\\\u0001\u007f\b\f\r" ."# + "\n")
        #expect(try dataset.canonicalized().nQuads == #"<urn:s> <urn:p> "tab\tnl\nq\"bs\\\u0001\u007F\b\f\r" ."# + "\n")
    }

    @Test(arguments: [
        ("1", "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
        ("1.0", "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
        ("-0", "\"0\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
        ("1.1", "\"1.1E0\"^^<http://www.w3.org/2001/XMLSchema#double>"),
        ("0.30000000000000004", "\"3.0E-1\"^^<http://www.w3.org/2001/XMLSchema#double>"),
        ("123456.789", "\"1.23456789E5\"^^<http://www.w3.org/2001/XMLSchema#double>"),
        ("1e21", "\"1.0E21\"^^<http://www.w3.org/2001/XMLSchema#double>"),
        ("-0.5", "\"-5.0E-1\"^^<http://www.w3.org/2001/XMLSchema#double>"),
        ("true", "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"),
    ])
    func nativeValuesBecomeCanonicalLiterals(_ json: String, _ literal: String) throws {
        let processor = JSONLDProcessor(loader: JSONLDSuite.Loader())
        let document = try JSONParser.parse(Array(#"{"@id": "urn:s", "urn:p": \#(json)}"#.utf8))
        #expect(try processor.canonicalize(document).nQuads == "<urn:s> <urn:p> \(literal) .\n")
    }

    @Test func jsonLiteralsUseJCS() throws {
        let processor = JSONLDProcessor(loader: JSONLDSuite.Loader())
        let document = try JSONParser.parse(
            Array(#"{"@context": {"j": {"@id": "urn:j", "@type": "@json"}}, "@id": "urn:s", "j": {"b": 1.50, "a": [true]}}"#.utf8))
        #expect(
            try processor.canonicalize(document).nQuads
                == #"<urn:s> <urn:j> "{\"a\":[true],\"b\":1.5}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> ."# + "\n")
    }

    @Test func proofConfigurationTakesTheDocumentContextAndDropsTheProofValue() {
        let proof: JSONObject = ["type": "DataIntegrityProof", "@context": "urn:own", "proofValue": "z123", "created": "2024-01-01T00:00:00Z"]
        let configuration = JSONLDProcessor.proofConfiguration(proof, documentContext: ["urn:doc"])
        #expect(configuration == ["@context": ["urn:doc"], "type": "DataIntegrityProof", "created": "2024-01-01T00:00:00Z"])
    }

    @Test func concurrentCanonicalizationSharesTheContextCache() async throws {
        let processor = try #require(Bundled.processor)
        let signed = try #require(try Fixtures.json("data/openbadges/signed/1edtech-validator/ob30/complete.json").objectValue)
        let document = JSONValue.object(signed.removing("proof"))
        let expected = try processor.canonicalize(document).bytes
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { try processor.canonicalize(document).bytes } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
