/// A JSON object that remembers member order. Equality ignores order, as JSON's does.
public struct JSONObject: Sendable, Hashable, Sequence {
    public typealias Element = (key: String, value: JSONValue)

    public private(set) var entries: [Element]
    /// Key positions, kept only for objects large enough that a linear scan costs more than the table
    /// (JSON-LD contexts have hundreds of terms; credential objects a handful of members).
    private var index: [String: Int]?

    private static let indexThreshold = 12

    public init() {
        self.entries = []
    }

    /// Members in order; a repeated key keeps its last value in the first key's place.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        self.entries = []
        for (k, v) in members { self[k] = v }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    public func makeIterator() -> IndexingIterator<[Element]> {
        entries.makeIterator()
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let i = position(of: key) {
                if let newValue {
                    entries[i].value = newValue
                } else {
                    entries.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                entries.append((key, newValue))
                if index != nil {
                    index![key] = entries.count - 1
                } else if entries.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    public func contains(_ key: String) -> Bool {
        position(of: key) != nil
    }

    /// A copy without the given member.
    public func removing(_ key: String) -> JSONObject {
        var copy = self
        copy[key] = nil
        return copy
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.indexThreshold else {
            index = nil
            return
        }
        var table = [String: Int](minimumCapacity: entries.count)
        for (i, e) in entries.enumerated() { table[e.key] = i }
        index = table
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: sum the members' own hashes.
        var sum = 0
        for e in entries {
            var h = Hasher()
            h.combine(e.key)
            h.combine(e.value)
            sum &+= h.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

extension JSONObject {
    /// Members in order, leaving out those whose value is `nil`: for building documents with optional fields.
    public init(compacting members: KeyValuePairs<String, JSONValue?>) {
        self.init(members.compactMap { key, value in value.map { (key, $0) } })
    }
}

extension JSONValue {
    /// A string value, or `nil` for `nil`, to pair with `JSONObject(compacting:)`.
    public static func text(_ value: String?) -> JSONValue? {
        value.map(JSONValue.string)
    }

    /// A number value for a finite double, or `nil`.
    public static func number(_ value: Double?) -> JSONValue? {
        value.flatMap(JSONNumber.init).map(JSONValue.number)
    }

    /// A number value for an integer, or `nil`.
    public static func number(_ value: Int?) -> JSONValue? {
        value.map { .number(JSONNumber($0)) }
    }

    /// An array of strings, or `nil` when empty (optional lists are left out rather than sent empty).
    public static func texts(_ values: [String]) -> JSONValue? {
        values.isEmpty ? nil : .array(values.map(JSONValue.string))
    }
}
