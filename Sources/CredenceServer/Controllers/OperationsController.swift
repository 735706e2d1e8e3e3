import Foundation
import Hummingbird
import Logging
import PostgresNIO
import Prometheus

/// Liveness, readiness, metrics and the API description: the endpoints operators and load balancers call.
struct OperationsController {
    let client: PostgresClient
    let migrator: Migrator
    let metrics: PrometheusCollectorRegistry
    let openAPIDocument: ByteBuffer
    /// The in-memory search index, when this instance runs one: not ready until it is loaded.
    let searchReplica: SearchReplica?

    func register(on endpoints: Endpoints) {
        endpoints.on(.get, "/health", access: .open) { _, _ in
            Self.json(#"{"status":"ok"}"#)
        }
        endpoints.on(.get, "/ready", access: .open) { _, context in
            try await ready(context: context)
        }
        endpoints.on(.get, "/metrics", access: .open) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer()))
            )
        }
        endpoints.on(.get, "/openapi.json", access: .open) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: openAPIDocument))
        }
    }

    /// Ready when the database answers, its schema is exactly this build's and the search index (if held in memory)
    /// is loaded; a check waits for these at most 2 seconds.
    func ready(context: AppRequestContext) async throws -> Response {
        let pending: [String]
        do {
            pending = try await withThrowingTaskGroup(of: [String].self) { group in
                group.addTask { try await migrator.pendingNames(client: client, logger: context.logger) }
                group.addTask {
                    try await Task.sleep(for: .seconds(2))
                    throw Problem(status: .serviceUnavailable, detail: "the database did not answer within 2 seconds")
                }
                defer { group.cancelAll() }
                return try await group.next() ?? []
            }
        } catch let problem as Problem {
            throw problem
        } catch let error as MigrationError {
            throw Problem(status: .serviceUnavailable, detail: error.description)
        } catch {
            context.logger.warning("readiness check failed", metadata: ["error.detail": "\(String(reflecting: error))"])
            throw Problem(status: .serviceUnavailable, detail: "the database is not reachable")
        }
        guard pending.isEmpty else {
            throw Problem(status: .serviceUnavailable, detail: "migrations pending: \(pending.joined(separator: ", "))")
        }
        if let searchReplica, !searchReplica.isLoaded {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await searchReplica.catchUp()
                    } catch {
                        throw Problem(status: .serviceUnavailable, detail: "the search index could not be loaded into memory")
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(2))
                    throw Problem(status: .serviceUnavailable, detail: "the search index is still loading into memory")
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        }
        return Self.json(#"{"status":"ready"}"#)
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
