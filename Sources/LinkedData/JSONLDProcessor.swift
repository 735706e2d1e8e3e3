public import StrictJSON

/// How toRdf keeps a value's base direction (`@direction`), which plain RDF literals cannot carry.
public enum RDFDirection: Sendable, Hashable {
    /// A datatype `https://www.w3.org/ns/i18n#{language}_{direction}`: what Digital Bazaar's jsonld-signatures
    /// (since 11.5) and its RDFC cryptosuites use, so the direction is covered by the proof.
    case i18nDatatype
    /// A blank node with `rdf:value`, `rdf:language` and `rdf:direction`.
    case compoundLiteral
}

/// Options for one JSON-LD operation.
public struct JSONLDOptions: Sendable {
    /// Stop on data the algorithms would silently drop (undefined terms, relative identifiers, values RDF cannot
    /// carry) instead of dropping it. VC Data Integrity verification requires this; the conformance suites do not.
    public var safeMode: Bool
    /// The document's own URL or the `base` option: base IRI for relative IRIs and relative context references.
    public var base: String?
    /// A context applied before the document's own (the `expandContext` option).
    public var expandContext: JSONValue?
    /// How `@direction` reaches RDF; `nil` drops it (the JSON-LD default), which safe mode then reports.
    public var rdfDirection: RDFDirection?
    public var canonicalization: CanonicalizationOptions

    public init(
        safeMode: Bool = true, base: String? = nil, expandContext: JSONValue? = nil, rdfDirection: RDFDirection? = .i18nDatatype,
        canonicalization: CanonicalizationOptions = CanonicalizationOptions()
    ) {
        self.safeMode = safeMode
        self.base = base
        self.expandContext = expandContext
        self.rdfDirection = rdfDirection
        self.canonicalization = canonicalization
    }
}

/// JSON-LD 1.1 expansion, toRdf and RDFC-1.0 canonicalization against a context loader. Processed contexts are
/// cached across calls and shared between copies of the processor, so keep one per loader; it is safe to use
/// from many tasks at once.
public struct JSONLDProcessor: Sendable {
    private let contexts: ContextProcessor
    private let initialContext = ActiveContext.initial(baseIRI: nil)

    public init(loader: any ContextLoader) {
        self.contexts = ContextProcessor(loader: loader, cache: ContextCache())
    }

    /// The expanded form of `document` (always an array of node objects).
    public func expand(_ document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws(LinkedDataError) -> [JSONValue] {
        var active = options.base.map { ActiveContext.initial(baseIRI: $0) } ?? initialContext
        if let expandContext = options.expandContext {
            let local = expandContext.objectValue?["@context"] ?? expandContext
            active = try contexts.process(active, local: local, baseURL: options.base)
        }
        var expander = Expander(processor: contexts, safeMode: options.safeMode, documentURL: options.base)
        return try expander.expandDocument(document, context: active)
    }

    /// The RDF dataset `document` denotes.
    public func toRDF(_ document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws(LinkedDataError) -> RDFDataset {
        let expanded = try expand(document, options: options)
        var converter = RDFConverter(safeMode: options.safeMode, rdfDirection: options.rdfDirection)
        try converter.add(expanded, graph: .absent, emit: true)
        return converter.dataset
    }

    /// The RDFC-1.0 canonical form of the dataset `document` denotes: what Data Integrity proofs hash.
    public func canonicalize(_ document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws(LinkedDataError) -> CanonicalDataset {
        try toRDF(document, options: options).canonicalized(options: options.canonicalization)
    }

    /// The canonical form of a proof's configuration (VC Data Integrity §4: the proof without `proofValue`,
    /// carrying the secured document's `@context`), the first of the two hashes a Data Integrity signature covers.
    public func canonicalizeProofConfiguration(
        _ proof: JSONObject, documentContext: JSONValue?, options: JSONLDOptions = JSONLDOptions()
    ) throws(LinkedDataError) -> CanonicalDataset {
        try canonicalize(.object(Self.proofConfiguration(proof, documentContext: documentContext)), options: options)
    }

    /// The proof configuration object for `proof`.
    public static func proofConfiguration(_ proof: JSONObject, documentContext: JSONValue?) -> JSONObject {
        var configuration = JSONObject()
        if let context = documentContext ?? proof["@context"] { configuration["@context"] = context }
        for (key, value) in proof where key != "proofValue" && key != "@context" {
            configuration[key] = value
        }
        return configuration
    }
}
