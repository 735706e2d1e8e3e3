import StrictJSON

/// Create Term Definition (JSON-LD 1.1 API §4.2) for the terms of one local context, with the `defined` map
/// that detects cycles and IRI expansion that defines dependencies first.
struct TermDefinitionBuilder {
    let processor: ContextProcessor
    let local: JSONObject
    let baseURL: String?
    let isProtected: Bool
    let overrideProtected: Bool
    let remoteContexts: [String]
    private var defined: [String: Bool] = [:]

    init(
        processor: ContextProcessor, local: JSONObject, baseURL: String?, isProtected: Bool, overrideProtected: Bool,
        remoteContexts: [String]
    ) {
        self.processor = processor
        self.local = local
        self.baseURL = baseURL
        self.isProtected = isProtected
        self.overrideProtected = overrideProtected
        self.remoteContexts = remoteContexts
    }

    private static let allowedEntries: Set<String> = [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type",
    ]
    private static let genDelims: Set<Character> = [":", "/", "?", "#", "[", "]", "@"]

    /// Defines `term` from the local context into `active` (the Create Term Definition algorithm).
    mutating func define(_ term: String, in active: inout ContextState) throws(LinkedDataError) {
        if let state = defined[term] {
            if state { return }
            throw invalid(.cyclicIRIMapping, "the definition of \"\(term)\" depends on itself")
        }
        if term.isEmpty { throw invalid(.invalidTermDefinition, "the empty string cannot be a term") }
        defined[term] = false
        let rawValue = local[term] ?? .null
        let is11 = active.processingMode == .jsonLD11
        if term == "@type" {
            guard is11, case .object(let object) = rawValue, !object.isEmpty,
                object.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                object["@container"].map({ $0 == .string("@set") }) ?? true
            else { throw invalid(.keywordRedefinition, "@type may only be given @container: @set and @protected") }
        } else if Keyword.isKeyword(term) {
            throw invalid(.keywordRedefinition, "keyword \(term) cannot be redefined")
        } else if Keyword.hasKeywordForm(term) {
            return
        }
        let previous = active.terms.removeValue(forKey: term)
        let value: JSONObject
        var simpleTerm = false
        switch rawValue {
        case .null: value = ["@id": .null]
        case .string(let s):
            value = ["@id": .string(s)]
            simpleTerm = true
        case .object(let object): value = object
        default: throw invalid(.invalidTermDefinition, "the definition of \"\(term)\" must be a string, object or null")
        }

        var protected = isProtected
        if let flag = value["@protected"] {
            guard case .bool(let b) = flag else { throw invalid(.invalidProtectedValue, "@protected of \"\(term)\" must be a boolean") }
            if !is11 { throw invalid(.invalidTermDefinition, "@protected needs JSON-LD 1.1") }
            protected = b
        }
        var typeMapping: String?
        if let typeValue = value["@type"] {
            guard case .string(let type) = typeValue else { throw invalid(.invalidTypeMapping, "@type of \"\(term)\" must be a string") }
            let expanded = try expandIRI(type, in: &active)
            if (expanded == "@json" || expanded == "@none") && !is11 {
                throw invalid(.invalidTypeMapping, "\(type) needs JSON-LD 1.1")
            }
            guard let expanded, ["@id", "@json", "@none", "@vocab"].contains(expanded) || IRI.isAbsolute(expanded) else {
                throw invalid(.invalidTypeMapping, "@type of \"\(term)\" does not expand to an IRI")
            }
            typeMapping = expanded
        }

        var iri: String?
        var isReverse = false
        var isPrefix = false
        var container: ContainerMapping = []
        if let reverse = value["@reverse"] {
            if value["@id"] != nil || value["@nest"] != nil {
                throw invalid(.invalidReverseProperty, "reverse property \"\(term)\" cannot have @id or @nest")
            }
            guard case .string(let reverseIRI) = reverse else { throw invalid(.invalidIRIMapping, "@reverse of \"\(term)\" must be a string") }
            if Keyword.hasKeywordForm(reverseIRI) { return }
            guard let expanded = try expandIRI(reverseIRI, in: &active), expanded.contains(":") else {
                throw invalid(.invalidIRIMapping, "@reverse of \"\(term)\" does not expand to an IRI")
            }
            iri = expanded
            if let containerValue = value["@container"] {
                switch containerValue {
                case .string("@set"): container = .set
                case .string("@index"): container = .index
                case .null: break
                default: throw invalid(.invalidReverseProperty, "reverse property \"\(term)\" may only be a @set or @index container")
                }
            }
            isReverse = true
        } else if let id = value["@id"], id != .string(term) {
            if case .string(let idValue) = id {
                if !Keyword.isKeyword(idValue) && Keyword.hasKeywordForm(idValue) { return }
                guard let expanded = try expandIRI(idValue, in: &active),
                    Keyword.isKeyword(expanded) || IRI.isAbsolute(expanded) || IRI.isBlankNode(expanded)
                else { throw invalid(.invalidIRIMapping, "@id of \"\(term)\" does not expand to an IRI") }
                if expanded == "@context" { throw invalid(.invalidKeywordAlias, "@context cannot be aliased") }
                iri = expanded
                let inner = term.dropFirst().dropLast()
                if inner.contains(":") || term.contains("/") {
                    defined[term] = true
                    guard try expandIRI(term, in: &active) == expanded else {
                        throw invalid(.invalidIRIMapping, "term \"\(term)\" looks like an IRI but maps to a different one")
                    }
                }
                if !term.contains(":") && !term.contains("/") && simpleTerm
                    && (IRI.isBlankNode(expanded) || expanded.last.map { Self.genDelims.contains($0) } == true)
                {
                    isPrefix = true
                }
            } else if id != .null {
                throw invalid(.invalidIRIMapping, "@id of \"\(term)\" must be a string or null")
            }
        } else if let colon = term.firstIndex(of: ":"), colon != term.startIndex {
            let prefix = String(term[..<colon])
            let suffix = term[term.index(after: colon)...]
            if local[prefix] != nil { try define(prefix, in: &active) }
            if let prefixIRI = active.terms[prefix]?.iri {
                iri = prefixIRI + suffix
            } else {
                iri = term
            }
        } else if term.contains("/") {
            guard let expanded = active.expandIRI(term), IRI.isAbsolute(expanded) else {
                throw invalid(.invalidIRIMapping, "relative term \"\(term)\" does not expand to an IRI")
            }
            iri = expanded
        } else if term == "@type" {
            iri = "@type"
        } else if let vocabulary = active.vocabulary {
            iri = vocabulary + term
        } else {
            throw invalid(.invalidIRIMapping, "term \"\(term)\" has no IRI and there is no @vocab")
        }

        if let containerValue = value["@container"] {
            container = try parseContainer(containerValue, term: term, is11: is11)
            if container.contains(.type) {
                if typeMapping == nil { typeMapping = "@id" }
                guard typeMapping == "@id" || typeMapping == "@vocab" else {
                    throw invalid(.invalidTypeMapping, "a @type container needs @type @id or @vocab")
                }
            }
        }
        var index: String?
        if let indexValue = value["@index"] {
            guard is11, container.contains(.index) else { throw invalid(.invalidTermDefinition, "@index needs an @index container") }
            guard case .string(let indexKey) = indexValue, let expanded = active.expandIRI(indexKey), IRI.isAbsolute(expanded) else {
                throw invalid(.invalidTermDefinition, "@index of \"\(term)\" must expand to an IRI")
            }
            index = indexKey
        }
        var scoped: ScopedContext?
        if let contextValue = value["@context"] {
            if !is11 { throw invalid(.invalidTermDefinition, "scoped contexts need JSON-LD 1.1") }
            do {
                _ = try processor.process(
                    ActiveContext(active), local: contextValue, baseURL: baseURL, remoteContexts: remoteContexts,
                    overrideProtected: true, validateScoped: false
                )
            } catch {
                throw invalid(.invalidScopedContext, "the context of \"\(term)\" is invalid: \(error)")
            }
            scoped = ScopedContext(value: contextValue, baseURL: baseURL)
        }
        var language = Mapping<String>.absent
        if let languageValue = value["@language"], value["@type"] == nil {
            switch languageValue {
            case .null: language = .null
            case .string(let tag): language = .value(tag.lowercased())
            default: throw invalid(.invalidLanguageMapping, "@language of \"\(term)\" must be a string or null")
            }
        }
        var direction = Mapping<String>.absent
        if let directionValue = value["@direction"], value["@type"] == nil {
            switch directionValue {
            case .null: direction = .null
            case .string(let d) where d == "ltr" || d == "rtl": direction = .value(d)
            default: throw invalid(.invalidBaseDirection, "@direction of \"\(term)\" must be \"ltr\", \"rtl\" or null")
            }
        }
        var nest: String?
        if let nestValue = value["@nest"] {
            if !is11 { throw invalid(.invalidTermDefinition, "@nest needs JSON-LD 1.1") }
            guard case .string(let n) = nestValue, n == "@nest" || !Keyword.isKeyword(n) else {
                throw invalid(.invalidNestValue, "@nest of \"\(term)\" must be a term or @nest")
            }
            nest = n
        }
        if let prefixValue = value["@prefix"] {
            if !is11 || term.contains(":") || term.contains("/") {
                throw invalid(.invalidTermDefinition, "@prefix is not allowed on \"\(term)\"")
            }
            guard case .bool(let flag) = prefixValue else { throw invalid(.invalidPrefixValue, "@prefix must be a boolean") }
            isPrefix = flag
            if flag, let iri, Keyword.isKeyword(iri) { throw invalid(.invalidTermDefinition, "a keyword alias cannot be a prefix") }
        }
        if let unknown = value.keys.first(where: { !Self.allowedEntries.contains($0) }) {
            throw invalid(.invalidTermDefinition, "\"\(unknown)\" is not allowed in the definition of \"\(term)\"")
        }
        var definition = TermDefinition(
            iri: iri, isReverse: isReverse, typeMapping: typeMapping, language: language, direction: direction, container: container,
            index: index, nest: nest, isPrefix: isPrefix, isProtected: protected, scopedContext: scoped
        )
        if !overrideProtected, let previous, previous.isProtected {
            guard definition.isSameDefinition(as: previous) else {
                throw invalid(.protectedTermRedefinition, "protected term \"\(term)\" cannot be redefined")
            }
            definition = previous
        }
        active.terms[term] = definition
        defined[term] = true
    }

