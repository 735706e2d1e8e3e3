import Credentials
import Foundation
import StrictJSON
import Testing
import Verification

/// Each valid fixture with one character changed — in a name, a date, a URL (evidence where it has one) or the proof
/// value — must fail: the signature no longer matches.
@Suite struct TamperedFixtureTests {
    enum Edit: String, CaseIterable, Sendable {
        case name, date, url, proofValue
    }

    static let cases: [(String, Edit)] = (EmbeddedFixtureTests.valid + EmbeddedFixtureTests.validSignatureForeignKey).flatMap { path in
        Edit.allCases.map { (path, $0) }
    }

    /// Replaces one character of the string at `path`; false when there is no such string.
    private static func change(_ object: inout JSONObject, at path: [String], position: (String) -> Int) -> Bool {
        guard let first = path.first else { return false }
        if path.count == 1 {
            guard let text = object[first]?.stringValue, !text.isEmpty else { return false }
            var characters = Array(text)
            let index = min(position(text), characters.count - 1)
            characters[index] = characters[index] == "1" ? "2" : (characters[index].isNumber ? "1" : (characters[index] == "a" ? "b" : "a"))
            object[first] = .string(String(characters))
            return true
        }
        if var child = object[first]?.objectValue {
            guard change(&child, at: Array(path.dropFirst()), position: position) else { return false }
            object[first] = .object(child)
            return true
        }
        if var list = object[first]?.arrayValue, var child = list.first?.objectValue {
            guard change(&child, at: Array(path.dropFirst()), position: position) else { return false }
            list[0] = .object(child)
            object[first] = .array(list)
            return true
        }
        return false
    }

    static func tamper(_ credential: JSONObject, _ edit: Edit) -> JSONObject? {
        var copy = credential
        switch edit {
        case .name:
            let paths = [["name"], ["credentialSubject", "achievement", "name"], ["issuer", "name"]]
            return paths.contains { change(&copy, at: $0, position: { $0.count / 2 }) } ? copy : nil
        case .date:
            // The last digit of the day: still a valid date, one day later or earlier.
            return [["validFrom"], ["issuanceDate"]].contains { change(&copy, at: $0, position: { _ in 9 }) } ? copy : nil
        case .url:
            let paths = [["evidence", "id"], ["credentialSubject", "achievement", "id"], ["credentialSubject", "id"], ["id"]]
            return paths.contains { change(&copy, at: $0, position: { $0.count - 2 }) } ? copy : nil
        case .proofValue:
            let proofs = (credential["proof"]?.asList ?? []).map { proof -> JSONValue in
                guard var object = proof.objectValue, object["proofValue"] != nil else { return proof }
                _ = change(&object, at: ["proofValue"], position: { _ in 12 })
                return .object(object)
            }
            copy["proof"] = credential["proof"]?.arrayValue == nil ? proofs.first : .array(proofs)
            return copy
        }
    }

    @Test(arguments: cases)
    func oneChangedCharacterFails(path: String, edit: Edit) async throws {
        let original = try Fixtures.object(path)
        let tampered = try #require(Self.tamper(original, edit), "\(path) has nothing to change for \(edit)")
        #expect(tampered != original)
        // Binding relaxed so that what fails is the tampering, not the W3C vectors' foreign did:key.
        let verifier = TestVerifier.make(
            canonicalizer: try #require(SharedCanonicalizer.linkedData),
            options: VerificationOptions(requireIssuerKeyBinding: false)
        )
        let report = await verifier.verify(.embedded(tampered))
        #expect(report.outcome == .failed, "\(path) \(edit): \(TestVerifier.summary(report))")
        #expect(report.outcomes(.signature).contains(.failed) && !report.outcomes(.signature).contains(.passed), "\(path) \(edit): \(report.details)")
    }
}
