import StrictJSON

/// The Context Processing algorithm (JSON-LD 1.1 API §4.1.2), with results cached per (context, local context).
struct ContextProcessor: Sendable {
    let loader: any ContextLoader
    let cache: ContextCache
    /// Nested remote contexts allowed before `context overflow` (the spec leaves the limit to processors).
    static let maxRemoteContexts = 32

    /// Applies `local` to `active`.
    func process(
        _ active: ActiveContext, local: JSONValue, baseURL: String?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate: Bool = true, validateScoped: Bool = true, scopedIdentity: Int? = nil
    ) throws(LinkedDataError) -> ActiveContext {
        let source: ContextCache.Source = scopedIdentity.map { .scoped($0) } ?? (local.stringValue.map { .url($0) } ?? .inline(local))
        let key = ContextCache.Key(
            active: active.identity, source: source, baseURL: baseURL, overrideProtected: overrideProtected, propagate: propagate
        )
        let cacheable = remoteContexts.isEmpty && validateScoped
        if cacheable, let hit = cache.context(for: key) { return hit }
        let result = try apply(
            active, local: local, baseURL: baseURL, remoteContexts: remoteContexts, overrideProtected: overrideProtected,
            propagate: propagate, validateScoped: validateScoped
        )
        if cacheable { cache.store(result, for: key) }
        return result
    }

    /// Steps 1–5 of the algorithm for one local context (`null`, URL, definition, or an array of them).
    private func apply(
        _ active: ActiveContext, local: JSONValue, baseURL: String?, remoteContexts: [String],
        overrideProtected: Bool, propagate: Bool, validateScoped: Bool
    ) throws(LinkedDataError) -> ActiveContext {
        var result = active.state
        var propagate = propagate
        if case .object(let object) = local, case .bool(let flag)? = object["@propagate"] {
            propagate = flag
        }
        if !propagate && result.previousContext == nil {
            result.previousContext = active
        }
        for context in local.arrayValue ?? [local] {
            switch context {
            case .null:
                if !overrideProtected && result.terms.values.contains(where: { $0.isProtected }) {
                    throw invalid(.invalidContextNullification, "a context with protected terms cannot be replaced by null")
                }
                let previous = ActiveContext(result)
                result = ContextState()
                result.baseIRI = active.state.originalBaseURL
                result.originalBaseURL = active.state.originalBaseURL
                result.processingMode = active.state.processingMode
                if !propagate { result.previousContext = previous }
            case .string(let reference):
                let url = try resolveContextURL(reference, baseURL: baseURL)
                if !validateScoped && remoteContexts.contains(url) { continue }
                if remoteContexts.count >= Self.maxRemoteContexts {
                    throw invalid(.contextOverflow, "more than \(Self.maxRemoteContexts) nested remote contexts (at \(url))")
                }
                let loaded = try loadContextDefinition(url)
                let processed = try process(
                    ActiveContext(result), local: loaded.definition, baseURL: loaded.url, remoteContexts: remoteContexts + [url],
                    overrideProtected: overrideProtected, validateScoped: validateScoped
                )
                result = processed.state
            case .object(let definition):
                try applyDefinition(
                    definition, to: &result, baseURL: baseURL, remoteContexts: remoteContexts, overrideProtected: overrideProtected
                )
            default:
                throw invalid(.invalidLocalContext, "a context must be an object, a URL or null, not \(context.kindName)")
            }
        }
        return ActiveContext(result)
    }

