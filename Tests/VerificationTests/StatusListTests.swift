import Credentials
import Foundation
import StrictJSON
import Testing

@testable import Verification

/// Bitstring Status List (revocation, suspension, the W3C error cases), StatusList2021, the 1EdTech revocation list and
/// the shared cache, with lists signed in the test and served by an in-memory fetcher.
@Suite struct StatusListTests {
    let issuerKey = TestKey.ed25519()
    let signer = TestSigner()
    let listURL = "https://status.example/lists/1"

    private func listCredential(
        bits: Int = 131_072,
        set indices: [Int] = [],
        purpose: String = "revocation",
        type: String = "BitstringStatusListCredential",
        extra: JSONObject = [:],
        legacy: Bool = false
    ) throws -> JSONObject {
        let encoded = EncodedStatusList.encode(bitCount: bits, set: indices)
        var subject: JSONObject = [
            "id": .string(listURL + "#list"), "type": legacy ? "StatusList2021" : "BitstringStatusList", "statusPurpose": .string(purpose),
            "encodedList": .string(legacy ? String(encoded.dropFirst()) : encoded),
        ]
        for (name, value) in extra { subject[name] = value }
        let credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "id": .string(listURL), "type": ["VerifiableCredential", .string(type)],
            "issuer": .string(issuerKey.didKey), "validFrom": "2025-01-01T00:00:00Z", "credentialSubject": .object(subject),
        ]
        return try signer.sign(credential, suite: "eddsa-rdfc-2022", key: issuerKey, method: issuerKey.didKeyMethod)
    }

    private func credential(index: Int, purpose: String = "revocation", entryType: String = "BitstringStatusListEntry") throws -> JSONObject {
        let entry: JSONObject = [
            "id": .string("\(listURL)#\(index)"), "type": .string(entryType), "statusPurpose": .string(purpose),
            "statusListIndex": .string(String(index)), "statusListCredential": .string(listURL),
        ]
        let credential = TestSigner.credential(issuer: issuerKey.didKey, extra: ["credentialStatus": .object(entry)])
        return try signer.sign(credential, suite: "eddsa-rdfc-2022", key: issuerKey, method: issuerKey.didKeyMethod)
    }

    private func serve(_ list: JSONObject) -> MutableFetcher {
        let fetcher = MutableFetcher()
        fetcher.set(listURL, json: JSONValue.object(list).serialized())
        return fetcher
    }

    @Test func setBitMeansRevoked() async throws {
        let fetcher = serve(try listCredential(set: [23]))
        let verifier = TestVerifier.make(fetcher: fetcher)
        let revoked = await verifier.verify(.embedded(try credential(index: 23)))
        #expect(revoked.outcome == .revoked, "\(TestVerifier.summary(revoked)) \(revoked.details)")
        let fine = await verifier.verify(.embedded(try credential(index: 24)))
        #expect(fine.outcome == .verified, "\(fine.details)")
        #expect(fine.check(.status)?.detail.contains("not revoked") == true)
        // One fetch for both: the verified list is cached.
        #expect(fetcher.requests(for: listURL) == 1)
    }

    @Test func suspension() async throws {
        let fetcher = serve(try listCredential(set: [7], purpose: "suspension"))
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(try credential(index: 7, purpose: "suspension")))
        #expect(report.outcome == .suspended)
    }

    @Test func purposeMustMatch() async throws {
        let fetcher = serve(try listCredential(purpose: "suspension"))
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(try credential(index: 1)))
        #expect(report.outcome == .unverifiable)
        #expect(report.details.contains("STATUS_VERIFICATION_ERROR"))
    }

    @Test func shortListIsUsedWithAWarning() async throws {
        let fetcher = serve(try listCredential(bits: 100_000, set: [5]))
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(try credential(index: 5)))
        #expect(report.outcome == .revoked)
        #expect(report.outcomes(.status) == [.warning, .failed])
        #expect(report.details.contains("STATUS_LIST_LENGTH_ERROR"))
    }

    @Test func indexOutsideTheListIsARangeError() async throws {
        let fetcher = serve(try listCredential())
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(try credential(index: 131_072)))
        #expect(report.outcome == .failed)
        #expect(report.details.contains("RANGE_ERROR"))
    }

    @Test func unreachableListIsUnverifiable() async throws {
        let report = await TestVerifier.make().verify(.embedded(try credential(index: 1)))
        #expect(report.outcome == .unverifiable)
        #expect(report.details.contains("STATUS_RETRIEVAL_ERROR"))
    }

    @Test func listWithABadProofIsNotUsed() async throws {
        var list = try listCredential(set: [3])
        list["issuer"] = .string(TestKey.ed25519().didKey)
        let report = await TestVerifier.make(fetcher: serve(list)).verify(.embedded(try credential(index: 3)))
        #expect(report.outcome == .unverifiable)
        #expect(report.details.contains("STATUS_VERIFICATION_ERROR"))
    }

    @Test func expiredListIsNotUsed() async throws {
        let list = try listCredential(set: [3], extra: [:])
        var expired = list.removing("proof")
        expired["validUntil"] = "2026-01-01T00:00:00Z"
        let signed = try signer.sign(expired, suite: "eddsa-rdfc-2022", key: issuerKey, method: issuerKey.didKeyMethod)
        let report = await TestVerifier.make(fetcher: serve(signed)).verify(.embedded(try credential(index: 3)))
        #expect(report.outcome == .unverifiable)
        #expect(report.details.contains("expired"))
    }

    @Test func wrongListTypeIsRejected() async throws {
        let fetcher = serve(try listCredential(type: "SomethingElse"))
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(try credential(index: 1)))
        #expect(report.outcome == .unverifiable)
        #expect(report.details.contains("is not a BitstringStatusListCredential"))
    }

    @Test func statusList2021() async throws {
        let fetcher = serve(try listCredential(set: [42], type: "StatusList2021Credential", legacy: true))
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(try credential(index: 42, entryType: "StatusList2021Entry")))
        #expect(report.outcome == .revoked, "\(report.details)")
    }

    @Test func listServedAsAJWT() async throws {
        var list = try listCredential(set: [9]).removing("proof")
        list["iss"] = .string(issuerKey.didKey)
        let token = try TestSigner.jws(list, header: ["kid": .string(issuerKey.didKeyMethod), "typ": "vc+jwt"], key: issuerKey)
        let fetcher = MutableFetcher()
        fetcher.set(listURL, body: Array(token.utf8), contentType: "application/vc+jwt")
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(try credential(index: 9)))
        #expect(report.outcome == .revoked, "\(report.details)")
    }

    @Test func cacheRefetchesWhenStaleAndCanBePersisted() async throws {
        let fetcher = serve(try listCredential(set: [], extra: ["ttl": 60_000]))
        let cache = StatusListCache()
        let subject = try credential(index: 11)
        let first = await TestVerifier.make(fetcher: fetcher, statusLists: cache).verify(.embedded(subject))
        #expect(first.outcome == .verified)

        fetcher.set(listURL, json: JSONValue.object(try listCredential(set: [11], extra: ["ttl": 60_000])).serialized())
        let withinTTL = await TestVerifier.make(fetcher: fetcher, now: Fixtures.now.addingTimeInterval(30), statusLists: cache).verify(
            .embedded(subject)
        )
        #expect(withinTTL.outcome == .verified)
        let afterTTL = await TestVerifier.make(fetcher: fetcher, now: Fixtures.now.addingTimeInterval(61), statusLists: cache).verify(
            .embedded(subject)
        )
        #expect(afterTTL.outcome == .revoked)
        #expect(fetcher.requests(for: listURL) == 2)

        let snapshots = cache.snapshots(at: Fixtures.now.addingTimeInterval(62))
        #expect(snapshots.count == 1)
        #expect(snapshots.first?.bitCount == 131_072)
        let restored = StatusListCache()
        restored.preload(snapshots, now: Fixtures.now.addingTimeInterval(62))
        fetcher.remove(listURL)
        let offline = await TestVerifier.make(fetcher: fetcher, now: Fixtures.now.addingTimeInterval(62), statusLists: restored).verify(
            .embedded(subject)
        )
        #expect(offline.outcome == .revoked)
    }

    @Test func oneEdTechRevocationList() async throws {
        let listURL = "https://issuer.example/revocations"
        let entry: JSONObject = ["id": .string(listURL), "type": "1EdTechRevocationList"]
        var credential = TestSigner.credential(issuer: issuerKey.didKey, extra: ["credentialStatus": .object(entry)])
        credential = try signer.sign(credential, suite: "eddsa-rdfc-2022", key: issuerKey, method: issuerKey.didKeyMethod)
        let id = credential["id"]?.stringValue ?? ""

        let unreachable = await TestVerifier.make().verify(.embedded(credential))
        #expect(unreachable.outcome == .verified)
        #expect(unreachable.outcomes(.status) == [.warning])

        let fetcher = MutableFetcher()
        fetcher.set(listURL, json: #"{"revokedCredentials":[{"id":"urn:uuid:other"}]}"#)
        #expect(await TestVerifier.make(fetcher: fetcher).verify(.embedded(credential)).outcome == .verified)
        fetcher.set(listURL, json: #"{"revokedCredentials":[{"id":"\#(id)","revocationReason":"Issued in error"}]}"#)
        let revoked = await TestVerifier.make(fetcher: fetcher).verify(.embedded(credential))
        #expect(revoked.outcome == .revoked)
        #expect(revoked.check(.status)?.detail.contains("Issued in error") == true)
    }

    @Test func recheckKeepsTheProofChecksAndSeesRevocation() async throws {
        let fetcher = serve(try listCredential())
        let cache = StatusListCache()
        let subject = SecuredCredential.embedded(try credential(index: 30))
        let first = await TestVerifier.make(fetcher: fetcher, statusLists: cache).verify(subject)
        #expect(first.outcome == .verified)

        fetcher.set(listURL, json: JSONValue.object(try listCredential(set: [30])).serialized())
        cache.invalidate(listURL)
        let later = Fixtures.now.addingTimeInterval(3600)
        let recheck = await TestVerifier.make(fetcher: fetcher, now: later, statusLists: cache).recheckStatus(subject, previous: first)
        #expect(recheck.outcome == .revoked)
        #expect(recheck.checkedAt == later)
        #expect(recheck.outcomes(.signature) == [.passed])
        #expect(recheck.keyID == first.keyID)
    }
}
