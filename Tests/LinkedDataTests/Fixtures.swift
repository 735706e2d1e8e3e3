import Foundation
import StrictJSON

/// Locates `../shared` (or `CREDENCE_SHARED_DIR`) and reads fixtures from it.
enum Fixtures {
    static let sharedDirectory: URL = {
        if let path = ProcessInfo.processInfo.environment["CREDENCE_SHARED_DIR"] {
            return URL(fileURLWithPath: path)
        }
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.deletingLastPathComponent().appendingPathComponent("shared")
            }
        }
        return URL(fileURLWithPath: "/work/shared")
    }()

    static func url(_ relativePath: String) -> URL {
        sharedDirectory.appendingPathComponent(relativePath)
    }

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try data(relativePath), as: UTF8.self)
    }

    static func json(_ relativePath: String) throws -> JSONValue {
        try JSONParser.parse(Array(try data(relativePath)), limits: .trusted)
    }
}