    /// Steps 5.5–5.13: one context definition.
    private func applyDefinition(
        _ definition: JSONObject, to result: inout ContextState, baseURL: String?, remoteContexts: [String],
        overrideProtected: Bool
    ) throws(LinkedDataError) {
        var definition = definition
        if let version = definition["@version"] {
            guard case .number(let number) = version, number.double == 1.1 else {
                throw invalid(.invalidVersionValue, "@version must be 1.1")
            }
            if result.processingMode == .jsonLD10 {
                throw invalid(.processingModeConflict, "@version 1.1 in json-ld-1.0 processing mode")
            }
        }
        if let importValue = definition["@import"] {
            if result.processingMode == .jsonLD10 { throw invalid(.invalidContextEntry, "@import needs JSON-LD 1.1") }
            guard case .string(let reference) = importValue else { throw invalid(.invalidImportValue, "@import must be a string") }
            let url = try resolveContextURL(reference, baseURL: baseURL)
            let imported = try loadContextDefinition(url)
            guard case .object(var merged) = imported.definition else {
                throw invalid(.invalidRemoteContext, "the context imported from \(url) is not an object")
            }
            if merged["@import"] != nil { throw invalid(.invalidContextEntry, "an imported context may not import again (\(url))") }
            for (key, value) in definition where key != "@import" { merged[key] = value }
            definition = merged
        }
        if let base = definition["@base"], remoteContexts.isEmpty {
            switch base {
            case .null:
                result.baseIRI = nil
            case .string(let value) where IRI.isAbsolute(value):
                result.baseIRI = value
            case .string(let value) where result.baseIRI != nil:
                result.baseIRI = IRI.resolve(value, against: result.baseIRI ?? "")
            default:
                throw invalid(.invalidBaseIRI, "@base must be an IRI, or a relative IRI when a base is set")
            }
        }
        if let vocab = definition["@vocab"] {
            switch vocab {
            case .null:
                result.vocabulary = nil
            case .string(let value):
                guard IRI.isAbsolute(value) || IRI.isBlankNode(value) || result.processingMode == .jsonLD11 else {
                    throw invalid(.invalidVocabMapping, "@vocab must be an IRI or blank node identifier")
                }
                result.vocabulary = result.expandIRI(value, documentRelative: true, vocab: true)
            default:
                throw invalid(.invalidVocabMapping, "@vocab must be a string or null")
            }
        }
        if let language = definition["@language"] {
            switch language {
            case .null: result.defaultLanguage = nil
            case .string(let value): result.defaultLanguage = value.lowercased()
            default: throw invalid(.invalidDefaultLanguage, "@language must be a string or null")
            }
        }
        if let direction = definition["@direction"] {
            if result.processingMode == .jsonLD10 { throw invalid(.invalidContextEntry, "@direction needs JSON-LD 1.1") }
            switch direction {
            case .null: result.defaultDirection = nil
            case .string(let value) where value == "ltr" || value == "rtl": result.defaultDirection = value
            default: throw invalid(.invalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null")
            }
        }
        if let propagate = definition["@propagate"] {
            if result.processingMode == .jsonLD10 { throw invalid(.invalidContextEntry, "@propagate needs JSON-LD 1.1") }
            guard case .bool = propagate else { throw invalid(.invalidPropagateValue, "@propagate must be true or false") }
        }
        var isProtected = false
        if let protected = definition["@protected"] {
            guard case .bool(let flag) = protected else { throw invalid(.invalidProtectedValue, "@protected must be true or false") }
            isProtected = flag
        }
        var builder = TermDefinitionBuilder(
            processor: self, local: definition, baseURL: baseURL, isProtected: isProtected,
            overrideProtected: overrideProtected, remoteContexts: remoteContexts
        )
        for (key, _) in definition where !Self.contextKeywords.contains(key) {
            try builder.define(key, in: &result)
        }
    }

    private static let contextKeywords: Set<String> = [
        "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
    ]

    /// A context reference made absolute against the URL of the document or context that names it.
    private func resolveContextURL(_ reference: String, baseURL: String?) throws(LinkedDataError) -> String {
        if IRI.isAbsolute(reference) { return reference }
        guard let baseURL, IRI.isAbsolute(baseURL) else {
            throw invalid(.loadingDocumentFailed, "relative context reference \"\(reference)\" has no base URL to resolve against")
        }
        return IRI.resolve(reference, against: baseURL)
    }

    /// A remote context's `@context` value and the URL it came from.
    private func loadContextDefinition(_ url: String) throws(LinkedDataError) -> (definition: JSONValue, url: String) {
        let remote = try loader.loadContext(at: url)
        guard case .object(let document) = remote.document, let definition = document["@context"] else {
            throw invalid(.invalidRemoteContext, "\(url) has no top-level @context")
        }
        return (definition, remote.url)
    }

    func invalid(_ code: JSONLDErrorCode, _ detail: String) -> LinkedDataError {
        .invalidJSONLD(code: code, detail: detail, path: nil)
    }
}
