import StrictJSON

extension Expander {
    /// Step 13: each member of `element`, keywords first-class and terms through their definitions.
    mutating func expandEntries(
        _ element: JSONObject, context active: ActiveContext, typeScoped: ActiveContext, activeProperty: String?, inputType: String?,
        result: inout JSONObject, nests: inout [String]
    ) throws(LinkedDataError) {
        for (key, value) in element where key != "@context" {
            path.append(key)
            defer { path.removeLast() }
            guard let property = active.expandIRI(key), property.contains(":") || Keyword.isKeyword(property) else {
                if safeMode { throw .unsafeDrop(.undefinedTerm(key), path: JSONPointer(tokens: path)) }
                continue
            }
            if Keyword.isKeyword(property) {
                try expandKeyword(
                    property, key: key, value: value, context: active, typeScoped: typeScoped, activeProperty: activeProperty,
                    inputType: inputType, result: &result, nests: &nests
                )
                continue
            }
            let definition = active.term(key)
            let container = definition?.container ?? []
            var expanded: JSONValue
            if definition?.typeMapping == "@json" {
                expanded = .object(["@value": value, "@type": "@json"])
            } else if container.contains(.language), case .object(let map) = value {
                expanded = .array(try expandLanguageMap(map, definition: definition, context: active))
            } else if !container.isDisjoint(with: [.index, .type, .id]), case .object(let map) = value {
                expanded = .array(try expandIndexMap(map, key: key, definition: definition, container: container, context: active))
            } else {
                expanded = try expand(value, context: active, activeProperty: key)
            }
            if expanded == .null { continue }
            if container.contains(.list), !(expanded.objectValue.map { $0["@list"] != nil } ?? false) {
                expanded = .object(["@list": .array(expanded.arrayValue ?? [expanded])])
            }
            if container.contains(.graph) && container.isDisjoint(with: [.id, .index]) {
                expanded = .array((expanded.arrayValue ?? [expanded]).map { .object(["@graph": .array($0.arrayValue ?? [$0])]) })
            }
            if definition?.isReverse == true {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for item in expanded.arrayValue ?? [expanded] {
                    if Self.isValueOrListObject(item) {
                        throw invalid(.invalidReversePropertyValue, "a reverse property cannot have a value or list as its value")
                    }
                    Self.addValue(item, to: &reverseMap, key: property)
                }
                result["@reverse"] = .object(reverseMap)
            } else {
                Self.addValue(expanded, to: &result, key: property)
            }
        }
    }

