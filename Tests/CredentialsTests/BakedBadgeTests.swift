import Credentials
import StrictJSON
import Testing

@Suite struct BakedBadgeTests {
    let parser = CredentialParser(fetcher: Fixtures.ob2Web)
    let ob30 = "signed/1edtech-validator/ob30/"

    @Test func pngWithJSON() async throws {
        let parsed = try await Fixtures.single(ob30 + "simple-json.png")
        #expect(parsed.packaging == .png)
        #expect(parsed.format == .openBadges3JSON)
        #expect(parsed.badge.achievement.name == "Teamwork")
        #expect(parsed.received == (try Fixtures.bytes(ob30 + "simple-json.png")))
        #expect(parsed.receivedSHA256 != parsed.documentSHA256)
        let extracted = try JSONParser.parse(Fixtures.bytes(ob30 + "extracted/simple-json_png.json"))
        #expect(try JSONParser.parse(parsed.document) == extracted)
        #expect(parsed.secured == .embedded(document: extracted))
    }

    @Test(arguments: ["simple-jwt.png", "simple-jwt.svg", "simple-jwt_v1.png", "simple-jwt_v1.svg"])
    func imagesWithVCJWT(file: String) async throws {
        let parsed = try await Fixtures.single(ob30 + file)
        #expect(parsed.packaging == (file.hasSuffix(".png") ? .png : .svg))
        #expect(parsed.format == .openBadges3JWT)
        let extracted = "extracted/" + file.replacingOccurrences(of: ".", with: "_") + ".jwt"
        let jwt = try Fixtures.bytes(ob30 + extracted).filter { $0 != 0x0A }
        #expect(parsed.document.filter { $0 > 0x20 } == jwt)
        #expect(parsed.warnings.map(\.code) == [.subjectInAudience])
    }

    @Test func svgWithJSONInCDATA() async throws {
        let parsed = try await Fixtures.single(ob30 + "simple-json.svg")
        #expect(parsed.packaging == .svg)
        #expect(parsed.badge.id == "http://example.com/credentials/3527")
        let extracted = try JSONParser.parse(Fixtures.bytes(ob30 + "extracted/simple-json_svg.json"))
        #expect(parsed.secured == .embedded(document: extracted))
    }

    @Test func openBadges2PNGWithHostedAssertion() async throws {
        let parsed = try await Fixtures.single("ob2/1edtech-validator-ob20/simple-badge.png")
        #expect(parsed.format == .openBadges2Hosted)
        #expect(parsed.packaging == .png)
        #expect(parsed.badge.achievement.name == "Awesome Robotics Badge")
        #expect(parsed.badge.issuer.name == "An Example Badge Issuer")
    }

