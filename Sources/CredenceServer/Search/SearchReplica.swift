import Foundation
public import Logging
public import PostgresNIO
import ServiceLifecycle
import Synchronization

/// This instance's in-memory copy of the search index, exact as of the moment a search asks for it.
///
/// It is loaded once from `credential_skills` (in one snapshot), then follows `search_changes`: before every search
/// it reads the changes of every transaction at or after its horizon (the oldest transaction still running when it
/// last read) and refetches those credentials' rows. A change committed before a search starts is therefore in
/// that search's answer, on every instance, as it is with the SQL engine: withdrawal and revocation are immediate.
public final class SearchReplica: Sendable {
    private let index = ReadWriteLock(PostingIndex())
    private let sync: ReplicaSync
    private let loaded = Atomic<Bool>(false)

    public init(client: PostgresClient, logger: Logger) {
        sync = ReplicaSync(client: client, logger: logger)
    }

    /// Catches up with every change committed before this call, then runs `body` on the copy.
    func read<T: Sendable>(_ body: (PostingIndex) throws -> T) async throws -> T {
        try await catchUp()
        return try index.read(body)
    }

    /// Catches up without searching (the background service keeps the copy warm between searches; readiness waits
    /// for the first load).
    func catchUp() async throws {
        try await sync.catchUp(into: index)
        loaded.store(true, ordering: .relaxed)
    }

    /// Whether the copy has been loaded once (until then searches wait for the load).
    var isLoaded: Bool { loaded.load(ordering: .relaxed) }

    func pruneChanges() async throws {
        try await sync.pruneChanges()
    }
}

/// Keeps the replica warm: catches up every second, so a search after a large import does not pay for it, and
/// drops change entries older than an hour (an instance that fell that far behind reloads).
struct SearchReplicaService: Service {
    let replica: SearchReplica
    let logger: Logger

    func run() async throws {
        var rounds = 0
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await replica.catchUp()
                if rounds % 300 == 0 { try await replica.pruneChanges() }
            } catch {
                logger.error("search replica could not catch up", metadata: ["error.detail": "\(String(reflecting: error))"])
            }
            rounds += 1
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
            } catch {
                break
            }
        }
    }
}

