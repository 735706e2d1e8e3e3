import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

/// Recruiter search end to end: ingest signed badges, consent, search in everyday words, ranking and explanation,
/// exclusion of non-consenting, failed and expired, withdrawal, paging, logging and scoping.
@Suite struct SearchTests {
    @Test func findsConsentingVerifiedEarnersInEverydayWordsRankedByProficiency() async throws {
        try await SearchWorld.run { world in
            let advanced = try await world.badge("did:example:ada", level: 3)
            let proficient = try await world.badge("did:example:bo", level: 1)
            let hidden = try await world.badge("did:example:cy", level: 3)
            let forged = try await world.badge("did:example:dee", level: 3, tamper: true)
            let expired = try await world.badge("did:example:eve", level: 3, validUntil: "2025-12-31T00:00:00Z")
            for earner in [advanced, proficient, forged, expired] { try await world.consent(earner) }

            for phrase in ["data visualization", "Data Visualisation"] {
                let result = try await world.search(#"{"skills": [{"text": "\#(phrase)"}]}"#)
                #expect(world.earners(result) == [advanced.uuidString, proficient.uuidString], "\(phrase)")
                #expect(result["total"]?["value"] == 2)
                let top = try #require(result["results"]?.arrayValue?.first)
                let match = try #require(top["matches"]?.arrayValue?.first)
                #expect(match["matchedVia"] == "exact_alignment")
                #expect(match["skill"]?["code"] == "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389")
                #expect(match["credential"]?["level"]?["name"] == "Advanced")
                #expect(match["credential"]?["evidence"]?.arrayValue?.first?.stringValue?.hasPrefix("https://portfolio.example/") == true)
                #expect(match["credential"]?["verified"] == true)
                #expect(top["score"]?.numberValue?.double ?? 0 > result["results"]?.arrayValue?.last?["score"]?.numberValue?.double ?? 1)
            }
            _ = hidden

            // Withdrawal takes effect for the very next search.
            try await world.consent(advanced, false)
            let after = try await world.search(#"{"skills": [{"text": "data visualization"}]}"#)
            #expect(world.earners(after) == [proficient.uuidString])

            // A minimum proficiency leaves out the lower level.
            try await world.consent(advanced)
            let strong = try await world.search(#"{"skills": [{"text": "data visualization", "minProficiency": 0.9}]}"#)
            #expect(world.earners(strong) == [advanced.uuidString])
        }
    }

    @Test func requiredAndPreferredTermsPagesAndLogging() async throws {
        try await SearchWorld.run { world in
            let python = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
            let both = try await world.badge("did:example:both", level: 2)
            try await world.badge("did:example:both", level: 2, alignment: python)
            let visualOnly = try await world.badge("did:example:visual", level: 3)
            let pythonOnly = try await world.badge("did:example:py", level: 3, alignment: python)
            for earner in [both, visualOnly, pythonOnly] { try await world.consent(earner) }

            let required = try await world.search(#"{"skills": [{"text": "data visualisation"}, {"text": "python programming"}]}"#)
            #expect(world.earners(required) == [both.uuidString])
            let preferred = try await world.search(
                #"{"skills": [{"text": "data visualisation", "required": false}, {"text": "python", "required": false}], "limit": 1}"#
            )
            #expect(preferred["total"]?["value"] == 3)
            #expect(world.earners(preferred) == [both.uuidString])
            let cursor = try #require(preferred["nextCursor"]?.stringValue)
            var seen = world.earners(preferred)
            var next: String? = cursor
            while let token = next {
                let page = try await world.search(
                    #"{"skills": [{"text": "data visualisation", "required": false}, {"text": "python", "required": false}], "limit": 1, "cursor": "\#(token)"}"#
                )
                seen += world.earners(page)
                next = page["nextCursor"]?.stringValue
            }
            #expect(Set(seen) == Set([both, visualOnly, pythonOnly].map(\.uuidString)))
            #expect(seen.count == 3)

            let logged = try await world.service.strings("SELECT array_to_string(terms, '|') || ':' || result_count FROM searches ORDER BY at")
            #expect(logged.first == "data visualisation|python programming:1")
            #expect(logged.count == 2)
            let none = try await world.search(#"{"skills": [{"text": "underwater basket weaving"}]}"#)
            #expect(none["total"]?["value"] == 0)
            #expect(try await world.service.strings("SELECT count(*)::text FROM searches WHERE zero_results") == ["1"])

            let earnerKey = try await world.service.key(org: "Platform", kind: .platform, role: .earner, earnerID: both)
            let views = try await world.client.execute(uri: "/v1/earners/\(both)/views", method: .get, headers: .bearer(earnerKey))
            #expect(try views.json["views"]?.arrayValue?.first?["organization"] == "Acme Hiring")
        }
    }

    @Test func rejectsBadQueriesWithPointers() async throws {
        try await SearchWorld.run { world in
            let empty = try await world.client.execute(
                uri: "/v1/search", method: .post, headers: .bearer(world.recruiter, .json), body: ByteBuffer(string: #"{"skills": []}"#)
            )
            #expect(empty.status == .unprocessableContent)
            #expect(try empty.json["errors"]?.arrayValue?.first?["pointer"] == "/skills")
            let eleven = (0..<11).map { #"{"text": "skill \#($0)"}"# }.joined(separator: ",")
            let tooMany = try await world.client.execute(
                uri: "/v1/search", method: .post, headers: .bearer(world.recruiter, .json), body: ByteBuffer(string: #"{"skills": [\#(eleven)]}"#)
            )
            #expect(tooMany.status == .unprocessableContent)
            let both = try await world.client.execute(
                uri: "/v1/search", method: .post, headers: .bearer(world.recruiter, .json),
                body: ByteBuffer(string: #"{"skills": [{"text": "x", "concept": 3}]}"#)
            )
            #expect(try both.json["errors"]?.arrayValue?.first?["pointer"] == "/skills/0")
            let noQuery = try await world.client.execute(uri: "/v1/search", method: .get, headers: .bearer(world.recruiter))
            #expect(try noQuery.json["errors"]?.arrayValue?.first?["pointer"] == "#/query/q")
            let earner = try await world.service.key(org: "Platform", kind: .platform, role: .earner, earnerID: try await world.badge("did:example:x"))
            let forbidden = try await world.client.execute(uri: "/v1/search?q=python", method: .get, headers: .bearer(earner))
            #expect(forbidden.status == .forbidden)
            let simple = try await world.client.execute(uri: "/v1/search?q=data%20visualization", method: .get, headers: .bearer(world.recruiter))
            #expect(simple.status == .ok)
        }
    }

    @Test func issuersSeeOnlyTheirOwnEarners() async throws {
        try await SearchWorld.run { world in
            let earner = try await world.badge("did:example:own", level: 2)
            try await world.consent(earner)
            let otherIssuer = try await world.service.key(org: "Other College", kind: .issuer, role: .issuer)
            let other = try await world.search(#"{"skills": [{"text": "data visualization"}]}"#, key: otherIssuer)
            #expect(world.earners(other).isEmpty)
            let recruiter = try await world.search(#"{"skills": [{"text": "data visualization"}]}"#)
            #expect(world.earners(recruiter) == [earner.uuidString])
            let own = try await world.search(#"{"skills": [{"text": "data visualization"}]}"#, key: world.issuer)
            #expect(world.earners(own) == [earner.uuidString])
        }
    }

    @Test func signalsSavedSearchesAndEvidenceViews() async throws {
        try await SearchWorld.run { world in
            let first = try await world.badge("did:example:first", level: 2)
            try await world.consent(first)
            let saved = try await world.client.execute(
                uri: "/v1/saved-searches", method: .post, headers: .bearer(world.recruiter, .json),
                body: ByteBuffer(string: #"{"name": "Data people", "query": {"skills": [{"text": "data visualization"}]}}"#)
            )
            #expect(saved.status == .created)
            let savedID = try #require(try saved.json["id"]?.stringValue)
            let marker = Date()
            let later = try await world.badge("did:example:later", level: 3)
            try await world.consent(later)
            let fresh = try await world.client.execute(
                uri: "/v1/saved-searches/\(savedID)/matches?since=\(marker.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))", method: .get, headers: .bearer(world.recruiter)
            )
            #expect(fresh.status == .ok)
            #expect(world.earners(try fresh.json) == [later.uuidString])
            let otherEmployer = try await world.service.key(org: "Other Employer", kind: .employer, role: .recruiter)
            #expect(try await world.client.execute(uri: "/v1/saved-searches/\(savedID)/matches", method: .get, headers: .bearer(otherEmployer)).status == .notFound)

            let result = try await world.search(#"{"skills": [{"text": "data visualization"}]}"#)
            let credential = try #require(result["results"]?.arrayValue?.first?["matches"]?.arrayValue?.first?["credential"]?["id"]?.stringValue)
            let top = try #require(result["results"]?.arrayValue?.first?["earner"]?["id"]?.stringValue)
            let opened = try await world.client.execute(uri: "/v1/credentials/\(credential)", method: .get, headers: .bearer(world.recruiter))
            #expect(opened.status == .ok)
            let signal = try await world.client.execute(
                uri: "/v1/signals", method: .post, headers: .bearer(world.recruiter, .json),
                body: ByteBuffer(string: #"{"earnerId": "\#(top)", "credentialId": "\#(credential)", "kind": "shortlisted"}"#)
            )
            #expect(signal.status == .created)
            let badKind = try await world.client.execute(
                uri: "/v1/signals", method: .post, headers: .bearer(world.recruiter, .json),
                body: ByteBuffer(string: #"{"earnerId": "\#(top)", "kind": "adored"}"#)
            )
            #expect(try badKind.json["errors"]?.arrayValue?.first?["pointer"] == "/kind")
            let hidden = try await world.badge("did:example:hidden")
            let notFindable = try await world.client.execute(
                uri: "/v1/signals", method: .post, headers: .bearer(world.recruiter, .json),
                body: ByteBuffer(string: #"{"earnerId": "\#(hidden)", "kind": "contacted"}"#)
            )
            #expect(notFindable.status == .notFound)
            let kinds = try await world.service.strings("SELECT kind FROM earner_views WHERE earner_id::text = lower(\(top)) ORDER BY at")
            #expect(kinds.contains("evidence"))
            #expect(kinds.contains("result"))
        }
    }
}
