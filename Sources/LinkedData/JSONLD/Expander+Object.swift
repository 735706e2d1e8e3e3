import StrictJSON

extension Expander {
    /// Steps 7–20 of the Expansion algorithm, for a map.
    mutating func expandObject(
        _ element: JSONObject, context original: ActiveContext, activeProperty: String?, propertyDefinition: TermDefinition?,
        fromMap: Bool
    ) throws(LinkedDataError) -> JSONValue {
        var active = original
        if let previous = active.previousContext, !fromMap {
            let keepsScope =
                (element.count == 1 && element.keys.first.map { active.isKeyword("@id", key: $0) } == true)
                || element.contains { active.isKeyword("@value", key: $0.key) }
            if !keepsScope { active = previous }
        }
        if let scoped = propertyDefinition?.scopedContext {
            active = try applyScoped(scoped, to: active, overrideProtected: true)
        }
        if let local = element["@context"] {
            path.append("@context")
            active = try processor.process(active, local: local, baseURL: documentURL)
            path.removeLast()
        }
        let typeScoped = active
        let typeKeys = element.keys.filter { active.isKeyword("@type", key: $0) }.sorted(by: Self.codePointOrder)
        for key in typeKeys {
            let terms = (element[key] ?? .null).asList.compactMap(\.stringValue).sorted(by: Self.codePointOrder)
            for term in terms {
                if let scoped = typeScoped.term(term)?.scopedContext {
                    active = try applyScoped(scoped, to: active, propagate: false)
                }
            }
        }
        var inputType: String?
        if let first = typeKeys.first, let last = (element[first] ?? .null).asList.last?.stringValue {
            inputType = active.expandIRI(last, documentRelative: true, vocab: true)
        }
        var result = JSONObject()
        var nests: [String] = []
        try expandEntries(
            element, context: active, typeScoped: typeScoped, activeProperty: activeProperty, inputType: inputType,
            result: &result, nests: &nests
        )
        try expandNests(nests, of: element, context: active, typeScoped: typeScoped, inputType: inputType, result: &result)
        return try finish(result, activeProperty: activeProperty, processingMode: active.state.processingMode)
    }

    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// Step 14: the members of `@nest` objects are expanded as if they were members of the element.
    private mutating func expandNests(
        _ nests: [String], of element: JSONObject, context active: ActiveContext, typeScoped: ActiveContext, inputType: String?,
        result: inout JSONObject
    ) throws(LinkedDataError) {
        for nestingKey in nests {
            path.append(nestingKey)
            defer { path.removeLast() }
            for nested in (element[nestingKey] ?? .null).asList {
                guard case .object(let object) = nested, !object.contains(where: { active.isKeyword("@value", key: $0.key) }) else {
                    throw invalid(.invalidNestValue, "the value of a @nest property must be an object that is not a value object")
                }
                var nestedContext = active
                if let scoped = active.term(nestingKey)?.scopedContext {
                    nestedContext = try applyScoped(scoped, to: active, overrideProtected: true)
                }
                var innerNests: [String] = []
                try expandEntries(
                    object, context: nestedContext, typeScoped: typeScoped, activeProperty: nestingKey, inputType: inputType,
                    result: &result, nests: &innerNests
                )
                try expandNests(innerNests, of: object, context: nestedContext, typeScoped: typeScoped, inputType: inputType, result: &result)
            }
        }
    }

    /// Steps 15–19: value, set and list object checks, and dropping free-floating values.
    private func finish(_ object: JSONObject, activeProperty: String?, processingMode: ProcessingMode) throws(LinkedDataError) -> JSONValue {
        var result = JSONValue.object(object)
        if let value = object["@value"] {
            let allowed: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]
            if object.keys.contains(where: { !allowed.contains($0) })
                || (object["@type"] != nil && (object["@language"] != nil || object["@direction"] != nil))
            {
                throw invalid(.invalidValueObject, "a value object may only have @value, @type or @language/@direction, and @index")
            }
            if object["@type"] == .string("@json") {
                // A JSON literal may hold any JSON value.
            } else if value == .null || value == .array([]) {
                return .null
            } else if value.stringValue == nil && object["@language"] != nil {
                throw invalid(.invalidLanguageTaggedValue, "only strings can have a language")
            } else if let type = object["@type"] {
                guard case .string(let iri) = type, IRI.isAbsolute(iri), !IRI.isBlankNode(iri) else {
                    throw invalid(.invalidTypedValue, "the @type of a value must be an IRI")
                }
            }
        } else if let type = object["@type"], type.arrayValue == nil {
            var copy = object
            copy["@type"] = .array([type])
            result = .object(copy)
        } else if object["@set"] != nil || object["@list"] != nil {
            guard object.count == 1 || (object.count == 2 && object["@index"] != nil) else {
                throw invalid(.invalidSetOrListObject, "@set and @list objects may only also have @index")
            }
            if let set = object["@set"] { result = set }
        }
        guard case .object(let final) = result else { return result }
        if final.count == 1 && final["@language"] != nil { return .null }
        if activeProperty == nil || activeProperty == "@graph" {
            if final.isEmpty || final["@value"] != nil || final["@list"] != nil { return .null }
            if final.count == 1 && final["@id"] != nil { return .null }
        }
        return result
    }

    static func isValueOrListObject(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return false }
        return object["@value"] != nil || object["@list"] != nil
    }

    static func isNodeObject(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return false }
        return object["@value"] == nil && object["@list"] == nil && object["@set"] == nil
    }

    /// Add value (JSON-LD 1.1 API §9.3) with `as array`: appends to the member's array, creating it when needed.
    static func addValue(_ value: JSONValue, to object: inout JSONObject, key: String) {
        let addition = value.arrayValue ?? [value]
        if let existing = object[key] {
            object[key] = .array((existing.arrayValue ?? [existing]) + addition)
        } else {
            object[key] = .array(addition)
        }
    }
}
