import LinkedData
import StrictJSON
import Testing

/// Safe mode: what plain JSON-LD silently drops is an error naming the term and where it is.
@Suite struct SafeModeTests {
    static let context: JSONValue = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]

    static func credential(_ extra: JSONObject) -> JSONValue {
        var object: JSONObject = [
            "@context": context, "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": "https://example.edu/issuer", "type": "Profile"], "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": ["id": "did:example:1", "type": "AchievementSubject"],
        ]
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    @Test func undefinedTermIsAnErrorWithItsPath() throws {
        let processor = try #require(Bundled.processor)
        let document = Self.credential(["credentialSubject": ["id": "did:example:1", "type": "AchievementSubject", "favouriteColour": "blue"]])
        #expect(throws: LinkedDataError.unsafeDrop(.undefinedTerm("favouriteColour"), path: "/credentialSubject/favouriteColour")) {
            try processor.canonicalize(document)
        }
        let unsafe = try processor.canonicalize(document, options: JSONLDOptions(safeMode: false))
        #expect(!unsafe.nQuads.contains("favouriteColour"))
    }

    @Test func undefinedTypeIsAnError() throws {
        let processor = try #require(Bundled.processor)
        let document = Self.credential(["type": ["VerifiableCredential", "OtherCredential"]])
        #expect(throws: LinkedDataError.unsafeDrop(.relativeType("OtherCredential"), path: "/type")) {
            try processor.canonicalize(document)
        }
    }

    @Test func relativeIdentifierIsAnError() throws {
        let processor = try #require(Bundled.processor)
        let document = Self.credential(["id": "credentials/1"])
        #expect(throws: LinkedDataError.unsafeDrop(.relativeIdentifier("credentials/1"), path: "/id")) {
            try processor.canonicalize(document)
        }
    }

    @Test func validCredentialPassesAndKeepsTheOpenBadgesDateTimeQuirk() throws {
        let processor = try #require(Bundled.processor)
        let document = Self.credential(["awardedDate": "2024-02-02T00:00:00Z"])
        let nQuads = try processor.canonicalize(document).nQuads
        // OB 3.0.3 types awardedDate as "xsd:dateTime" without defining xsd, so the datatype is the IRI
        // <xsd:dateTime>; every implementation that signed such credentials produced exactly this.
        #expect(nQuads.contains("\"2024-02-02T00:00:00Z\"^^<xsd:dateTime>"))
        #expect(nQuads.contains("\"2024-01-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>"))
    }

    @Test func illFormedIRIIsAnErrorInSafeModeAndDroppedOtherwise() throws {
        let processor = JSONLDProcessor(loader: JSONLDSuite.Loader())
        let document: JSONValue = ["@id": "http://example.com/a b", "http://example.com/p": "v"]
        #expect(throws: LinkedDataError.self) { try processor.canonicalize(document) }
        #expect(try processor.canonicalize(document, options: JSONLDOptions(safeMode: false)).nQuads == "")
    }

    @Test func baseDirectionIsKeptAsAnI18nDatatypeOrReported() throws {
        let processor = JSONLDProcessor(loader: JSONLDSuite.Loader())
        let document: JSONValue = ["@id": "urn:s", "urn:p": ["@value": "مرحبا", "@language": "AR", "@direction": "rtl"]]
        #expect(try processor.canonicalize(document).nQuads == "<urn:s> <urn:p> \"مرحبا\"^^<https://www.w3.org/ns/i18n#ar_rtl> .\n")
        #expect(throws: LinkedDataError.unsafeDrop(.baseDirection("مرحبا"), path: .root)) {
            try processor.canonicalize(document, options: JSONLDOptions(rdfDirection: nil))
        }
        let dropped = try processor.canonicalize(document, options: JSONLDOptions(safeMode: false, rdfDirection: nil))
        #expect(dropped.nQuads == "<urn:s> <urn:p> \"مرحبا\"@ar .\n")
    }
}