    @Test func alteredCredentialChunkIsRejected() async throws {
        var png = try Fixtures.bytes(ob30 + "simple-json.png")
        let chunkText = 82_643 + 8 + 30  // inside the openbadgecredential iTXt chunk's text
        png[chunkText] ^= 0x20
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await parser.parse(png, mediaType: "image/png") })
        #expect(rejection.problems.map(\.code) == [.pngChecksum])
    }

    @Test func damageElsewhereIsAWarning() async throws {
        var png = try Fixtures.bytes(ob30 + "simple-json.png")
        png[42] ^= 0xFF  // inside the gAMA chunk's data
        let parsed = try #require(try await parser.parse(png, mediaType: "image/png").first)
        #expect(parsed.warnings.map(\.code) == [.pngChecksum])
    }

    @Test func truncation() async throws {
        let png = try Fixtures.bytes(ob30 + "simple-json.png")
        let cutInPicture = try #require(
            await rejection { () async throws(CredentialRejection) in
                try await parser.parse(Array(png.prefix(50_000)), mediaType: "image/png")
            }
        )
        #expect(cutInPicture.problems.map(\.code) == [.malformedPNG])
        // Cut after the credential chunk: the credential is intact, the picture is not.
        let parsed = try #require(try await parser.parse(Array(png.dropLast(6)), mediaType: "image/png").first)
        #expect(parsed.warnings.map(\.code) == [.pngTruncated])
    }

    @Test func syntheticPNGs() async throws {
        let credential = TestDocuments.credential().serialized()
        let plain = TestDocuments.png([TestDocuments.iTXt("openbadgecredential", credential)])
        #expect(try await parser.parse(plain, mediaType: nil).first?.badge.id == "urn:uuid:2f6f1d2c-1b1a-4c53-9a0e-6f3c1d2e3f40")
        let compressed = TestDocuments.png([TestDocuments.iTXt("openbadgecredential", credential, compressed: true)])
        #expect(try await parser.parse(compressed, mediaType: nil).first?.document == Array(credential.utf8))
        let zTXt = TestDocuments.png([
            TestDocuments.chunk("zTXt", Array("openbadges".utf8) + [0, 0] + TestDocuments.zlibStored(Array(credential.utf8)))
        ])
        #expect(try await parser.parse(zTXt, mediaType: nil).first?.badge.achievement.name == "Example Achievement")

        let cases: [([UInt8], ProblemCode)] = [
            (TestDocuments.png([]), .noBakedCredential),
            (
                TestDocuments.png([TestDocuments.chunk("iTXt", Array("openbadgecredential".utf8) + [0, 1, 0, 0, 0] + Array(credential.utf8))]),
                .malformedPNG
            ),
            (
                TestDocuments.png([TestDocuments.iTXt("openbadgecredential", credential), TestDocuments.iTXt("openbadges", credential)]),
                .multipleBakedCredentials
            ),
            (TestDocuments.png([TestDocuments.iTXt("openbadgecredential", credential, corruptCRC: true)]), .pngChecksum),
            (TestDocuments.png([TestDocuments.chunk("iTXt", Array("openbadgecredential".utf8) + [0, 0])]), .malformedPNG),
            (Array("not a png at all".utf8), .malformedPNG),
        ]
        for (body, code) in cases {
            let rejection = await rejection { () async throws(CredentialRejection) in try await parser.parse(body, mediaType: "image/png") }
            #expect(rejection?.problems.map(\.code) == [code])
        }
    }

    @Test func latin1TextChunkWithOpenBadges2Assertion() async throws {
        let assertion = try String(decoding: Fixtures.bytes("ob2/1edtech-validator-ob20/basic-assertion.json"), as: UTF8.self)
        let png = TestDocuments.png([TestDocuments.chunk("tEXt", Array("openbadges".utf8) + [0] + Array(assertion.utf8))])
        let parsed = try #require(try await parser.parse(png, mediaType: "image/png").first)
        #expect(parsed.format == .openBadges2Hosted)
        #expect(parsed.badge.evidence.map(\.url) == ["https://example.org/beths-robot-work.html"])
    }

    @Test func bakedURLIsFetched() async throws {
        let png = TestDocuments.png([TestDocuments.iTXt("openbadges", "https://example.org/badge-from-organization-with-revocation-list.json")])
        let rejected = try #require(await rejection { () async throws(CredentialRejection) in try await parser.parse(png, mediaType: nil) })
        // That URL serves a BadgeClass, not an assertion: fetched, read, and refused for what it is.
        #expect(rejected.problems.map(\.code) == [.notAnEarnedBadge])
        #expect(rejected.warnings.map(\.code) == [.bakedURL])
    }

    @Test func svgVariants() async throws {
        let json = TestDocuments.credential().serialized()
        let escaped = json.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: "\"",
            with: "&quot;"
        )
        let ns = "https://purl.imsglobal.org/ob/v3p0"
        let accepted: [(String, [WarningCode])] = [
            ("<svg xmlns:openbadges=\"\(ns)\"><openbadges:credential>\(escaped)</openbadges:credential></svg>", []),
            ("<?xml version=\"1.0\"?><!-- baked --><svg xmlns:ob='\(ns)'><ob:credential><![CDATA[\(json)]]></ob:credential></svg>", []),
            ("<svg><openbadges:credential verify=\"\(TestDocuments.vcJWT())\"/></svg>", [.undeclaredNamespace]),
            (
                "<!DOCTYPE svg [<!ENTITY x \"]>\">]><svg xmlns=\"http://www.w3.org/2000/svg\">"
                    + "<credential xmlns=\"\(ns)\">\(escaped)</credential></svg>",
                []
            ),
        ]
        for (svg, warnings) in accepted {
            let parsed = try #require(try await parser.parse(svg, mediaType: "image/svg+xml").first, "\(svg.prefix(60))")
            #expect(parsed.warnings.map(\.code) == warnings)
        }
        let rejected: [(String, ProblemCode)] = [
            ("<svg></svg>", .noBakedCredential),
            (
                "<svg xmlns:openbadges=\"\(ns)\"><openbadges:credential>\(escaped)</openbadges:credential>"
                    + "<openbadges:credential>\(escaped)</openbadges:credential></svg>",
                .multipleBakedCredentials
            ),
            ("<svg xmlns:openbadges=\"\(ns)\"><openbadges:credential>&x;</openbadges:credential></svg>", .malformedSVG),
            ("<svg xmlns:openbadges=\"\(ns)\"><openbadges:credential><b>{}</b></openbadges:credential></svg>", .malformedSVG),
            ("<svg xmlns:openbadges=\"\(ns)\"><openbadges:credential>{", .malformedSVG),
            ("<svg xmlns:other=\"https://elsewhere.example\"><other:credential>\(escaped)</other:credential></svg>", .noBakedCredential),
        ]
        for (svg, code) in rejected {
            let rejection = await rejection { () async throws(CredentialRejection) in try await parser.parse(svg, mediaType: "image/svg+xml") }
            #expect(rejection?.problems.map(\.code) == [code], "\(svg.prefix(80))")
        }
    }
}
