public import HTTPTypes
import Synchronization

/// The routes the service registered, kept so that a wrong method gets 405 with `Allow` rather than 404,
/// and so that a test can hold the OpenAPI document to the routes that really exist.
public final class RouteTable: Sendable {
    public struct Route: Sendable, Hashable {
        public var method: HTTPRequest.Method
        /// Path template with `{name}` parameters, as OpenAPI writes them.
        public var path: String
    }

    private let routes = Mutex<[Route]>([])

    public init() {}

    func add(_ method: HTTPRequest.Method, _ path: String) {
        routes.withLock { $0.append(Route(method: method, path: path)) }
    }

    public var all: [Route] {
        routes.withLock { $0 }
    }

    /// The methods registered for templates that match a concrete request path.
    func methods(matching path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return all.filter { route in
            let template = route.path.split(separator: "/", omittingEmptySubsequences: true)
            guard template.count == segments.count else { return false }
            return zip(template, segments).allSatisfy { t, s in t.hasPrefix("{") || t == s }
        }.map(\.method)
    }
}
