import StrictJSON

/// A JSON value together with where it sits in the document, so every finding can name its place.
struct Node {
    let value: JSONValue
    let pointer: JSONPointer

    init(_ value: JSONValue, at pointer: JSONPointer) {
        self.value = value
        self.pointer = pointer
    }

    /// The member `key`; `nil` when absent or `null` (JSON-LD ignores nulls, and so do we).
    subscript(key: String) -> Node? {
        guard let member = value[key], !member.isNull else { return nil }
        return Node(member, at: pointer / key)
    }

    var object: JSONObject? { value.objectValue }
    var string: String? { value.stringValue }

    func has(_ key: String) -> Bool { self[key] != nil }
}
