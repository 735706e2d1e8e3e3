import CredenceServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import StrictJSON
import Testing

/// What issuers manage about skills: custom frameworks (CSV and CASE) whose items badges cite and search reaches
/// through their mappings, and the review of resolved alignments (confirm, correct, reject) with its effect on search.
@Suite struct SkillsAdministrationTests {
    static let dataVisualisation = "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389"
    static let python = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"

    static let frameworkCSV = """
        code,label,alt_labels,description,broader_code,maps_to,url
        NDS,Northwind digital skills,,The college's own skills framework,,,
        NDS-1,Chart storytelling,dashboard storytelling,Tells a story with charts,NDS,\(dataVisualisation),https://northwind.example/skills/nds-1

        """

    /// A badge of `world`'s issuer whose achievement (named `achievement`) carries exactly these alignments.
    static func credential(_ world: SearchWorld, subject: String, achievement: String, alignments: [JSONValue]) -> JSONValue {
        guard var credential = world.signer.credential(subject: subject, achievement: achievement).objectValue,
            var subjectObject = credential["credentialSubject"]?.objectValue, var achievementObject = subjectObject["achievement"]?.objectValue
        else { return .null }
        achievementObject["alignment"] = .array(alignments)
        subjectObject["achievement"] = .object(achievementObject)
        credential["credentialSubject"] = .object(subjectObject)
        return .object(credential)
    }

    static func post(_ world: SearchWorld, _ uri: String, key: String, type: String, body: String) async throws -> TestResponse {
        try await world.client.execute(uri: uri, method: .post, headers: .bearer(key, [.contentType: type]), body: ByteBuffer(string: body))
    }

    static func achievementID(_ world: SearchWorld, named name: String) async throws -> String {
        try #require(try await world.service.strings("SELECT id::text FROM achievements WHERE name = \(name)").first)
    }

