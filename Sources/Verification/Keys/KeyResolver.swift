import Foundation
import StrictJSON

/// Finds the public key a verification method names, and who controls it.
struct KeyResolver: Sendable {
    let documents: DocumentLoader
    let now: Date

    private static let documentAccept = "application/did+ld+json, application/did+json, application/ld+json, application/json"

    /// Resolves a verification method URL: `did:key`, `did:jwk`, `did:web`, an HTTPS key or controller document,
    /// or `<controller>#z6Mk…` with the key in the fragment (the 1EdTech form).
    func resolve(_ methodID: String) async -> Result<ResolvedKey, KeyResolutionFailure> {
        await cached(methodID) { await resolveUncached(methodID) }
    }

    /// Resolves a JOSE `kid` that is not an absolute URL against the controller document of `base` (the JWT's `iss`
    /// or the credential's issuer), matching by fragment, JWK `kid` or JWK thumbprint (VC-JOSE-COSE §3.3).
    func resolve(keyID kid: String, relativeTo base: String) async -> Result<ResolvedKey, KeyResolutionFailure> {
        await cached(base + " " + kid) { await resolveUncached(keyID: kid, relativeTo: base) }
    }

    /// Reuses a key resolved earlier; an unconfirmed key only as long as a failed fetch is remembered, so it is
    /// confirmed as soon as the issuer's document becomes reachable.
    private func cached(
        _ key: String,
        _ resolve: () async -> Result<ResolvedKey, KeyResolutionFailure>
    ) async -> Result<ResolvedKey, KeyResolutionFailure> {
        if let known = documents.keys.value(for: key, at: now) { return .success(known) }
        let result = await resolve()
        if case .success(let resolved) = result {
            let keep: TimeInterval
            if case .unconfirmed = resolved.source { keep = documents.failureLifetime } else { keep = documents.lifetime }
            documents.keys.store(resolved, for: key, until: now.addingTimeInterval(keep), now: now)
        }
        return result
    }

