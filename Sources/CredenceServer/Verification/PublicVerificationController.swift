import Foundation
import HTTPTypes
import Logging
import Hummingbird
import StrictJSON

/// Public verification, no key: `GET /v1/public/verifications/{id}` (JSON, problem+json errors) and `GET /verify/{id}`
/// (an HTML page, HTML error pages). `{id}` is the stored credential's UUID, which only those the earner shares it with know.
struct PublicVerificationController {
    let service: PublicVerificationService
    let pages: Result<PublicVerificationPage, any Error>

    /// Headers of every public answer: never indexed, revalidated on each view (an outcome can change), and no referrer,
    /// so evidence sites an employer opens from the page do not learn its address.
    private static let publicHeaders: HTTPFields = [
        .cacheControl: "no-cache", HTTPField.Name("X-Robots-Tag")!: "noindex, nofollow", HTTPField.Name("Referrer-Policy")!: "no-referrer",
    ]

    /// The page needs no script, no forms and no frames; styles are inline and badge images come from issuers.
    private static let pageSecurity =
        "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    func register(on endpoints: Endpoints) {
        endpoints.on(.get, "/v1/public/verifications/{id}", access: .open) { _, context in
            let id = try context.uuidParameter("id")
            guard let verification = try await service.verification(of: id) else { throw Problem.notFound("no credential \(id)") }
            var headers = Self.publicHeaders
            // Other verifiers may fetch this from a browser: it carries nothing but what the page shows.
            headers[.accessControlAllowOrigin] = "*"
            return JSONResponse(headers: headers, PublicVerificationJSON.json(verification))
        }
        endpoints.on(.get, "/verify/{id}", access: .open) { _, context in
            guard case .success(let page) = pages else {
                return Response(status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "The verification page is not available.")))
            }
            do {
                guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), let verification = try await service.verification(of: id)
                else {
                    return Self.html(
                        .notFound,
                        page.renderError(
                            status: 404, title: "Credential not found",
                            message: "There is no credential at this address. Check that the link was copied completely.", requestID: context.id
                        )
                    )
                }
                return Self.html(.ok, page.render(verification, now: service.reverifier.verifier.clock()))
            } catch let problem as Problem where problem.status == .tooManyRequests {
                var response = Self.html(
                    .tooManyRequests,
                    page.renderError(
                        status: 429, title: "Busy", message: "Too many credentials are being checked right now. Please try again in a minute.",
                        requestID: context.id
                    )
                )
                response.headers[.retryAfter] = problem.headers[.retryAfter]
                return response
            } catch {
                context.logger.error("verification page failed", metadata: ["error.detail": "\(String(reflecting: error))"])
                return Self.html(
                    .internalServerError,
                    page.renderError(
                        status: 500, title: "Something went wrong", message: "The credential could not be checked just now. Please try again later.",
                        requestID: context.id
                    )
                )
            }
        }
    }

    private static func html(_ status: HTTPResponse.Status, _ body: String) -> Response {
        var headers = Self.publicHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = Self.pageSecurity
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
