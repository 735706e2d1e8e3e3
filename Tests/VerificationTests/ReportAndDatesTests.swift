import Foundation
import StrictJSON
import Testing

@testable import Verification

@Suite struct ReportAndDatesTests {
    @Test func dateTimeForms() {
        #expect(DateTime.parse("2010-01-01T00:00:00Z") == Date(timeIntervalSince1970: 1_262_304_000))
        #expect(DateTime.parse("2010-01-01T01:00:00+01:00") == Date(timeIntervalSince1970: 1_262_304_000))
        #expect(DateTime.parse("2009-12-31T19:00:00-0500") == Date(timeIntervalSince1970: 1_262_304_000))
        #expect(DateTime.parse("2010-01-01T00:00:00.250Z") == Date(timeIntervalSince1970: 1_262_304_000.25))
        #expect(DateTime.parse("2010-01-01") == Date(timeIntervalSince1970: 1_262_304_000))
        #expect(DateTime.parse("1262304000") == Date(timeIntervalSince1970: 1_262_304_000))
        #expect(DateTime.parse("2024-02-29T12:00:00Z") != nil)
        for bad in ["2023-02-29T00:00:00Z", "2010-13-01T00:00:00Z", "2010-01-01T00:00", "yesterday", "2010-01-01T00:00:00Zjunk", ""] {
            #expect(DateTime.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func validityPeriodWithSkew() {
        let now = Fixtures.now
        func outcomes(from: String?, until: String?, skew: TimeInterval = 300) -> [VerificationOutcome?] {
            let period = ValidityPeriod(
                validFrom: from.map { ("validFrom", .string($0)) },
                validUntil: until.map { ("validUntil", .string($0)) }
            )
            return period.checks(now: now, skew: skew).map { $0.outcome == .failed ? $0.effect : nil }
        }
        #expect(outcomes(from: "2026-11-29T00:04:00Z", until: nil) == [nil, nil])
        #expect(outcomes(from: "2026-11-29T00:06:00Z", until: nil) == [.notYetValid, nil])
        #expect(outcomes(from: "2025-01-01T00:00:00Z", until: "2026-11-28T23:56:00Z") == [nil, nil])
        #expect(outcomes(from: "2025-01-01T00:00:00Z", until: "2026-11-28T23:54:00Z") == [nil, .expired])
        #expect(outcomes(from: "not a date", until: nil) == [.failed, nil])
    }

    @Test func outcomePrecedence() {
        func report(_ effects: [VerificationOutcome]) -> VerificationOutcome {
            VerificationReport(checks: effects.map { .failed(.status, "x", effect: $0) }, checkedAt: Fixtures.now).outcome
        }
        #expect(report([]) == .verified)
        #expect(report([.expired, .failed]) == .failed)
        #expect(report([.expired, .revoked, .unverifiable]) == .revoked)
        #expect(report([.expired, .unverifiable]) == .unverifiable)
        #expect(report([.notYetValid, .expired]) == .expired)
        #expect(report([.suspended, .unverifiable]) == .suspended)
        // Warnings and skipped checks never change the outcome.
        let warned = VerificationReport(checks: [.warning(.keyBinding, "w"), .skipped(.status, "s")], checkedAt: Fixtures.now)
        #expect(warned.outcome == .verified)
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let report = VerificationReport(
            checks: [.passed(.signature, "ok"), .failed(.status, "revoked", effect: .revoked), .failed(.validFrom, "soon", effect: .notYetValid)],
            proofType: "VC-JWT EdDSA",
            keyID: "did:key:z6Mk#z6Mk",
            issuerID: "did:key:z6Mk",
            checkedAt: Fixtures.now
        )
        let data = try JSONEncoder().encode(report)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""outcome":"revoked""#))
        #expect(text.contains(#""effect":"not_yet_valid""#))
        #expect(text.contains(#""name":"valid_from""#))
        #expect(try JSONDecoder().decode(VerificationReport.self, from: data) == report)
    }

    @Test func base58AndBase64() {
        #expect(Base58.encode([0, 0, 1, 2, 3]) == "11Ldp")
        #expect(Base58.decode("11Ldp") == [0, 0, 1, 2, 3])
        #expect(Base58.decode("0OIl") == nil)
        #expect(Base64.decode("aGVsbG8") == Array("hello".utf8))
        #expect(Base64.decode("aGVsbG8=") == Array("hello".utf8))
        #expect(Base64.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64.decode("+/8=") == [0xFB, 0xFF])
        #expect(Base64.decode("a b") == nil)
        #expect(Base64.urlEncoded([0xFB, 0xFF]) == "-_8")
    }
}
