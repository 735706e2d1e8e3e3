import Foundation
import Hummingbird
import Reporting

/// `GET /about`: what Credence is and the attribution the bundled taxonomies require (ESCO, O*NET, the Nesta
/// crosswalk), read from the seed folder's ATTRIBUTION.md once at start so the page always matches the data loaded.
struct AboutController {
    let attribution: String?

    init(seedDirectory: URL) {
        attribution = try? String(contentsOf: seedDirectory.appendingPathComponent("taxonomy/ATTRIBUTION.md"), encoding: .utf8)
    }

    func register(on endpoints: Endpoints) {
        let page = Self.page(attribution: attribution)
        endpoints.on(.get, "/about", access: .open) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: page))
            )
        }
    }

    static func page(attribution: String?) -> String {
        let notices = attribution.map { "<pre>\(HTMLEscaping.escape($0))</pre>" }
            ?? "<p>The attribution notices ship in <code>seed/taxonomy/ATTRIBUTION.md</code>, which this deployment does not have.</p>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>About Credence</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1.5rem 1rem;color:#1b1f24}
            pre{white-space:pre-wrap;background:#f6f8fa;border:1px solid #d0d7de;padding:1rem;font-size:.9rem}</style></head>
            <body><main>
            <h1>About Credence</h1>
            <p>Credence verifies earned micro-credentials (Open Badges 2.0 and 3.0) and lets employers search them by skill.
            Skills are matched against the ESCO and O*NET frameworks, used under the terms below.</p>
            <h2>Data and attribution</h2>
            \(notices)
            </main></body></html>
            """
    }
}
