public import StrictJSON

/// An organisation or person in a credential: the issuer, an achievement's creator, the subject's assessing `source`,
/// or an endorser. OB 3.0 `Profile`, OB 2.0 `Issuer`/`Profile`.
public struct Profile: Sendable, Hashable {
    public var id: String
    public var types: [String]
    public var name: String?
    public var url: String?
    public var email: String?
    public var phone: String?
    public var description: String?
    public var image: ImageReference?
    /// The parent organisation's id and name (OB 3.0 `parentOrg`).
    public var parentOrg: ProfileReference?
    public var otherIdentifiers: [IdentifierEntry]
    /// OB 2.0 issuers: the URL of their revocation list.
    public var revocationList: String?
    /// OB 2.0 issuers: ids of their `publicKey` CryptographicKeys.
    public var publicKeys: [String]
    /// False when the credential only named the profile by URI, so everything but `id` is unknown.
    public var isEmbedded: Bool
    /// The profile object as received (`null` when it was given by reference), for storage and later re-reading.
    public var raw: JSONValue

    public init(
        id: String,
        types: [String] = [],
        name: String? = nil,
        url: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        description: String? = nil,
        image: ImageReference? = nil,
        parentOrg: ProfileReference? = nil,
        otherIdentifiers: [IdentifierEntry] = [],
        revocationList: String? = nil,
        publicKeys: [String] = [],
        isEmbedded: Bool = true,
        raw: JSONValue = .null
    ) {
        self.id = id
        self.types = types
        self.name = name
        self.url = url
        self.email = email
        self.phone = phone
        self.description = description
        self.image = image
        self.parentOrg = parentOrg
        self.otherIdentifiers = otherIdentifiers
        self.revocationList = revocationList
        self.publicKeys = publicKeys
        self.isEmbedded = isEmbedded
        self.raw = raw
    }
}

/// A profile named by id, with its name when the credential gave one.
public struct ProfileReference: Sendable, Hashable {
    public var id: String
    public var name: String?

    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

/// An alternative identifier of a profile or achievement (OB 3.0 `IdentifierEntry`).
public struct IdentifierEntry: Sendable, Hashable {
    public var identifier: String
    /// `sourcedId`, `nationalIdentityNumber`, `identifier`, `ext:…`, as received.
    public var identifierType: String?

    public init(identifier: String, identifierType: String?) {
        self.identifier = identifier
        self.identifierType = identifierType
    }
}

/// An image: its URL or data URI, and a caption when given (OB `Image`, or a bare URI string).
public struct ImageReference: Sendable, Hashable {
    public var id: String
    public var caption: String?

    public init(id: String, caption: String? = nil) {
        self.id = id
        self.caption = caption
    }
}
