import StrictJSON

/// Deserialize JSON-LD to RDF (API §8.1–8.4) straight from expanded JSON-LD. It yields the same dataset as
/// node map generation followed by the spec's conversion: merging nodes only removes duplicate triples, which
/// the dataset drops anyway, and blank node labels are relabelled by canonicalization.
struct RDFConverter {
    let safeMode: Bool
    let rdfDirection: RDFDirection?
    private(set) var dataset = RDFDataset()
    private var blankNodes: [String: RDFDataset.Term] = [:]
    private var rdfType = RDFDataset.Term.absent
    private var rdfFirst = RDFDataset.Term.absent
    private var rdfRest = RDFDataset.Term.absent
    private var rdfNil = RDFDataset.Term.absent

    init(safeMode: Bool, rdfDirection: RDFDirection?) {
        self.safeMode = safeMode
        self.rdfDirection = rdfDirection
        rdfType = dataset.iri(RDFVocabulary.type)
        rdfFirst = dataset.iri(RDFVocabulary.first)
        rdfRest = dataset.iri(RDFVocabulary.rest)
        rdfNil = dataset.iri(RDFVocabulary.nil_)
    }

    /// Adds the nodes of an expanded document (or of a graph) to `graph`; `emit` is false inside a graph whose
    /// name is not well-formed, whose statements are dropped while nested graphs are still visited.
    mutating func add(_ nodes: [JSONValue], graph: RDFDataset.Term, emit: Bool) throws(LinkedDataError) {
        for node in nodes {
            if case .object(let object) = node, object["@value"] == nil, object["@list"] == nil {
                _ = try addNode(object, graph: graph, emit: emit)
            }
        }
    }

    /// Adds a node's statements and returns its subject, or `nil` when its `@id` is not a well-formed IRI.
    private mutating func addNode(_ node: JSONObject, graph: RDFDataset.Term, emit: Bool) throws(LinkedDataError) -> RDFDataset.Term? {
        let subject: RDFDataset.Term?
        switch node["@id"] {
        case .string(let id)?: subject = try resource(id)
        case nil: subject = dataset.newBlankNode()
        default: subject = nil
        }
        let emitHere = emit && subject != nil
        for (property, values) in node {
            switch property {
            case "@type":
                for type in values.asList.compactMap(\.stringValue) {
                    if let object = try resource(type), emitHere, let subject { dataset.add(subject, rdfType, object, graph: graph) }
                }
            case "@reverse":
                for (reverseProperty, items) in values.objectValue ?? JSONObject() {
                    let predicate = try predicateTerm(reverseProperty)
                    for item in items.asList {
                        guard case .object(let object) = item else { continue }
                        let other = try addNode(object, graph: graph, emit: emit)
                        if emit, let other, let predicate, let subject { dataset.add(other, predicate, subject, graph: graph) }
                    }
                }
            case "@graph":
                try add(values.asList, graph: subject ?? .absent, emit: subject != nil)
            case "@included":
                try add(values.asList, graph: graph, emit: emit)
            default:
                if Keyword.isKeyword(property) { continue }
                let predicate = try predicateTerm(property)
                for item in values.asList {
                    let object = try objectTerm(item, graph: graph, emit: emit)
                    if emitHere, let subject, let predicate, let object { dataset.add(subject, predicate, object, graph: graph) }
                }
            }
        }
        return subject
    }

    /// Object to RDF Conversion (§8.2): a node reference, list head or literal.
    private mutating func objectTerm(_ item: JSONValue, graph: RDFDataset.Term, emit: Bool) throws(LinkedDataError) -> RDFDataset.Term? {
        guard case .object(let object) = item else { return nil }
        if object["@value"] != nil { return try literal(object, graph: graph, emit: emit) }
        if let list = object["@list"] { return try listTerm(list.asList, graph: graph, emit: emit) }
        return try addNode(object, graph: graph, emit: emit)
    }

    /// List to RDF Conversion (§8.3).
    private mutating func listTerm(_ items: [JSONValue], graph: RDFDataset.Term, emit: Bool) throws(LinkedDataError) -> RDFDataset.Term {
        guard !items.isEmpty else { return rdfNil }
        let nodes = items.map { _ in dataset.newBlankNode() }
        for (index, item) in items.enumerated() {
            let object = try objectTerm(item, graph: graph, emit: emit)
            guard emit else { continue }
            if let object { dataset.add(nodes[index], rdfFirst, object, graph: graph) }
            dataset.add(nodes[index], rdfRest, index + 1 < nodes.count ? nodes[index + 1] : rdfNil, graph: graph)
        }
        return nodes[0]
    }

