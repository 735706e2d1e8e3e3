import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle
import Verification

/// What one re-verification cycle did.
struct ReverificationSummary: Sendable, Codable, ResponseEncodable {
    var startedAt: Date
    var finishedAt: Date
    var checked = 0
    /// Credentials whose stored outcome changed (each with a history row, and its search rows rebuilt).
    var changed = 0
    /// Credentials whose stored document could not be read again; their outcome was left as it was.
    var unreadable = 0
    /// Outcomes after the cycle, by outcome.
    var outcomes: [String: Int] = [:]
    /// Whether cached status lists were dropped first (on-demand runs), rather than reused while fresh.
    var statusListsRefreshed: Bool
    /// False when graceful shutdown stopped the cycle early; the rest is picked up, oldest first, by the next one.
    var completed = true
}

/// The background service that keeps stored outcomes current: every `interval` it re-checks status lists and dates of
/// every credential whose outcome can still change, oldest check first, in batches, and writes what changed (with the
/// search index, so a revocation the job sees leaves search within that cycle).
///
/// One cycle runs at a time across all instances (a PostgreSQL advisory lock). Scheduled cycles reuse status lists
/// while their `ttl` says they are fresh (and the persisted copies after a restart, for air-gapped deployments);
/// on-demand cycles fetch every list again.
struct ReverificationJob: Service {
    /// How often a cycle starts. A constant until AppConfig carries it (proposed: VERIFY_RECHECK_INTERVAL_MINUTES).
    static let defaultInterval: Duration = .seconds(15 * 60)
    /// The advisory lock key that makes cycles exclusive ("credrech" in ASCII).
    static let lockKey: Int64 = 0x6372_6564_7265_6368

    let client: PostgresClient
    let logger: Logger
    let store: VerificationStore
    let snapshots: StatusListSnapshotStore
    let reverifier: Reverifier
    /// Public answers to drop when an outcome changes.
    let publicAnswers: RecentAnswers
    let interval: Duration
    let batchSize: Int
    let concurrency: Int

    var statusLists: StatusListCache { reverifier.verifier.statusLists }

    /// Preloads persisted status lists, then runs a cycle every `interval` until graceful shutdown, and saves the
    /// status lists on the way out. Failures are logged, never thrown: a broken cycle must not stop the service.
    func run() async throws {
        await preloadStatusLists()
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                break
            }
            do {
                if let summary = try await runCycle(refreshStatusLists: false) {
                    logger.info(
                        "re-verification cycle finished",
                        metadata: ["verification.checked": "\(summary.checked)", "verification.changed": "\(summary.changed)"]
                    )
                } else {
                    logger.debug("re-verification cycle skipped: another instance is running one")
                }
            } catch {
                logger.error("re-verification cycle failed", metadata: ["error.detail": "\(String(reflecting: error))"])
            }
        }
        await saveStatusLists()
    }

    /// Runs one cycle now, or returns `nil` when one is already running (here or in another instance).
    func runCycle(refreshStatusLists: Bool) async throws -> ReverificationSummary? {
        try await client.withConnection { connection in
            let rows = try await connection.query("SELECT pg_try_advisory_lock(\(Self.lockKey))", logger: logger)
            var locked = false
            for try await value in rows.decode(Bool.self) { locked = value }
            guard locked else { return nil }
            do {
                let summary = try await cycle(refreshStatusLists: refreshStatusLists)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                return summary
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                throw error
            }
        }
    }

    private func cycle(refreshStatusLists: Bool) async throws -> ReverificationSummary {
        let start = reverifier.verifier.clock()
        if refreshStatusLists {
            for snapshot in statusLists.snapshots(at: start) { statusLists.invalidate(snapshot.url) }
        }
        var summary = ReverificationSummary(startedAt: start, finishedAt: start, statusListsRefreshed: refreshStatusLists)
        var after: (Date, UUID)?
        while true {
            if Task.isShuttingDownGracefully || Task.isCancelled {
                summary.completed = false
                break
            }
            let batch = try await store.due(before: start, after: after, limit: batchSize)
            guard let last = batch.last else { break }
            after = (last.checkedAt, last.id)
            let results = await reverifier.recheck(batch, concurrency: concurrency)
            let changed = try await store.record(results, trigger: .job, context: AuditContext(actor: .system(job: "reverification")))
            summary.checked += results.count
            summary.changed += changed.count
            changed.forEach(publicAnswers.forget)
            for result in results {
                if result.report == nil { summary.unreadable += 1 }
                summary.outcomes[(result.report?.outcome ?? result.credential.outcome).rawValue, default: 0] += 1
            }
        }
        summary.finishedAt = reverifier.verifier.clock()
        await saveStatusLists()
        return summary
    }

    private func preloadStatusLists() async {
        do {
            let now = reverifier.verifier.clock()
            let loaded = try await snapshots.load(now: now)
            statusLists.preload(loaded, now: now)
            if !loaded.isEmpty { logger.info("status lists preloaded", metadata: ["verification.status_lists": "\(loaded.count)"]) }
        } catch {
            // Before migrations have run (MIGRATE_ON_START) the table may not exist yet: lists are then fetched as needed.
            logger.warning("could not preload status lists", metadata: ["error.detail": "\(String(reflecting: error))"])
        }
    }

    private func saveStatusLists() async {
        do {
            try await snapshots.save(statusLists.snapshots(at: reverifier.verifier.clock()))
        } catch {
            logger.warning("could not save status lists", metadata: ["error.detail": "\(String(reflecting: error))"])
        }
    }
}