    /// Step 13.4: a member whose key is (or aliases) a keyword.
    private mutating func expandKeyword(
        _ keyword: String, key: String, value: JSONValue, context active: ActiveContext, typeScoped: ActiveContext,
        activeProperty: String?, inputType: String?, result: inout JSONObject, nests: inout [String]
    ) throws(LinkedDataError) {
        let mode = active.state.processingMode
        if activeProperty == "@reverse" {
            throw invalid(.invalidReversePropertyMap, "a reverse map cannot contain keywords")
        }
        if result[keyword] != nil && !(mode == .jsonLD11 && (keyword == "@included" || keyword == "@type")) {
            throw invalid(.collidingKeywords, "\(keyword) appears more than once (through aliases)")
        }
        var expanded: JSONValue
        switch keyword {
        case "@id":
            guard case .string(let id) = value else { throw invalid(.invalidIdValue, "@id must be a string") }
            let iri = active.expandIRI(id, documentRelative: true, vocab: false)
            try checkIdentifier(iri, original: id)
            expanded = iri.map(JSONValue.string) ?? .null
        case "@type":
            let types: [String]
            switch value {
            case .string(let s): types = [s]
            case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): types = items.compactMap(\.stringValue)
            default: throw invalid(.invalidTypeValue, "@type must be a string or an array of strings")
            }
            var iris: [JSONValue] = []
            for type in types {
                let iri = typeScoped.expandIRI(type, documentRelative: true, vocab: true)
                if iri != "@json" { try checkType(iri, original: type) }
                if let iri { iris.append(.string(iri)) }
            }
            expanded = value.stringValue != nil && iris.count == 1 ? iris[0] : .array(iris)
            if let existing = result["@type"] {
                expanded = .array((existing.arrayValue ?? [existing]) + iris)
            }
        case "@graph":
            let graph = try expand(value, context: active, activeProperty: "@graph")
            expanded = .array(graph.arrayValue ?? (graph == .null ? [] : [graph]))
        case "@included":
            if mode == .jsonLD10 { return }
            let included = try expand(value, context: active, activeProperty: nil)
            // A value that expands to nothing was not a node object either (the reference processors agree).
            var items = included.arrayValue ?? [included]
            guard items.allSatisfy(Self.isNodeObject) else {
                throw invalid(.invalidIncludedValue, "@included must contain node objects")
            }
            if let existing = result["@included"] { items = (existing.arrayValue ?? [existing]) + items }
            expanded = .array(items)
        case "@value":
            if inputType == "@json" {
                if mode == .jsonLD10 { throw invalid(.invalidValueObjectValue, "JSON literals need JSON-LD 1.1") }
                expanded = value
            } else {
                switch value {
                case .string, .number, .bool: expanded = value
                case .null:
                    result["@value"] = .null
                    return
                default: throw invalid(.invalidValueObjectValue, "@value must be a string, number, boolean or null")
                }
            }
        case "@language":
            guard case .string(let language) = value else { throw invalid(.invalidLanguageTaggedString, "@language must be a string") }
            expanded = .string(language.lowercased())
        case "@direction":
            if mode == .jsonLD10 { return }
            guard value == .string("ltr") || value == .string("rtl") else {
                throw invalid(.invalidBaseDirection, "@direction must be \"ltr\" or \"rtl\"")
            }
            expanded = value
        case "@index":
            guard case .string = value else { throw invalid(.invalidIndexValue, "@index must be a string") }
            expanded = value
        case "@list":
            if activeProperty == nil || activeProperty == "@graph" { return }
            let list = try expand(value, context: active, activeProperty: activeProperty)
            expanded = .array(list.arrayValue ?? (list == .null ? [] : [list]))
        case "@set":
            expanded = try expand(value, context: active, activeProperty: activeProperty)
        case "@reverse":
            guard case .object = value else { throw invalid(.invalidReverseValue, "@reverse must be an object") }
            try expandReverse(value, context: active, result: &result)
            return
        case "@nest":
            if !nests.contains(key) { nests.append(key) }
            return
        default:
            return
        }
        result[keyword] = expanded
    }

    /// Step 13.4.13: a `@reverse` map; doubly reversed properties become forward ones.
    private mutating func expandReverse(_ value: JSONValue, context active: ActiveContext, result: inout JSONObject) throws(LinkedDataError) {
        guard case .object(let expanded) = try expand(value, context: active, activeProperty: "@reverse") else { return }
        if case .object(let doubled)? = expanded["@reverse"] {
            for (property, item) in doubled { Self.addValue(item, to: &result, key: property) }
        }
        var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
        var changed = false
        for (property, items) in expanded where property != "@reverse" {
            for item in items.arrayValue ?? [items] {
                if Self.isValueOrListObject(item) {
                    throw invalid(.invalidReversePropertyValue, "a reverse property cannot have a value or list as its value")
                }
                Self.addValue(item, to: &reverseMap, key: property)
                changed = true
            }
        }
        if changed { result["@reverse"] = .object(reverseMap) }
    }

    /// Step 13.7: a language map.
    private func expandLanguageMap(_ map: JSONObject, definition: TermDefinition?, context active: ActiveContext) throws(LinkedDataError)
        -> [JSONValue]
    {
        var out: [JSONValue] = []
        let direction = (definition?.direction ?? .absent).resolved(fallback: active.state.defaultDirection)
        for (language, languageValue) in map {
            let expandedLanguage = active.expandIRI(language)
            for item in languageValue.arrayValue ?? [languageValue] {
                if item == .null { continue }
                guard case .string = item else { throw invalid(.invalidLanguageMapValue, "language map values must be strings") }
                var v: JSONObject = ["@value": item]
                if language != "@none" && expandedLanguage != "@none" { v["@language"] = .string(language.lowercased()) }
                if let direction { v["@direction"] = .string(direction) }
                out.append(.object(v))
            }
        }
        return out
    }

    /// Step 13.8: an index, id or type map.
    private mutating func expandIndexMap(
        _ map: JSONObject, key: String, definition: TermDefinition?, container: ContainerMapping, context active: ActiveContext
    ) throws(LinkedDataError) -> [JSONValue] {
        var out: [JSONValue] = []
        let indexKey = definition?.index ?? "@index"
        for (index, indexValue) in map {
            path.append(index)
            defer { path.removeLast() }
            var mapContext = active
            if !container.isDisjoint(with: [.id, .type]) {
                mapContext = active.previousContext ?? active
                if container.contains(.type), let scoped = mapContext.term(index)?.scopedContext {
                    mapContext = try applyScoped(scoped, to: mapContext)
                }
            }
            let expandedIndex = active.expandIRI(index)
            let items = try expand(.array(indexValue.arrayValue ?? [indexValue]), context: mapContext, activeProperty: key, fromMap: true)
            for var item in items.arrayValue ?? [] {
                if container.contains(.graph), item.objectValue?["@graph"] == nil {
                    item = .object(["@graph": .array(item.arrayValue ?? [item])])
                }
                guard case .object(var object) = item else { continue }
                if container.contains(.index), indexKey != "@index", expandedIndex != "@none" {
                    let reExpanded = try expandValue(.string(index), context: active, activeProperty: indexKey)
                    let expandedIndexKey = active.expandIRI(indexKey) ?? indexKey
                    let existing = object[expandedIndexKey].map { $0.arrayValue ?? [$0] } ?? []
                    object[expandedIndexKey] = .array([.object(reExpanded)] + existing)
                    if object["@value"] != nil {
                        throw invalid(.invalidValueObject, "a value in a property-valued index cannot take the index property")
                    }
                } else if container.contains(.index), object["@index"] == nil, expandedIndex != "@none" {
                    object["@index"] = .string(index)
                } else if container.contains(.id), object["@id"] == nil, expandedIndex != "@none" {
                    let id = active.expandIRI(index, documentRelative: true, vocab: false)
                    try checkIdentifier(id, original: index)
                    object["@id"] = id.map(JSONValue.string) ?? .null
                } else if container.contains(.type), expandedIndex != "@none", let expandedIndex {
                    let existing = object["@type"].map { $0.arrayValue ?? [$0] } ?? []
                    object["@type"] = .array([.string(expandedIndex)] + existing)
                }
                out.append(.object(object))
            }
        }
        return out
    }
}
