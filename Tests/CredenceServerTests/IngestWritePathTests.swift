import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

/// How ingest writes: time-ordered ids, and batches of one issuer that do not wait on each other's transactions.
@Suite struct IngestWritePathTests {
    func post(_ client: some TestClientProtocol, key: String, _ document: JSONObject) async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/credentials", method: .post, headers: .bearer(key, [.contentType: "application/json"]),
            body: ByteBuffer(bytes: JSONValue.object(document).serializedBytes())
        )
    }

    /// A copy of the fixture with its own credential id and earner.
    func credential(_ number: Int) throws -> JSONObject {
        var document = try Fixtures.json("\(Fixtures.ob3)/simple.json")
        document["id"] = .string("urn:uuid:5a0c1d2e-0000-4000-8000-\(String(format: "%012d", number))")
        var subject = document["credentialSubject"]?.objectValue ?? [:]
        subject["id"] = .string("did:example:earner-\(number)")
        document["credentialSubject"] = .object(subject)
        return document
    }

    /// Version 7 in the version nibble, RFC 9562 variant bits, and the millisecond clock in the first 48 bits.
    static func isVersion7(_ id: String) -> Bool {
        let characters = Array(id.lowercased())
        return characters.count == 36 && characters[14] == "7" && "89ab".contains(characters[19])
    }

    static func milliseconds(_ id: String) -> UInt64? {
        UInt64(id.replacingOccurrences(of: "-", with: "").prefix(12), radix: 16)
    }

    @Test func newCredentialsAndEarnersGetTimeOrderedIds() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "Example Corp", kind: .issuer, role: .issuer)
            let before = UInt64(Date().timeIntervalSince1970 * 1000)
            var ids: [String] = []
            for number in 1...3 {
                let created = try await post(client, key: issuer, try credential(number))
                #expect(created.status == .created)
                ids.append(try #require(try created.json["id"]?.stringValue))
            }
            let after = UInt64(Date().timeIntervalSince1970 * 1000)
            #expect(ids.allSatisfy(Self.isVersion7))
            let stamps = ids.compactMap(Self.milliseconds)
            #expect(stamps.count == 3 && stamps == stamps.sorted() && stamps.allSatisfy { $0 >= before && $0 <= after })
            #expect(Set(ids).count == 3)

            // Ids PostgreSQL assigns follow the same layout.
            let earners = try await service.strings("SELECT id::text FROM earners ORDER BY id")
            #expect(earners.count == 3 && earners.allSatisfy(Self.isVersion7))
            let generated = try await service.strings("SELECT uuid_v7()::text FROM generate_series(1, 50)")
            #expect(generated.count == 50 && Set(generated).count == 50 && generated.allSatisfy(Self.isVersion7))
            let stamp = try #require(generated.first.flatMap(Self.milliseconds))
            #expect(stamp >= after && stamp <= UInt64(Date().timeIntervalSince1970 * 1000))
        }
    }

    /// Another batch holding its issuer and achievement rows (as a batch that changed their details does) must not
    /// hold up a batch that only reads them. An upsert that locks unchanged rows would wait here until the other
    /// transaction ended; the bound is generous because it detects a wait, not a speed.
    @Test func batchesOfOneIssuerDoNotWaitOnEachOther() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "Example Corp", kind: .issuer, role: .issuer)
            #expect(try await post(client, key: issuer, try credential(1)).status == .created)
            let second = try credential(2)
            let finishedWhileHeld = try await service.database.withConnection { other in
                try await other.query("BEGIN", logger: TestDatabase.logger)
                try await other.query(
                    """
                    SELECT 1 FROM issuers i JOIN achievements a ON a.issuer_id = i.id FOR NO KEY UPDATE
                    """,
                    logger: TestDatabase.logger
                )
                let finished = await withTaskGroup(of: Bool.self) { group in
                    group.addTask { (try? await post(client, key: issuer, second).status) == .created }
                    group.addTask {
                        try? await Task.sleep(for: .seconds(30))
                        return false
                    }
                    let first = await group.next() ?? false
                    // Release the rows whatever happened, so a waiting batch can finish and the test can end.
                    _ = try? await other.query("ROLLBACK", logger: TestDatabase.logger)
                    group.cancelAll()
                    return first
                }
                return finished
            }
            #expect(finishedWhileHeld)
            #expect(try await service.strings("SELECT count(*)::text FROM credentials") == ["2"])
        }
    }

    @Test func changedIssuerDetailsAreStoredAndUnchangedOnesKept() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "Example Corp", kind: .issuer, role: .issuer)
            var first = try credential(1)
            var profile = first["issuer"]?.objectValue ?? [:]
            profile["email"] = "badges@example.com"
            first["issuer"] = .object(profile)
            #expect(try await post(client, key: issuer, first).status == .created)
            let stamped = try await service.strings("SELECT updated_at::text FROM issuers")

            // The same issuer again: the row is not rewritten.
            var second = try credential(2)
            second["issuer"] = first["issuer"]
            #expect(try await post(client, key: issuer, second).status == .created)
            #expect(try await service.strings("SELECT updated_at::text FROM issuers") == stamped)

            // Renamed, and without an email: the name changes and the stored email is kept.
            var third = try credential(3)
            var renamed = third["issuer"]?.objectValue ?? [:]
            renamed["name"] = "Example Corporation"
            third["issuer"] = .object(renamed)
            #expect(try await post(client, key: issuer, third).status == .created)
            #expect(try await service.strings("SELECT name || ' ' || coalesce(email, '') FROM issuers") == ["Example Corporation badges@example.com"])
            #expect(try await service.strings("SELECT updated_at::text FROM issuers") != stamped)
        }
    }

    /// A badge whose subject has only a name (as some wallets issue) is stored as its own earner, with a warning.
    @Test func subjectWithoutIdentityIsItsOwnEarner() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "Example Corp", kind: .issuer, role: .issuer)
            var document = try credential(1)
            var subject = document["credentialSubject"]?.objectValue ?? [:]
            subject["id"] = nil
            subject["name"] = "Sam Example"
            document["credentialSubject"] = .object(subject)
            let created = try await post(client, key: issuer, document)
            #expect(created.status == .created)
            #expect(try await service.strings("SELECT subject FROM earners") == ["credential:urn:uuid:5a0c1d2e-0000-4000-8000-000000000001"])
            #expect(
                try await service.strings("SELECT w ->> 'code' FROM credentials, jsonb_array_elements(warnings) w WHERE w ->> 'pointer' = '/credentialSubject'")
                    == ["subject.noIdentity"]
            )
        }
    }

    func importNDJSON(_ client: some TestClientProtocol, key: String, _ lines: [String]) async throws -> [JSONValue] {
        let response = try await client.execute(
            uri: "/v1/imports", method: .post, headers: .bearer(key, [.contentType: "application/x-ndjson"]),
            body: ByteBuffer(string: lines.joined(separator: "\n") + "\n")
        )
        #expect(response.status == .ok)
        return try response.text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    /// Batches are written two at a time, yet every line is reported once, in order, and a credential re-issued in
    /// a later batch becomes the newer version even while the earlier batch is still being written.
    @Test func largeImportsKeepLineOrderAcrossBatchesWrittenAtOnce() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "Example Corp", kind: .issuer, role: .issuer)
            var lines = try (1...650).map { JSONValue.object(try credential($0)).serialized() }
            var reissue = try credential(250)
            reissue["validFrom"] = "2011-01-01T00:00:00Z"
            lines[449] = JSONValue.object(reissue).serialized()
            lines[599] = lines[4]
            lines[619] = "{not json"
            let results = try await importNDJSON(client, key: issuer, lines)
            let outcomes = results.compactMap { line -> (Int, String)? in
                guard let number = line["line"]?.numberValue?.intValue, let outcome = line["outcome"]?.stringValue else { return nil }
                return (number, outcome)
            }
            #expect(outcomes.map(\.0) == Array(1...650))
            #expect(outcomes.filter { $0.1 != "stored" }.map { "\($0.0):\($0.1)" } == ["600:duplicate", "620:rejected"])
            #expect(results.first { $0["line"] == 450 }?["version"] == 2)
            #expect(results.first { $0["line"] == 600 }?["id"] == results.first { $0["line"] == 5 }?["id"])
            #expect(results.last?["summary"]?["stored"] == 648)
            let newest = try await service.strings(
                """
                SELECT version || ' ' || valid_from::date::text FROM credentials
                WHERE uri = 'urn:uuid:5a0c1d2e-0000-4000-8000-000000000250' AND superseded_by IS NULL
                """
            )
            #expect(newest == ["2 2011-01-01"])
            #expect(try await service.strings("SELECT count(*)::text FROM credentials") == ["648"])
        }
    }

    /// Imports running at once that bring the same new earners in different orders all succeed: new rows are
    /// inserted in key order, and a batch PostgreSQL aborts to break a deadlock is retried.
    @Test func concurrentImportsSharingNewEarnersAllStore() async throws {
        try await TestApp.run { client, service in
            let issuer = try await service.key(org: "Example Corp", kind: .issuer, role: .issuer)
            let imports = try (0..<4).map { run in
                try (0..<250).map { index -> String in
                    var document = try credential(run * 1_000 + index)
                    var subject = document["credentialSubject"]?.objectValue ?? [:]
                    subject["id"] = .string("did:example:shared-\((index * 7 + run * 3) % 25)")
                    document["credentialSubject"] = .object(subject)
                    return JSONValue.object(document).serialized()
                }.shuffled()
            }
            let stored = try await withThrowingTaskGroup(of: JSONValue?.self) { group in
                for lines in imports {
                    group.addTask { try await importNDJSON(client, key: issuer, lines).last?["summary"]?["stored"] }
                }
                var stored: [JSONValue?] = []
                for try await count in group { stored.append(count) }
                return stored
            }
            #expect(stored == [250, 250, 250, 250])
            #expect(try await service.strings("SELECT count(*)::text FROM earners") == ["25"])
            #expect(try await service.strings("SELECT count(*)::text FROM credentials") == ["1000"])
        }
    }
}
