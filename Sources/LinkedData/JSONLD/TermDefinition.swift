import StrictJSON

/// Which container keywords a term's `@container` names.
struct ContainerMapping: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let graph = ContainerMapping(rawValue: 1 << 0)
    static let id = ContainerMapping(rawValue: 1 << 1)
    static let index = ContainerMapping(rawValue: 1 << 2)
    static let language = ContainerMapping(rawValue: 1 << 3)
    static let list = ContainerMapping(rawValue: 1 << 4)
    static let set = ContainerMapping(rawValue: 1 << 5)
    static let type = ContainerMapping(rawValue: 1 << 6)

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    init?(keyword: String) {
        switch keyword {
        case "@graph": self = .graph
        case "@id": self = .id
        case "@index": self = .index
        case "@language": self = .language
        case "@list": self = .list
        case "@set": self = .set
        case "@type": self = .type
        default: return nil
        }
    }
}

/// A mapping that can be absent, explicitly `null`, or set (term language and direction mappings).
enum Mapping<Value: Hashable & Sendable>: Hashable, Sendable {
    case absent
    case null
    case value(Value)

    /// The mapping's value when set, `fallback` when absent, `nil` when explicitly null.
    func resolved(fallback: Value?) -> Value? {
        switch self {
        case .absent: return fallback
        case .null: return nil
        case .value(let v): return v
        }
    }
}

/// A context attached to a term (`@context` in its definition), with the URL relative references in it resolve
/// against. Its identity keys the processed-context cache, so the same scoped context is processed once.
final class ScopedContext: Sendable {
    let value: JSONValue
    let baseURL: String?
    let identity: Int

    init(value: JSONValue, baseURL: String?) {
        self.value = value
        self.baseURL = baseURL
        self.identity = UniqueIdentity.next()
    }
}

/// A term definition (JSON-LD 1.1 API §4.1): immutable once created.
final class TermDefinition: Sendable {
    /// The IRI mapping: an IRI, blank node identifier or keyword; `nil` for a term defined as `null`.
    let iri: String?
    let isReverse: Bool
    let typeMapping: String?
    let language: Mapping<String>
    let direction: Mapping<String>
    let container: ContainerMapping
    let index: String?
    let nest: String?
    let isPrefix: Bool
    let isProtected: Bool
    let scopedContext: ScopedContext?

    init(
        iri: String?, isReverse: Bool, typeMapping: String?, language: Mapping<String>, direction: Mapping<String>,
        container: ContainerMapping, index: String?, nest: String?, isPrefix: Bool, isProtected: Bool, scopedContext: ScopedContext?
    ) {
        self.iri = iri
        self.isReverse = isReverse
        self.typeMapping = typeMapping
        self.language = language
        self.direction = direction
        self.container = container
        self.index = index
        self.nest = nest
        self.isPrefix = isPrefix
        self.isProtected = isProtected
        self.scopedContext = scopedContext
    }

    /// Equal in everything but protection: the test a protected term's redefinition must pass.
    func isSameDefinition(as other: TermDefinition) -> Bool {
        iri == other.iri && isReverse == other.isReverse && typeMapping == other.typeMapping && language == other.language
            && direction == other.direction && container == other.container && index == other.index && nest == other.nest
            && isPrefix == other.isPrefix && scopedContext?.value == other.scopedContext?.value
    }
}
