import StrictJSON

/// A DID document, controller document, OB 2.0 issuer profile or JWK set, searched for verification methods.
struct ControllerDocument {
    let document: JSONObject
    /// Where the document was fetched from, used to resolve relative ids (`#key-1`).
    let location: String

    /// The document's own id, or its location when it has none.
    var id: String {
        document["id"]?.stringValue ?? location
    }

    /// Every verification method object the document lists, in `verificationMethod`, embedded in a relationship,
    /// in the pre-2020 `publicKey`, or as JWK set `keys`; the document itself when it is a single method.
    var methods: [JSONObject] {
        var found: [JSONObject] = []
        for member in ["verificationMethod", "assertionMethod", "authentication", "publicKey", "keys"] {
            for entry in document[member]?.asList ?? [] {
                if let object = entry.objectValue { found.append(object) }
            }
        }
        if found.isEmpty,
            document["publicKeyMultibase"] != nil || document["publicKeyJwk"] != nil || document["publicKeyPem"] != nil
                || document["kty"] != nil
        {
            found.append(document)
        }
        return found
    }

    /// True when the document is about `subject`: its `id` is `subject` (ignoring a trailing slash), or it states none.
    func isAbout(_ subject: String) -> Bool {
        guard let own = document["id"]?.stringValue else { return true }
        return own == subject || own.trimmingSuffix("/") == subject.trimmingSuffix("/")
    }

    /// True when the document lists `methodID` as one of its verification methods or in a relationship.
    func references(_ methodID: String) -> Bool {
        if method(withID: methodID) != nil { return true }
        return ["assertionMethod", "authentication", "verificationMethod"].contains { member in
            (document[member]?.asList ?? []).contains { $0.stringValue.map(absolute) == methodID }
        }
    }

    /// An absolute id for a possibly relative one.
    func absolute(_ id: String) -> String {
        if id.hasPrefix("#") { return self.id + id }
        return id
    }

    /// The method whose id is `methodID`.
    func method(withID methodID: String) -> JSONObject? {
        methods.first { method in
            guard let id = method["id"]?.stringValue ?? method["kid"]?.stringValue else { return false }
            return absolute(id) == methodID
        }
    }

    /// The method a JOSE `kid` that is not an absolute URL names: by fragment, JWK `kid`, or JWK thumbprint.
    func method(matchingKeyID kid: String) -> JSONObject? {
        let fragment = kid.hasPrefix("#") ? String(kid.dropFirst()) : kid
        return methods.first { method in
            if let id = method["id"]?.stringValue, absolute(id).hasSuffix("#" + fragment) { return true }
            let jwk = method["publicKeyJwk"]?.objectValue ?? (method["kty"] != nil ? method : nil)
            guard let jwk else { return false }
            return jwk["kid"]?.stringValue == fragment || JWK.thumbprint(jwk) == fragment
        }
    }

    /// The method listing the same key as `material`, for confirming a key read from elsewhere.
    func method(withKey material: PublicKeyMaterial) -> JSONObject? {
        methods.first { method in
            guard case .success(let key) = VerificationMethod.key(of: method) else { return false }
            return key.isSameKey(as: material)
        }
    }

    /// Whether the document authorises `methodID` for `assertionMethod` (VC Data Integrity §4.3 step "proof purpose").
    func assertionAuthorization(of methodID: String) -> ResolvedKey.AssertionAuthorization {
        guard let relationship = document["assertionMethod"] else { return .unstated }
        for entry in relationship.asList {
            let id = entry.stringValue ?? entry["id"]?.stringValue
            if let id, absolute(id) == methodID { return .authorized }
        }
        return .notAuthorized
    }

}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self[...]
    }
}
