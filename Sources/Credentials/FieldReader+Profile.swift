import StrictJSON

extension FieldReader {
    /// A profile field: a `Profile` object, or a bare URI naming one (a warning: nothing but its id is known then).
    /// With `essential`, a missing or id-less profile is a problem; otherwise a warning and `nil`.
    func profile(_ parent: Node, _ key: String, what: String, essential: Bool) -> Profile? {
        guard let node = parent[key] else {
            if essential { log.problem(.missingField, "\(what) is missing", at: parent.pointer / key) }
            return nil
        }
        return profile(of: node, what: what, essential: essential)
    }

    /// The profile a value holds: an object with an id, or a bare URI.
    func profile(of node: Node, what: String, essential: Bool) -> Profile? {
        switch node.value {
        case .string(let uri):
            guard Self.looksLikeURI(uri) else {
                report(essential, .invalidIdentifier, "\(what) must be a URI or a Profile object, found \"\(uri.prefix(80))\"", at: node.pointer)
                return nil
            }
            log.warn(.profileByReference, "\(what) is given only by its URI; its name and other details are unknown", at: node.pointer)
            return Profile(id: uri, isEmbedded: false)
        case .object:
            break
        default:
            report(essential, .wrongKind, "\(what) must be a Profile object or a URI, found \(node.value.kindName)", at: node.pointer)
            return nil
        }
        let types = checkType(node, expected: version == .v3 ? ["Profile"] : ["Issuer", "Profile"], what: what)
        let id: String?
        if essential {
            id = requiredIdentifier(node, "id", what: "\(what)'s id")
        } else {
            id = text(node, "id")
            if id == nil { log.warn(.missingRecommendedField, "\(what) has no id; ignored", at: node.pointer / "id") }
        }
        guard let id else { return nil }
        var profile = Profile(id: id, types: types, raw: node.value)
        profile.name = text(node, "name")
        profile.url = text(node, "url")
        profile.email = text(node, "email")
        profile.phone = text(node, "phone") ?? text(node, "telephone")
        profile.description = text(node, "description")
        profile.image = image(node, "image")
        profile.otherIdentifiers = identifierEntries(node, "otherIdentifier")
        if let parent = node["parentOrg"] {
            profile.parentOrg = parentOrganisation(parent)
        }
        profile.revocationList = text(node, "revocationList")
        profile.publicKeys = list(node, "publicKey").compactMap { key in key.string ?? text(key, "id") }
        return profile
    }

    private func parentOrganisation(_ node: Node) -> ProfileReference? {
        if let uri = node.string { return ProfileReference(id: uri) }
        guard node.object != nil else {
            log.warn(.ignoredValue, "parentOrg should be a Profile object, found \(node.value.kindName); ignored", at: node.pointer)
            return nil
        }
        checkType(node, expected: ["Profile"], what: "parent organisation")
        guard let id = text(node, "id") else {
            log.warn(.missingRecommendedField, "parent organisation has no id; ignored", at: node.pointer / "id")
            return nil
        }
        return ProfileReference(id: id, name: text(node, "name"))
    }
}
