import Foundation
public import Hummingbird

/// The document cache as admins see it: preload DID documents, status lists and issuer documents so verification
/// works without network access, inspect what is cached, and remove entries.
struct DocumentsController {
    let cache: DocumentCache
    let maxBodyBytes: Int

    func register(on endpoints: Endpoints) {
        endpoints.on(.put, "/v1/documents", access: .platformAdmin) { request, context in
            let url = try documentURL(request)
            let body = try await request.collectBody(upTo: maxBodyBytes)
            guard body.readableBytes > 0 else { throw Problem.invalid([.init(pointer: "", detail: "the document body is empty", code: "required")]) }
            let info = try await cache.preload(
                url: url, mediaType: request.headers[.contentType], body: Array(body.readableBytesView), context: try context.auditContext()
            )
            return EditedResponse(status: .created, response: info)
        }
        endpoints.on(.get, "/v1/documents", access: .platformAdmin) { request, context in
            let url = try documentURL(request)
            guard let info = try await cache.info(url: url) else { throw StoreError.notFound(what: "cached document", id: url) }
            return info
        }
        endpoints.on(.delete, "/v1/documents", access: .platformAdmin) { request, context in
            try await cache.delete(url: try documentURL(request), context: try context.auditContext())
            return Response(status: .noContent)
        }
    }

    /// The `url` query parameter: an absolute http(s) URL.
    private func documentURL(_ request: Request) throws -> String {
        guard let text = request.uri.queryParameters.get("url"), !text.isEmpty else {
            throw Problem.invalidParameter("url", "is required: the URL the document is served at")
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw Problem.invalidParameter("url", "must be an absolute http or https URL")
        }
        guard text.utf8.count <= 2048 else { throw Problem.invalidParameter("url", "must be at most 2048 bytes") }
        return text
    }
}

extension CachedDocumentInfo: ResponseEncodable {}
