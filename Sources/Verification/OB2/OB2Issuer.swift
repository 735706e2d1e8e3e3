import Foundation
import StrictJSON

/// The BadgeClass and issuer Profile of an OB 2.0 assertion, embedded or fetched from their URLs.
struct OB2Issuer {
    let profile: JSONObject
    var id: String? { profile["id"]?.stringValue }

    private static let accept = "application/ld+json, application/json"

    /// Follows `assertion.badge` to its `issuer`, fetching whichever is a URL.
    static func load(for assertion: JSONObject, documents: DocumentLoader, now: Date) async -> Result<OB2Issuer, CheckFailure> {
        guard let badgeValue = assertion["badge"] else { return .failure(CheckFailure(.failed(.format, "the assertion has no badge"))) }
        let badge: JSONObject
        switch await object(badgeValue, what: "badge class", documents: documents, now: now) {
        case .failure(let check): return .failure(check)
        case .success(let found): badge = found
        }
        guard let issuerValue = badge["issuer"] else { return .failure(CheckFailure(.failed(.format, "the badge class has no issuer"))) }
        return await object(issuerValue, what: "issuer profile", documents: documents, now: now).map(OB2Issuer.init)
    }

    /// An embedded object, or the object fetched from a URL.
    private static func object(_ value: JSONValue, what: String, documents: DocumentLoader, now: Date) async -> Result<JSONObject, CheckFailure> {
        if let object = value.objectValue { return .success(object) }
        guard let url = value.stringValue else { return .failure(CheckFailure(.failed(.format, "the \(what) is neither a URL nor an object"))) }
        switch await documents.json(url, accept: accept, now: now) {
        case .failure(let failure):
            return .failure(CheckFailure(.failed(.keyBinding, "the \(what) could not be fetched: \(failure.detail)", effect: .unverifiable)))
        case .success(let json):
            guard let object = json.objectValue else { return .failure(CheckFailure(.failed(.format, "the \(what) at \(url) is not a JSON object"))) }
            return .success(object)
        }
    }

    /// Whether the issuer vouches for an assertion hosted at `url` (OB 2.0 §Hosted verification): its
    /// `verification.startsWith` prefixes or `allowedOrigins` hosts if it states them, else the issuer id's own host.
    func allowsHosting(at url: String) -> Bool {
        let policy = profile["verification"]?.objectValue
        let prefixes = (policy?["startsWith"]?.asList ?? []).compactMap(\.stringValue)
        if !prefixes.isEmpty { return prefixes.contains { url.hasPrefix($0) } }
        guard let host = Self.host(of: url) else { return false }
        let origins = (policy?["allowedOrigins"]?.asList ?? []).compactMap(\.stringValue)
        if !origins.isEmpty { return origins.contains { $0.lowercased() == host } }
        return id.flatMap(Self.host(of:)) == host
    }

    /// The lowercased host (with port) of an http(s) URL.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map(String.init) ?? ""
        return host.isEmpty ? nil : host.lowercased()
    }
}