/// One catch-up at a time; a caller waits for one that started after it asked, so it sees everything committed
/// before it asked.
private actor ReplicaSync {
    let client: PostgresClient
    let logger: Logger
    /// The oldest transaction still running at the last read; nil until loaded.
    private var horizon: Int64?
    /// Entries at or above the horizon already applied (seq → txid); they are read again until the horizon passes them.
    private var applied: [Int64: Int64] = [:]
    private var lastSync: ContinuousClock.Instant?
    private var generation = 0
    private var running: (id: Int, started: ContinuousClock.Instant, task: Task<Void, any Error>)?

    /// Past this, change entries may have been pruned: reload instead of catching up.
    static let reloadAfter: Duration = .seconds(30 * 60)
    static let retention = "1 hour"
    static let fetchBatch = 5_000

    init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    func catchUp(into index: ReadWriteLock<PostingIndex>) async throws {
        let requested = ContinuousClock.now
        while true {
            if let current = running {
                let result = await current.task.result
                if running?.id == current.id { running = nil }
                if current.started >= requested { return try result.get() }
                continue
            }
            generation += 1
            let current = (id: generation, started: ContinuousClock.now, task: Task { try await self.synchronize(index) })
            running = current
            let result = await current.task.result
            if running?.id == current.id { running = nil }
            return try result.get()
        }
    }

    private func synchronize(_ index: ReadWriteLock<PostingIndex>) async throws {
        let started = ContinuousClock.now
        if let horizon, let lastSync, started - lastSync < Self.reloadAfter {
            try await follow(from: horizon, into: index)
        } else {
            try await load(into: index)
        }
        lastSync = started
    }

    /// Reads every row in one snapshot and takes that snapshot's oldest running transaction as the horizon.
    private func load(into index: ReadWriteLock<PostingIndex>) async throws {
        let clock = ContinuousClock.now
        let fresh = PostingIndex()
        let snapshotHorizon = try await client.withConnection { connection in
            try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            do {
                var horizon: Int64 = 0
                for try await value in try await connection.query(Self.horizonQuery, logger: logger).decode(Int64.self) { horizon = value }
                try await self.readRows(of: nil, on: connection) { fresh.insert($0) }
                try await connection.query("COMMIT", logger: logger)
                return horizon
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
        fresh.sortAll()
        index.write { $0 = fresh }
        horizon = snapshotHorizon
        applied = [:]
        logger.info(
            "search replica loaded",
            metadata: ["search.rows": "\(fresh.rowCount)", "duration.ms": "\((ContinuousClock.now - clock).milliseconds)"]
        )
    }

    /// Applies the changes of transactions at or after `horizon` that are not applied yet.
    private func follow(from horizon: Int64, into index: ReadWriteLock<PostingIndex>) async throws {
        var next = horizon
        var stillOpen: [Int64: Int64] = [:]
        var changed = Set<UUID>()
        for try await (newHorizon, seq, txid, ids) in try await client.execute(Changes(horizon: horizon), logger: logger) {
            next = newHorizon
            guard let seq, let txid, let ids else { continue }
            if applied[seq] == nil { changed.formUnion(ids) }
            if txid >= newHorizon { stillOpen[seq] = txid }
        }
        let ids = Array(changed)
        for start in stride(from: 0, to: ids.count, by: Self.fetchBatch) {
            let batch = Array(ids[start..<min(start + Self.fetchBatch, ids.count)])
            var current: [IndexRow] = []
            try await client.withConnection { connection in
                try await self.readRows(of: batch, on: connection) { current.append($0) }
            }
            let fetched = current
            index.write { $0.replace(credentials: batch, with: fetched) }
        }
        self.horizon = next
        applied = stillOpen
    }

    /// The horizon now and the change entries of transactions at or after `horizon` (prepared: every search runs it).
    struct Changes: PostgresPreparedStatement {
        typealias Row = (Int64, Int64?, Int64?, [UUID]?)
        static let sql = """
            SELECT x.horizon, c.seq, c.txid::text::bigint, c.credential_ids
            FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint) x(horizon)
            LEFT JOIN search_changes c ON c.txid >= $1::bigint::text::xid8
            """
        var horizon: Int64
        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(horizon)
            return bindings
        }
        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    func pruneChanges() async throws {
        try await client.query("DELETE FROM search_changes WHERE at < now() - \(Self.retention)::interval", logger: logger)
    }

    static let horizonQuery: PostgresQuery = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"

    /// The rows of the given credentials (all rows when nil), with what filters need from the credential and earner.
    private func readRows(of credentials: [UUID]?, on connection: PostgresConnection, _ body: (IndexRow) throws -> Void
    ) async throws {
        let rows = try await connection.query(
            """
            SELECT cs.skill_id, cs.earner_id, cs.credential_id, cs.rank, cs.proficiency, cs.rule, cs.verified, cs.awarded_at, cs.valid_until,
                   cs.issuer_id, cs.achievement_id, cs.achievement_type, cs.framework, cs.trust = 'trusted', c.received_at, k.organization_id,
                   e.discoverable_since
            FROM credential_skills cs
            JOIN credentials c ON c.id = cs.credential_id
            JOIN earners e ON e.id = cs.earner_id
            LEFT JOIN api_keys k ON k.id = c.received_by
            WHERE \(credentials)::uuid[] IS NULL OR cs.credential_id = ANY(\(credentials)::uuid[])
            """,
            logger: logger
        )
        for try await row in rows.decode(
            (Int, UUID, UUID, Double, Float?, String, Bool, Date, Date?, UUID, UUID, String?, String, Bool, Date, UUID?, Date?).self
        ) {
            try body(
                IndexRow(
                    skillID: row.0, earnerID: row.1, credentialID: row.2, rank: row.3, proficiency: row.4, rule: row.5, verified: row.6,
                    awardedAt: row.7, validUntil: row.8, issuerID: row.9, achievementID: row.10, achievementType: row.11, framework: row.12,
                    trusted: row.13, receivedAt: row.14, receivedBy: row.15, discoverableSince: row.16
                )
            )
        }
    }
}