    /// A value object as an RDF literal: native values in canonical lexical form, `@json` through JCS.
    private mutating func literal(_ object: JSONObject, graph: RDFDataset.Term, emit: Bool) throws(LinkedDataError) -> RDFDataset.Term? {
        let value = object["@value"] ?? .null
        let datatype = object["@type"]?.stringValue
        if let datatype, datatype != "@json", !IRI.isWellFormed(datatype) {
            return try drop("datatype IRI \"\(datatype)\"")
        }
        let language = object["@language"]?.stringValue
        if let language, !IRI.isWellFormedLanguage(language) {
            return try drop("language tag \"\(language)\"")
        }
        if datatype == "@json" {
            return dataset.literal(try JCS.canonicalString(value), datatype: RDFVocabulary.json)
        }
        switch value {
        case .bool(let flag):
            return dataset.literal(flag ? "true" : "false", datatype: datatype ?? RDFVocabulary.xsdBoolean)
        case .number(let number):
            let double = number.double
            if double.truncatingRemainder(dividingBy: 1) != 0 || abs(double) >= 1e21 || datatype == RDFVocabulary.xsdDouble {
                return dataset.literal(XSDCanonicalForm.double(double), datatype: datatype ?? RDFVocabulary.xsdDouble)
            }
            return dataset.literal(XSDCanonicalForm.integer(double), datatype: datatype ?? RDFVocabulary.xsdInteger)
        case .string(let string):
            if let direction = object["@direction"]?.stringValue {
                return try directionalLiteral(string, language: language, direction: direction, graph: graph, emit: emit)
            }
            if let language { return dataset.literal(string, datatype: RDFVocabulary.langString, language: language) }
            return dataset.literal(string, datatype: datatype ?? RDFVocabulary.xsdString)
        default:
            return nil
        }
    }

    /// A string with a base direction, as `rdfDirection` says (§8.2 step 13).
    private mutating func directionalLiteral(
        _ string: String, language: String?, direction: String, graph: RDFDataset.Term, emit: Bool
    ) throws(LinkedDataError) -> RDFDataset.Term? {
        let lowercased = language?.lowercased() ?? ""
        switch rdfDirection {
        case .i18nDatatype?:
            return dataset.literal(string, datatype: RDFVocabulary.i18n + lowercased + "_" + direction)
        case .compoundLiteral?:
            let node = dataset.newBlankNode()
            guard emit else { return node }
            dataset.add(node, dataset.iri(RDFVocabulary.value), dataset.literal(string, datatype: RDFVocabulary.xsdString), graph: graph)
            if language != nil {
                dataset.add(node, dataset.iri(RDFVocabulary.language), dataset.literal(lowercased, datatype: RDFVocabulary.xsdString), graph: graph)
            }
            dataset.add(node, dataset.iri(RDFVocabulary.direction), dataset.literal(direction, datatype: RDFVocabulary.xsdString), graph: graph)
            return node
        case nil:
            if safeMode { throw .unsafeDrop(.baseDirection(string), path: .root) }
            if let language { return dataset.literal(string, datatype: RDFVocabulary.langString, language: language) }
            return dataset.literal(string, datatype: RDFVocabulary.xsdString)
        }
    }

    /// An IRI or blank node for `@id`/`@type` values; `nil` (or a safe-mode error) when not well-formed.
    private mutating func resource(_ value: String) throws(LinkedDataError) -> RDFDataset.Term? {
        if IRI.isBlankNode(value) {
            if let existing = blankNodes[value] { return existing }
            let node = dataset.newBlankNode()
            blankNodes[value] = node
            return node
        }
        guard IRI.isWellFormed(value) else { return try drop("IRI \"\(value)\"") }
        return dataset.iri(value, wellFormed: true)
    }

    /// Blank node properties are generalized RDF, which this processor does not produce.
    private mutating func predicateTerm(_ property: String) throws(LinkedDataError) -> RDFDataset.Term? {
        if IRI.isBlankNode(property) { return try drop("blank node property \"\(property)\"") }
        guard IRI.isWellFormed(property) else { return try drop("property IRI \"\(property)\"") }
        return dataset.iri(property, wellFormed: true)
    }

    private func drop(_ what: String) throws(LinkedDataError) -> RDFDataset.Term? {
        if safeMode { throw .unsafeDrop(.invalidRDFValue(what), path: .root) }
        return nil
    }
}
