import Foundation
import Mustache

extension MustacheLibrary {
    /// A library of the named templates shipped in `Resources/templates` (the HTML pages the service serves).
    static func shipped(_ names: [String]) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in names {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Resources/templates") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/templates/\(name).mustache"])
            }
            try library.register(String(contentsOf: url, encoding: .utf8), named: name)
        }
        return library
    }
}