    private func resolveUncached(_ methodID: String) async -> Result<ResolvedKey, KeyResolutionFailure> {
        let parts = methodID.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let base = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        guard let colon = base.firstIndex(of: ":"), base[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else {
            return .failure(.malformed("the verification method \"\(methodID)\" is not a URL"))
        }
        let scheme = base[..<colon].lowercased()
        if scheme == "did" { return await resolveDID(methodID, did: base, fragment: fragment) }
        guard ["https", "http", "urn"].contains(scheme) else {
            return .failure(.malformed("the verification method \"\(methodID)\" uses the unsupported scheme \(scheme):"))
        }
        if let fragment {
            switch FragmentKey(fragment, methodID: methodID) {
            case .key(let material):
                return .success(await confirm(material, methodID: methodID, controller: base))
            case .invalid(let failure):
                return .failure(failure)
            case .name:
                break
            }
        }
        guard scheme != "urn" else { return .failure(.malformed("the verification method \"\(methodID)\" cannot be dereferenced")) }
        return await fromDocument(at: base, methodID: methodID, subject: base)
    }

    private func resolveDID(_ methodID: String, did: String, fragment: String?) async -> Result<ResolvedKey, KeyResolutionFailure> {
        let method = did.split(separator: ":", maxSplits: 2).dropFirst().first.map(String.init) ?? ""
        switch method {
        case "key":
            let multibase = String(did.dropFirst("did:key:".count))
            if let fragment, fragment != multibase {
                return .failure(.malformed("\(methodID): a did:key fragment must repeat the key"))
            }
            return DecentralizedIdentifier.keyDID(did).map {
                ResolvedKey(id: did + "#" + multibase, controller: did, material: $0, source: .selfCertifyingDID, assertion: .authorized)
            }
        case "jwk":
            if let fragment, fragment != "0" { return .failure(.malformed("\(methodID): a did:jwk fragment must be #0")) }
            return DecentralizedIdentifier.jwkDID(did).map {
                ResolvedKey(id: did + "#0", controller: did, material: $0, source: .selfCertifyingDID, assertion: .authorized)
            }
        case "web":
            guard let url = DecentralizedIdentifier.webDocumentURL(did) else {
                return .failure(.malformed("\(did) is not a valid did:web identifier"))
            }
            guard fragment != nil else { return .failure(.malformed("\(methodID) names a DID, not one of its keys")) }
            return await fromDocument(at: url, methodID: methodID, subject: did)
        default:
            return .failure(.unavailable("the DID method \"\(method)\" of \(methodID) is not supported"))
        }
    }

    /// The document at `url`, which must describe `subject` (its `id`, when it states one): a document naming some other
    /// subject proves nothing about `subject`'s keys, whatever its methods' `controller` members claim.
    private func document(at url: String, about subject: String) async -> Result<ControllerDocument, KeyResolutionFailure> {
        let loaded = await documents.json(url, accept: Self.documentAccept, now: now)
        guard case .success(let json) = loaded, let object = json.objectValue else {
            if case .failure(let failure) = loaded { return .failure(.unavailable(failure.detail)) }
            return .failure(.malformed("\(url) is not a JSON object"))
        }
        let document = ControllerDocument(document: object, location: subject)
        guard document.isAbout(subject) else {
            return .failure(.malformed("the document at \(url) describes \(document.id), not \(subject)"))
        }
        return .success(document)
    }

    /// The document location for a controller id: a did:web document URL, or an http(s) URL itself.
    private static func location(of controller: String) -> String? {
        if controller.hasPrefix("did:web:") { return DecentralizedIdentifier.webDocumentURL(controller) }
        if controller.hasPrefix("https://") || controller.hasPrefix("http://") { return controller }
        return nil
    }

    /// Reads `methodID` from the document of `subject` at `url`. The key speaks for `subject`, the document's own id, which
    /// lists it. A document that is itself the verification method (no fragment) must be confirmed by its controller's.
    private func fromDocument(at url: String, methodID: String, subject: String) async -> Result<ResolvedKey, KeyResolutionFailure> {
        let document: ControllerDocument
        switch await self.document(at: url, about: subject) {
        case .failure(let failure): return .failure(failure)
        case .success(let found): document = found
        }
        if let method = document.method(withID: methodID), method != document.document || document.id != methodID {
            return VerificationMethod.key(of: method).map {
                ResolvedKey(
                    id: methodID, controller: subject, material: $0, source: .controllerDocument(url: url),
                    assertion: document.assertionAuthorization(of: methodID))
            }
        }
        guard document.id == methodID, let controller = document.document["controller"]?.stringValue,
            let controllerURL = Self.location(of: controller)
        else {
            return .failure(.malformed("\(url) does not list the verification method \(methodID)"))
        }
        let controllerDocument: ControllerDocument
        switch await self.document(at: controllerURL, about: controller) {
        case .failure(let failure): return .failure(failure)
        case .success(let found): controllerDocument = found
        }
        guard controllerDocument.references(methodID) else {
            return .failure(.malformed("\(controller) does not list \(methodID) among its keys"))
        }
        return VerificationMethod.key(of: document.document).map {
            ResolvedKey(
                id: methodID, controller: controller, material: $0, source: .controllerDocument(url: controllerURL),
                assertion: controllerDocument.assertionAuthorization(of: methodID))
        }
    }

    private func resolveUncached(keyID kid: String, relativeTo base: String) async -> Result<ResolvedKey, KeyResolutionFailure> {
        if base.hasPrefix("did:"), !base.hasPrefix("did:web:") { return await resolve(base + (kid.hasPrefix("#") ? kid : "#" + kid)) }
        guard let url = Self.location(of: base) else { return .failure(.malformed("the kid \(kid) cannot be resolved against \(base)")) }
        let document: ControllerDocument
        switch await self.document(at: url, about: base) {
        case .failure(let failure):
            return .failure(.init(detail: "the key \(kid) could not be looked up: \(failure.detail)", isUnavailable: failure.isUnavailable))
        case .success(let found): document = found
        }
        guard let method = document.method(matchingKeyID: kid) else {
            return .failure(.malformed("\(url) lists no key with id \(kid)"))
        }
        let id = method["id"].flatMap(\.stringValue).map(document.absolute) ?? base + "#" + kid
        return VerificationMethod.key(of: method).map {
            ResolvedKey(
                id: id, controller: base, material: $0, source: .controllerDocument(url: url), assertion: document.assertionAuthorization(of: id))
        }
    }

    /// A key the credential supplies itself (a fragment Multikey or a JOSE `jwk`), confirmed when `controller` is the did:key
    /// or did:jwk of that key, or its document lists the same key; otherwise marked unconfirmed.
    func confirm(_ material: PublicKeyMaterial, methodID: String, controller: String) async -> ResolvedKey {
        if controller.hasPrefix("did:key:") || controller.hasPrefix("did:jwk:") {
            let decoded = controller.hasPrefix("did:key:") ? DecentralizedIdentifier.keyDID(controller) : DecentralizedIdentifier.jwkDID(controller)
            if case .success(let key) = decoded, key.isSameKey(as: material) {
                return ResolvedKey(id: methodID, controller: controller, material: material, source: .selfCertifyingDID, assertion: .authorized)
            }
        }
        if let url = Self.location(of: controller), case .success(let document) = await document(at: url, about: controller) {
            if let method = document.method(withKey: material) {
                let id = method["id"].flatMap(\.stringValue).map(document.absolute) ?? methodID
                return ResolvedKey(
                    id: id, controller: controller, material: material, source: .controllerDocument(url: url),
                    assertion: document.assertionAuthorization(of: id))
            }
            // A profile that publishes keys and not this one contradicts the credential; one that publishes none is silent.
            if !document.methods.isEmpty {
                return ResolvedKey(id: methodID, controller: controller, material: material, source: .refuted(url: url), assertion: .unstated)
            }
        }
        return ResolvedKey(id: methodID, controller: controller, material: material, source: .unconfirmed(methodID), assertion: .unstated)
    }
}

/// What the fragment of a verification method URL holds: a Multikey (the 1EdTech `<issuer>#z6Mk…` form) or a name.
private enum FragmentKey {
    case key(PublicKeyMaterial)
    case invalid(KeyResolutionFailure)
    case name

    init(_ fragment: String, methodID: String) {
        // A base58btc fragment long enough to hold a codec and a key is meant as a Multikey; anything else is a name.
        guard fragment.hasPrefix("z"), fragment.count >= 40, Base58.decode(fragment.dropFirst()) != nil else {
            self = .name
            return
        }
        do {
            self = .key(try Multikey.decode(fragment))
        } catch {
            self = .invalid(.malformed("the fragment of \(methodID) is not a supported Multikey (\(error))"))
        }
    }
}
