import StrictJSON

/// The Expansion algorithm (JSON-LD 1.1 API §5.1), with safe mode: where the spec silently drops a key, or keeps
/// an identifier that can only become a relative IRI, safe mode stops with the key and its JSON pointer.
struct Expander {
    let processor: ContextProcessor
    let safeMode: Bool
    /// The document URL: base for relative context references inside the document.
    let documentURL: String?
    /// JSON pointer tokens of the value being expanded, for error messages.
    var path: [String] = []

    init(processor: ContextProcessor, safeMode: Bool, documentURL: String?) {
        self.processor = processor
        self.safeMode = safeMode
        self.documentURL = documentURL
    }

    /// Expands a whole document: the result is always an array of node objects.
    mutating func expandDocument(_ document: JSONValue, context: ActiveContext) throws(LinkedDataError) -> [JSONValue] {
        var expanded = try expand(document, context: context, activeProperty: nil)
        if case .object(let object) = expanded, object.count == 1, let graph = object["@graph"] {
            expanded = graph
        }
        switch expanded {
        case .null: return []
        case .array(let items): return items
        default: return [expanded]
        }
    }

    /// Expands one element under `activeProperty`; `.null` where the spec returns null.
    mutating func expand(
        _ element: JSONValue, context active: ActiveContext, activeProperty: String?, fromMap: Bool = false
    ) throws(LinkedDataError) -> JSONValue {
        let propertyDefinition = active.term(activeProperty)
        switch element {
        case .null:
            return .null
        case .array(let items):
            var result: [JSONValue] = []
            result.reserveCapacity(items.count)
            let isList = propertyDefinition?.container.contains(.list) == true
            for (index, item) in items.enumerated() {
                path.append(String(index))
                var expandedItem = try expand(item, context: active, activeProperty: activeProperty, fromMap: fromMap)
                path.removeLast()
                if isList, case .array = expandedItem {
                    expandedItem = .object(["@list": expandedItem])
                }
                switch expandedItem {
                case .array(let nested): result.append(contentsOf: nested)
                case .null: break
                default: result.append(expandedItem)
                }
            }
            return .array(result)
        case .object(let object):
            return try expandObject(object, context: active, activeProperty: activeProperty, propertyDefinition: propertyDefinition, fromMap: fromMap)
        default:
            if activeProperty == nil || activeProperty == "@graph" { return .null }
            var context = active
            if let scoped = propertyDefinition?.scopedContext {
                context = try applyScoped(scoped, to: active, overrideProtected: true)
            }
            return .object(try expandValue(element, context: context, activeProperty: activeProperty))
        }
    }

    /// Applies a term's scoped context (cached by its identity).
    func applyScoped(_ scoped: ScopedContext, to active: ActiveContext, overrideProtected: Bool = false, propagate: Bool = true)
        throws(LinkedDataError) -> ActiveContext
    {
        try processor.process(
            active, local: scoped.value, baseURL: scoped.baseURL, overrideProtected: overrideProtected, propagate: propagate,
            scopedIdentity: scoped.identity
        )
    }

    /// Value Expansion (§5.3).
    func expandValue(_ value: JSONValue, context active: ActiveContext, activeProperty: String?) throws(LinkedDataError) -> JSONObject {
        let definition = active.term(activeProperty)
        if case .string(let string) = value, let typeMapping = definition?.typeMapping {
            if typeMapping == "@id" {
                let id = active.expandIRI(string, documentRelative: true, vocab: false)
                try checkIdentifier(id, original: string)
                return ["@id": id.map(JSONValue.string) ?? .null]
            }
            if typeMapping == "@vocab" {
                let id = active.expandIRI(string, documentRelative: true, vocab: true)
                try checkType(id, original: string)
                return ["@id": id.map(JSONValue.string) ?? .null]
            }
        }
        var result: JSONObject = ["@value": value]
        if let typeMapping = definition?.typeMapping, typeMapping != "@id", typeMapping != "@vocab", typeMapping != "@none" {
            result["@type"] = .string(typeMapping)
        } else if case .string = value {
            let language = (definition?.language ?? .absent).resolved(fallback: active.state.defaultLanguage)
            let direction = (definition?.direction ?? .absent).resolved(fallback: active.state.defaultDirection)
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        return result
    }

    /// Safe mode: an `@id` must end up absolute or a blank node identifier.
    func checkIdentifier(_ expanded: String?, original: String) throws(LinkedDataError) {
        guard safeMode else { return }
        if let expanded, IRI.isAbsolute(expanded) || IRI.isBlankNode(expanded) { return }
        throw .unsafeDrop(.relativeIdentifier(original), path: JSONPointer(tokens: path))
    }

    /// Safe mode: a type (or `@vocab`-typed value) must end up absolute or a blank node identifier.
    func checkType(_ expanded: String?, original: String) throws(LinkedDataError) {
        guard safeMode else { return }
        if let expanded, IRI.isAbsolute(expanded) || IRI.isBlankNode(expanded) { return }
        throw .unsafeDrop(.relativeType(original), path: JSONPointer(tokens: path))
    }

    func invalid(_ code: JSONLDErrorCode, _ detail: String) -> LinkedDataError {
        .invalidJSONLD(code: code, detail: detail, path: JSONPointer(tokens: path))
    }
}
