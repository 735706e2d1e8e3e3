import Foundation
import HTTPTypes
public import Hummingbird
import Logging

/// One structured log line per request (id, method, path, status, duration) and the request id
/// echoed in `X-Request-Id`, so a user's report can be matched to the log.
public struct RequestLogMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        let milliseconds = (ContinuousClock.now - start).milliseconds
        response.headers[HTTPField.Name("X-Request-Id")!] = context.id
        context.logger.info(
            "request",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
                "http.status": .stringConvertible(response.status.code),
                "http.duration_ms": .string(String(format: "%.2f", milliseconds)),
            ]
        )
        return response
    }
}
