import StrictJSON

/// One `credentialStatus` entry, by the status method it names.
enum StatusEntry {
    /// BitstringStatusListEntry (W3C) or its predecessor StatusList2021Entry.
    case statusList(StatusListEntry)
    /// 1EdTech Revocation List (VCRL 1.0): a URL listing revoked credential ids.
    case revocationList(url: String)
    case unsupported(type: String)
    case malformed(String)

    /// The entries of `credentialStatus` (a single object or an array).
    static func entries(of credential: JSONObject) -> [StatusEntry] {
        (credential["credentialStatus"]?.asList ?? []).map { value in
            guard let object = value.objectValue else { return .malformed("a credentialStatus entry is not an object") }
            let types = (object["type"]?.asList ?? []).compactMap(\.stringValue)
            if types.contains("BitstringStatusListEntry") || types.contains("StatusList2021Entry") {
                return StatusListEntry.parse(object, legacy: !types.contains("BitstringStatusListEntry"))
            }
            if types.contains("1EdTechRevocationList") {
                guard let url = object["id"]?.stringValue else { return .malformed("the 1EdTechRevocationList entry has no id URL") }
                return .revocationList(url: url)
            }
            return .unsupported(type: types.first ?? "(no type)")
        }
    }
}

/// A status list entry (Bitstring Status List v1.0 §2.1).
struct StatusListEntry: Sendable, Hashable {
    var listURL: String
    var index: Int
    var purpose: String
    /// Bits per entry; above 1 only for `message` purposes.
    var size: Int
    /// True for StatusList2021Entry, whose list is plain base64url rather than multibase.
    var legacy: Bool

    var listType: String { legacy ? "StatusList2021Credential" : "BitstringStatusListCredential" }

    /// Parses an entry; a malformed value is the W3C MALFORMED_VALUE_ERROR.
    static func parse(_ object: JSONObject, legacy: Bool) -> StatusEntry {
        guard let url = object["statusListCredential"]?.stringValue else {
            return .malformed("MALFORMED_VALUE_ERROR: the status entry has no statusListCredential")
        }
        let indexValue = object["statusListIndex"]
        guard let index = indexValue?.stringValue.flatMap({ Int($0) }) ?? indexValue?.numberValue?.intValue, index >= 0 else {
            return .malformed("MALFORMED_VALUE_ERROR: statusListIndex is not a non-negative integer")
        }
        guard let purpose = object["statusPurpose"]?.stringValue else {
            return .malformed("MALFORMED_VALUE_ERROR: the status entry has no statusPurpose")
        }
        let sizeValue = object["statusSize"]
        let size = sizeValue.map { $0.numberValue?.intValue ?? $0.stringValue.flatMap { Int($0) } ?? 0 } ?? 1
        guard (1...8).contains(size) else { return .malformed("MALFORMED_VALUE_ERROR: statusSize must be 1 to 8 bits") }
        return .statusList(StatusListEntry(listURL: url, index: index, purpose: purpose, size: size, legacy: legacy))
    }
}
