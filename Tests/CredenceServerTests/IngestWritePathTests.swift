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
}
