/// The processing mode a context runs in (`@version`, or the processingMode option).
enum ProcessingMode: Sendable, Hashable {
    case jsonLD10
    case jsonLD11
}

/// The mutable fields of an active context while a local context is being applied.
struct ContextState: Sendable {
    var terms: [String: TermDefinition] = [:]
    var baseIRI: String?
    var originalBaseURL: String?
    var vocabulary: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    var previousContext: ActiveContext?
    var processingMode: ProcessingMode = .jsonLD11

    /// IRI Expansion (§5.2) for an active context; `nil` where the spec yields `null`.
    func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = true) -> String? {
        if value.utf8.first == UInt8(ascii: "@") {
            if Keyword.isKeyword(value) { return value }
            if Keyword.hasKeywordForm(value) { return nil }
        }
        if let definition = terms[value] {
            if let iri = definition.iri, Keyword.isKeyword(iri) { return iri }
            if vocab { return definition.iri }
        }
        if let colon = value.utf8.firstIndex(of: UInt8(ascii: ":")), colon != value.utf8.startIndex {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let definition = terms[prefix], let iri = definition.iri, definition.isPrefix {
                return iri + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        if vocab, let vocabulary { return vocabulary + value }
        if documentRelative, let baseIRI { return IRI.resolve(value, against: baseIRI) }
        return value
    }
}

/// An active context (§4.1): immutable, shared between documents through the context cache.
final class ActiveContext: Sendable {
    let state: ContextState
    let identity: Int
    /// Terms aliasing `@type`, `@id` and `@value`, so expansion can recognise those members without an IRI
    /// expansion per key (the hot path: every node object in a credential is checked for them).
    let typeAliases: [String]
    let idAliases: [String]
    let valueAliases: [String]

    init(_ state: ContextState) {
        self.state = state
        self.identity = UniqueIdentity.next()
        var types: [String] = []
        var ids: [String] = []
        var values: [String] = []
        for (term, definition) in state.terms {
            switch definition.iri {
            case "@type": types.append(term)
            case "@id": ids.append(term)
            case "@value": values.append(term)
            default: break
            }
        }
        self.typeAliases = types
        self.idAliases = ids
        self.valueAliases = values
    }

    /// True when `key` expands to `keyword` (one of `@type`, `@id`, `@value`).
    func isKeyword(_ keyword: String, key: String) -> Bool {
        if key == keyword { return true }
        switch keyword {
        case "@type": return typeAliases.contains(key)
        case "@id": return idAliases.contains(key)
        case "@value": return valueAliases.contains(key)
        default: return expandIRI(key) == keyword
        }
    }

    /// A fresh context whose base IRI is the document's URL (or the `base` option).
    static func initial(baseIRI: String?, processingMode: ProcessingMode = .jsonLD11) -> ActiveContext {
        var state = ContextState()
        state.baseIRI = baseIRI
        state.originalBaseURL = baseIRI
        state.processingMode = processingMode
        return ActiveContext(state)
    }

    var terms: [String: TermDefinition] { state.terms }
    var previousContext: ActiveContext? { state.previousContext }

    func term(_ name: String?) -> TermDefinition? {
        guard let name else { return nil }
        return state.terms[name]
    }

    func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = true) -> String? {
        state.expandIRI(value, documentRelative: documentRelative, vocab: vocab)
    }
}
