import Foundation
import StrictJSON

/// The shared Open Badges material (`../shared/data/openbadges`), read in tests only.
enum Fixtures {
    static let openBadges: URL = {
        if let dir = ProcessInfo.processInfo.environment["CREDENCE_SHARED_DIR"] {
            return URL(fileURLWithPath: dir).appendingPathComponent("data/openbadges")
        }
        return TestDatabase.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data/openbadges")
    }()

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: openBadges.appendingPathComponent(path)))
    }

    static func json(_ path: String) throws -> JSONObject {
        guard let object = try JSONParser.parse(try bytes(path), limits: .trusted).objectValue else { throw CocoaError(.fileReadCorruptFile) }
        return object
    }

    static let ob3 = "signed/1edtech-validator/ob30"
}
