import Hummingbird
import NIOCore
import Synchronization

/// A real HTTP server on a loopback port, for tests of code that fetches documents over the network.
enum LocalHTTPServer {
    /// Serves `router` on 127.0.0.1 and an ephemeral port while `body` runs, passing the base URL.
    static func serve<T: Sendable>(
        _ router: Router<BasicRequestContext>,
        _ body: @escaping @Sendable (String) async throws -> T
    ) async throws -> T {
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }
        )
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            var ports = portStream.makeAsyncIterator()
            guard let port = await ports.next() else { throw CancellationError() }
            let result = try await body("http://127.0.0.1:\(port)")
            group.cancelAll()
            return result
        }
    }
}

/// Counts requests per path, to tell a cache hit from a network fetch.
final class RequestCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func hit(_ path: String) {
        counts.withLock { $0[path, default: 0] += 1 }
    }

    func count(_ path: String) -> Int {
        counts.withLock { $0[path, default: 0] }
    }
}