    @Test func customFrameworkItemsResolveAndReachSearchThroughTheirMappings() async throws {
        try await SearchWorld.run { world in
            let imported = try await Self.post(world, "/v1/frameworks?name=Northwind%20Digital%20Skills", key: world.issuer, type: "text/csv", body: Self.frameworkCSV)
            #expect(imported.status == .created, "\(imported.text)")
            let outcome = try imported.json
            #expect(outcome["items"] == 2)
            #expect(outcome["mappings"] == 1)
            #expect(outcome["unresolvedMappings"]?.arrayValue?.isEmpty == true)
            #expect(outcome["framework"]?["concepts"] == 2)
            let frameworkID = try #require(outcome["framework"]?["id"]?.stringValue)

            // The same file again changes nothing.
            let again = try await Self.post(world, "/v1/frameworks?name=Northwind%20Digital%20Skills", key: world.issuer, type: "text/csv", body: Self.frameworkCSV)
            #expect(again.status == .ok)
            #expect(try again.json["changed"] == false)

            // A badge citing the item by framework name and code resolves to it; a recruiter's everyday words reach it
            // through the item's mapping to ESCO.
            let earner = try await world.ingest(
                Self.credential(world, subject: "did:example:fay", achievement: "Storytelling with charts", alignments: [
                    ["type": ["Alignment"], "targetName": "Chart storytelling", "targetFramework": "Northwind Digital Skills", "targetCode": "NDS-1"]
                ])
            )
            try await world.consent(earner)
            let achievement = try await Self.achievementID(world, named: "Storytelling with charts")
            let alignments = try await world.client.execute(uri: "/v1/achievements/\(achievement)/alignments", method: .get, headers: .bearer(world.issuer))
            let resolved = try #require(try alignments.json["items"]?.arrayValue?.first)
            #expect(resolved["concept"]?["framework"]?.stringValue == frameworkID)
            #expect(resolved["concept"]?["code"] == "NDS-1")
            #expect(resolved["rule"] == "framework_code")
            let found = try await world.search(#"{"skills": [{"text": "data visualisation"}]}"#)
            #expect(world.earners(found) == [earner.uuidString])

            // Frameworks are listed to their organisation only (besides the built-in ones).
            let own = try await world.client.execute(uri: "/v1/frameworks", method: .get, headers: .bearer(world.issuer))
            #expect(try own.json["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue }.contains(frameworkID) == true)
            let other = try await world.client.execute(uri: "/v1/frameworks", method: .get, headers: .bearer(world.recruiter))
            let otherIDs = try other.json["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(Set(otherIDs) == ["esco", "onet"])

            // A CASE package names itself; its items and hierarchy are stored.
            let package = try String(contentsOfFile: Fixtures.taxonomySample("case_cfpackage_sample.json"), encoding: .utf8)
            let caseImport = try await Self.post(world, "/v1/frameworks", key: world.issuer, type: "application/json", body: package)
            #expect(caseImport.status == .created, "\(caseImport.text)")
            #expect(try caseImport.json["framework"]?["name"] == "What Standards Could Be")
            #expect(try caseImport.json["items"] == 16)
            let children = try await world.service.strings(
                """
                SELECT count(*)::text FROM skill_relations r JOIN skills s ON s.id = r.from_skill
                WHERE r.kind = 'broader' AND s.framework = (SELECT id FROM skill_frameworks WHERE name = 'What Standards Could Be')
                """
            )
            #expect(Int(children.first ?? "0") ?? 0 > 0)
        }
    }

    @Test func badFrameworkFilesAreRefusedWithWhereAndNothingIsStored() async throws {
        try await SearchWorld.run { world in
            let missingLabel = "code,label\nA-1,First\nA-2,\n"
            let refused = try await Self.post(world, "/v1/frameworks?name=Broken", key: world.issuer, type: "text/csv", body: missingLabel)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.headers[.contentType] == "application/problem+json")
            #expect(try refused.json["errors"]?.arrayValue?.first?["pointer"] == "#/line/3")
            let unnamed = try await Self.post(world, "/v1/frameworks", key: world.issuer, type: "text/csv", body: "code,label\nA-1,First\n")
            #expect(unnamed.status == .unprocessableContent)
            #expect(try unnamed.json["errors"]?.arrayValue?.first?["pointer"] == "#/query/name")
            let plain = try await Self.post(world, "/v1/frameworks?name=Plain", key: world.issuer, type: "text/plain", body: "code,label\nA-1,First\n")
            #expect(plain.status == .unsupportedMediaType)
            #expect(try await world.service.strings("SELECT count(*)::text FROM skill_frameworks") == ["2"])
        }
    }

    @Test func issuersConfirmCorrectAndRejectAlignmentsAndSearchFollows() async throws {
        try await SearchWorld.run { world in
            let earner = try await world.ingest(
                Self.credential(world, subject: "did:example:gil", achievement: "Analytics studio", alignments: [
                    ["type": ["Alignment"], "targetName": "Data visualisation", "targetUrl": .string(Self.dataVisualisation), "targetFramework": "ESCO"],
                    ["type": ["Alignment"], "targetName": "qqzx vvkj wwplt"],
                ])
            )
            try await world.consent(earner)
            let achievement = try await Self.achievementID(world, named: "Analytics studio")

            // The alignment that resolved to nothing waits for review; the ESCO one does not.
            let queue = try await world.client.execute(uri: "/v1/alignments", method: .get, headers: .bearer(world.issuer))
            #expect(queue.status == .ok)
            let waiting = try queue.json["items"]?.arrayValue ?? []
            #expect(!waiting.contains { $0["rule"] == "esco_uri" })
            let unresolved = try #require(waiting.first { $0["target"]?["name"] == "qqzx vvkj wwplt" })
            #expect(unresolved["target"]?["name"] == "qqzx vvkj wwplt")
            #expect(unresolved["concept"] == nil)
            let unresolvedID = try #require(unresolved["id"]?.numberValue?.intValue)
            let all = try await world.client.execute(uri: "/v1/achievements/\(achievement)/alignments", method: .get, headers: .bearer(world.issuer))
            let exactID = try #require(try all.json["items"]?.arrayValue?.first { $0["rule"] == "esco_uri" }?["id"]?.numberValue?.intValue)

            func verdict(_ id: Int, _ body: String, key: String? = nil) async throws -> TestResponse {
                try await world.client.execute(
                    uri: "/v1/achievements/\(achievement)/alignments/\(id)", method: .put, headers: .bearer(key ?? world.issuer, .json),
                    body: ByteBuffer(string: body)
                )
            }
            let nothing = try await verdict(unresolvedID, #"{"verdict": "confirm"}"#)
            #expect(nothing.status == .unprocessableContent)
            #expect(try nothing.json["errors"]?.arrayValue?.first?["pointer"] == "/verdict")
            let unknown = try await verdict(unresolvedID, #"{"verdict": "correct", "concept": "http://data.europa.eu/esco/skill/not-a-skill"}"#)
            #expect(try unknown.json["errors"]?.arrayValue?.first?["pointer"] == "/concept")
            let badVerdict = try await verdict(unresolvedID, #"{"verdict": "maybe"}"#)
            #expect(try badVerdict.json["errors"]?.arrayValue?.first?["pointer"] == "/verdict")

            // Correcting it to Python puts the badge into Python searches at once.
            #expect(world.earners(try await world.search(#"{"skills": [{"text": "python programming"}]}"#)).isEmpty)
            let corrected = try await verdict(unresolvedID, #"{"verdict": "correct", "concept": "\#(Self.python)"}"#)
            #expect(corrected.status == .ok, "\(corrected.text)")
            #expect(try corrected.json["review"] == "corrected")
            #expect(try corrected.json["concept"]?["code"]?.stringValue == Self.python)
            #expect(world.earners(try await world.search(#"{"skills": [{"text": "python programming"}]}"#)) == [earner.uuidString])

            // Rejecting the data visualisation alignment takes the badge out of those searches.
            #expect(world.earners(try await world.search(#"{"skills": [{"text": "data visualisation"}]}"#)) == [earner.uuidString])
            let rejected = try await verdict(exactID, #"{"verdict": "reject"}"#)
            #expect(try rejected.json["review"] == "rejected")
            #expect(world.earners(try await world.search(#"{"skills": [{"text": "data visualisation"}]}"#)).isEmpty)

            // Other organisations cannot see or touch the achievement; recruiters cannot review at all.
            let stranger = try await world.service.key(org: "Other College", kind: .issuer, role: .issuer)
            #expect(try await verdict(exactID, #"{"verdict": "confirm"}"#, key: stranger).status == .notFound)
            let strangersView = try await world.client.execute(uri: "/v1/achievements/\(achievement)/alignments", method: .get, headers: .bearer(stranger))
            #expect(try strangersView.json["items"]?.arrayValue?.isEmpty == true)
            #expect(try await verdict(exactID, #"{"verdict": "confirm"}"#, key: world.recruiter).status == .forbidden)
            #expect(try await world.service.strings("SELECT count(*)::text FROM audit_log WHERE action = 'alignment.review'") == ["2"])
            let queueAfter = try await world.client.execute(uri: "/v1/alignments", method: .get, headers: .bearer(world.issuer))
            #expect(try queueAfter.json["items"]?.arrayValue?.contains { $0["id"]?.numberValue?.intValue == unresolvedID } == false)
        }
    }

    @Test func aboutShowsTheTaxonomyAttribution() async throws {
        try await SearchWorld.run { world in
            let page = try await world.client.execute(uri: "/about", method: .get, headers: [:])
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("© European Union"))
            #expect(page.text.contains("O*NET 30.x Database"))
            #expect(page.text.contains("Nesta"))
        }
    }
}
