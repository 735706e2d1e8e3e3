import LinkedData

/// One bundled-context loader and processor for all tests (reading the bundle index once); `nil` when the
/// bundle cannot be read, which the tests then report through `#require`.
enum Bundled {
    static let loader: StaticContextLoader? = try? StaticContextLoader()
    static let processor: JSONLDProcessor? = loader.map { JSONLDProcessor(loader: $0) }
}
