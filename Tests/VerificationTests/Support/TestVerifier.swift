import Credentials
import Foundation
import StrictJSON
import Verification

/// Builds verifiers for tests: a fixed clock, the given fetcher and canonicaliser, fresh caches.
enum TestVerifier {
    static func make(
        fetcher: any DocumentFetcher = StaticDocumentFetcher(),
        canonicalizer: any CredentialCanonicalizer = SortedJSONCanonicalizer(),
        now: Date = Fixtures.now,
        options: VerificationOptions = VerificationOptions(),
        statusLists: StatusListCache = StatusListCache()
    ) -> CredentialVerifier {
        CredentialVerifier(
            documents: DocumentLoader(fetcher: fetcher),
            canonicalizer: canonicalizer,
            clock: { now },
            options: options,
            statusLists: statusLists
        )
    }

    /// The outcome and the outcome of each named check, for compact assertions.
    static func summary(_ report: VerificationReport) -> String {
        report.outcome.rawValue + ": " + report.checks.map { "\($0.name.rawValue)=\($0.outcome.rawValue)" }.joined(separator: " ")
    }
}

extension VerificationReport {
    /// The outcomes of every check with this name, in order.
    func outcomes(_ name: CheckName) -> [CheckOutcome] {
        checks.filter { $0.name == name }.map(\.outcome)
    }

    /// All details joined, for `contains` assertions on reasons.
    var details: String {
        checks.map(\.detail).joined(separator: " | ")
    }
}

extension SecuredCredential {
    static func embedded(_ object: JSONObject) -> SecuredCredential {
        .embedded(document: .object(object))
    }

    /// A VC-JWT from its compact form (header and payload decoded the way ingest does).
    static func jwt(_ compact: String) throws -> SecuredCredential {
        let parts = compact.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").map(String.init)
        func decode(_ part: String) throws -> JSONObject {
            var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while text.count % 4 != 0 { text += "=" }
            guard let data = Data(base64Encoded: text), let object = try JSONParser.parse(Array(data)).objectValue else {
                throw Fixtures.FixtureError.notAnObject(part)
            }
            return object
        }
        let header = try decode(parts[0])
        let payload = try decode(parts[1])
        let credential = payload["@context"] == nil ? payload["vc"] ?? .object(payload) : .object(payload)
        return .jwt(compact: compact, header: header, payload: payload, credential: credential)
    }
}