    /// IRI expansion during context processing: defines terms of this local context the value depends on first.
    private mutating func expandIRI(_ value: String, in active: inout ContextState) throws(LinkedDataError) -> String? {
        if Keyword.isKeyword(value) { return value }
        if Keyword.hasKeywordForm(value) { return nil }
        if local[value] != nil && defined[value] != true { try define(value, in: &active) }
        if let colon = value.firstIndex(of: ":"), colon != value.startIndex {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix != "_" && !suffix.hasPrefix("//") && local[prefix] != nil && defined[prefix] != true {
                try define(prefix, in: &active)
            }
        }
        return active.expandIRI(value, documentRelative: false, vocab: true)
    }

    /// A valid `@container` value: one keyword, `@graph` with `@id` or `@index` (and `@set`), or `@set` with one map kind.
    private func parseContainer(_ value: JSONValue, term: String, is11: Bool) throws(LinkedDataError) -> ContainerMapping {
        let items: [JSONValue]
        switch value {
        case .string: items = [value]
        case .array(let array) where is11: items = array
        default: throw invalid(.invalidContainerMapping, "@container of \"\(term)\" is not valid")
        }
        var mapping: ContainerMapping = []
        for item in items {
            guard case .string(let keyword) = item, let flag = ContainerMapping(keyword: keyword), !mapping.contains(flag) else {
                throw invalid(.invalidContainerMapping, "@container of \"\(term)\" is not valid")
            }
            if !is11 && (flag == .graph || flag == .id || flag == .type) {
                throw invalid(.invalidContainerMapping, "\(keyword) containers need JSON-LD 1.1")
            }
            mapping.insert(flag)
        }
        let maps = mapping.intersection([.id, .index, .type, .language])
        let valid: Bool
        if mapping.contains(.list) {
            valid = mapping == .list
        } else if mapping.contains(.graph) {
            valid = mapping.isSubset(of: [.graph, .id, .index, .set]) && !mapping.isSuperset(of: [.id, .index])
        } else {
            valid = maps.rawValue.nonzeroBitCount <= 1
        }
        guard valid, !mapping.isEmpty else { throw invalid(.invalidContainerMapping, "@container of \"\(term)\" is not valid") }
        return mapping
    }

    private func invalid(_ code: JSONLDErrorCode, _ detail: String) -> LinkedDataError {
        processor.invalid(code, detail)
    }
}
