import Credentials
import Foundation
import StrictJSON
import Testing

@Suite struct DateTimeTests {
    let parser = CredentialParser()

    func validFrom(_ text: String, vcdm1: Bool = false) async -> Result<ParsedCredential, CredentialRejection> {
        let credential = TestDocuments.credential {
            if vcdm1 {
                $0["@context"] = ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context.json"]
                $0["validFrom"] = nil
                $0["issuanceDate"] = .string(text)
            } else {
                $0["validFrom"] = .string(text)
            }
        }
        do {
            let parsed = try await parser.parse(credential)
            guard let first = parsed.first else { return .failure(CredentialRejection(problems: [])) }
            return .success(first)
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: [
        ("2024-05-01T12:00:00Z", 1_714_564_800.0),
        ("2024-05-01T12:00:00.250Z", 1_714_564_800.25),
        ("2024-05-01T14:30:00+02:30", 1_714_564_800),
        ("2024-05-01T07:00:00-05:00", 1_714_564_800),
        ("2024-05-01t12:00:00z", 1_714_564_800),
        ("2024-02-29T00:00:00Z", 1_709_164_800),
        ("1969-12-31T23:59:59Z", -1),
    ])
    func validDateTimes(text: String, seconds: Double) async throws {
        let parsed = try await validFrom(text).get()
        #expect(parsed.badge.validFrom.instant == Date(timeIntervalSince1970: seconds))
        #expect(parsed.badge.validFrom.text == text)
    }

    @Test(arguments: [
        "2024-05-01", "2024-05-01T12:00Z", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:00:00+0200",
        "2024-05-01 12:00:00Z", "May 1, 2024", "2024-05-01T12:00:00Zjunk", "",
    ])
    func invalidDateTimesAreProblems(text: String) async throws {
        guard case .failure(let rejection) = await validFrom(text) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(rejection.problems.map(\.pointer.description) == ["/validFrom"])
        #expect(rejection.problems.map(\.code) == [.invalidDate])
    }

    @Test func timezoneRulesFollowTheDataModel() async throws {
        guard case .failure(let rejection) = await validFrom("2024-05-01T12:00:00") else {
            Issue.record("VCDM 2.0 accepted a date without timezone")
            return
        }
        #expect(rejection.problems.map(\.code) == [.missingTimezone])
        let vcdm1 = try await validFrom("2024-05-01T12:00:00", vcdm1: true).get()
        #expect(vcdm1.badge.validFrom.instant == Date(timeIntervalSince1970: 1_714_564_800))
        #expect(vcdm1.warnings.map(\.code) == [.lenientDate])
    }

    @Test func validUntilBeforeValidFromIsAProblem() async throws {
        let credential = TestDocuments.credential { $0["validUntil"] = "2020-01-01T00:00:00Z" }
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await parser.parse(credential) })
        #expect(rejection.problems.map(\.code) == [.datesOutOfOrder])
        #expect(rejection.problems.first?.pointer == "/validUntil")
    }

    @Test func otherDataModelsTermsAreReadWithWarning() async throws {
        let credential = TestDocuments.credential {
            $0["validFrom"] = nil
            $0["issuanceDate"] = "2024-05-01T12:00:00Z"
            $0["expirationDate"] = "2030-01-01T00:00:00Z"
        }
        let parsed = try #require(try await parser.parse(credential).first)
        #expect(parsed.badge.validFrom.text == "2024-05-01T12:00:00Z")
        #expect(parsed.badge.validUntil?.text == "2030-01-01T00:00:00Z")
        #expect(parsed.badge.awarded.source == .issuanceDate)
        #expect(parsed.warnings.map(\.code) == [.mixedDataModelTerms, .mixedDataModelTerms])
    }

    @Test func missingValidFromIsAProblem() async throws {
        let credential = TestDocuments.credential { $0["validFrom"] = nil }
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await parser.parse(credential) })
        #expect(rejection.problems.map(\.code) == [.missingField])
        #expect(rejection.problems.first?.pointer == "/validFrom")
    }
}
