/// IRIs the algorithms name.
enum RDFVocabulary {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let type = rdf + "type"
    static let first = rdf + "first"
    static let rest = rdf + "rest"
    static let nil_ = rdf + "nil"
    static let json = rdf + "JSON"
    static let value = rdf + "value"
    static let language = rdf + "language"
    static let direction = rdf + "direction"
    static let i18n = "https://www.w3.org/ns/i18n#"
    static let langString = rdf + "langString"
    static let xsdString = xsd + "string"
    static let xsdBoolean = xsd + "boolean"
    static let xsdInteger = xsd + "integer"
    static let xsdDouble = xsd + "double"
}
