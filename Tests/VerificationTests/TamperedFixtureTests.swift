import Credentials
import FixtureTampering
import Foundation
import StrictJSON
import Testing
import Verification

/// Each valid fixture with one character changed — in a name, a date, a URL (evidence where it has one) or the proof
/// value — must fail: the signature no longer matches.
@Suite struct TamperedFixtureTests {
    static let cases: [(String, FixtureTampering.Edit)] = (EmbeddedFixtureTests.valid + EmbeddedFixtureTests.validSignatureForeignKey).flatMap { path in
        FixtureTampering.Edit.allCases.map { (path, $0) }
    }

    @Test(arguments: cases)
    func oneChangedCharacterFails(path: String, edit: FixtureTampering.Edit) async throws {
        let original = try Fixtures.object(path)
        let tampered = try #require(FixtureTampering.tamper(original, edit), "\(path) has nothing to change for \(edit)")
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
