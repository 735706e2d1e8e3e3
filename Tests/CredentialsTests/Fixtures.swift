import Credentials
import Foundation

/// The shared Open Badges material: `../shared/data/openbadges` from the project root, or `$CREDENCE_SHARED_DIR`.
enum Fixtures {
    static let sharedDirectory: URL = {
        if let dir = ProcessInfo.processInfo.environment["CREDENCE_SHARED_DIR"] { return URL(fileURLWithPath: dir) }
        // Tests/CredentialsTests/Fixtures.swift → project root → ../shared
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static let openBadges = sharedDirectory.appendingPathComponent("data/openbadges")

    static func url(_ relative: String) -> URL { openBadges.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relative)))
    }

    /// Every file under a fixture folder, relative to `openBadges`, sorted.
    static func files(under folder: String, extensions: Set<String>) -> [String] {
        let base = url(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var found: [String] = []
        for case let file as URL in walker where extensions.contains(file.pathExtension) {
            found.append(folder + "/" + file.path.dropFirst(base.path.count + 1))
        }
        return found.sorted()
    }

    /// The 1EdTech OB 2.0 validator's mock web: `https://example.org/X` (and the http and www variants) serve `assets/X`.
    static let ob2Web: StaticDocumentFetcher = {
        var documents: [String: FetchedDocument] = [:]
        let assets = url("ob2/1edtech-validator-ob20/assets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: assets.path)) ?? []
        for name in names {
            guard let body = try? Data(contentsOf: assets.appendingPathComponent(name)) else { continue }
            for host in ["https://example.org/", "http://example.org/", "https://www.example.org/"] {
                documents[host + name] = FetchedDocument(url: host + name, contentType: "application/ld+json", body: Array(body))
            }
        }
        return StaticDocumentFetcher(documents: documents)
    }()

    static let parser = CredentialParser(fetcher: ob2Web)

    /// Parses a fixture file, declaring the media type its extension implies.
    static func parse(_ relative: String, mediaType: String? = nil) async throws(CredentialRejection) -> [ParsedCredential] {
        let body: [UInt8]
        do {
            body = try bytes(relative)
        } catch {
            throw CredentialRejection(problems: [CredentialProblem(.emptyBody, "fixture \(relative) is missing", at: .root)])
        }
        return try await parser.parse(body, mediaType: mediaType ?? Self.mediaType(of: relative))
    }

    static func mediaType(of relative: String) -> String? {
        switch URL(fileURLWithPath: relative).pathExtension {
        case "json", "1ob": return "application/ld+json"
        case "jwt": return "application/vc+jwt"
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        default: return nil
        }
    }

    /// The one credential a fixture holds.
    static func single(_ relative: String) async throws -> ParsedCredential {
        let parsed = try await parse(relative)
        guard parsed.count == 1, let only = parsed.first else { throw FixtureError.expectedOne(relative, parsed.count) }
        return only
    }

    /// The rejection a fixture must produce.
    static func rejection(_ relative: String) async -> CredentialRejection? {
        do {
            _ = try await parse(relative)
            return nil
        } catch {
            return error
        }
    }

    enum FixtureError: Error {
        case expectedOne(String, Int)
    }
}
