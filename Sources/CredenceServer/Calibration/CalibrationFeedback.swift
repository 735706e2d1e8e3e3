import Calibration
import Foundation
import Logging
import PostgresNIO
import StrictJSON

/// Feeds calibration back into search: an achievement's summary pooled over its closed sessions, its ranking
/// multiplier on `achievements.calibration_multiplier`, and the search index rows that carry it.
enum CalibrationFeedback {
    /// The stored summary of an achievement.
    struct Stored: Sendable {
        /// The summary as `CalibrationReportView.summary` shows it.
        var summary: JSONValue
        var rankingMultiplier: Double
        var computedAt: Date
    }

    /// Recomputes the achievement's summary from its closed sessions (oldest first, so the bootstrap is stable),
    /// stores it and the multiplier, and refreshes the search index when the multiplier changed; on the caller's
    /// connection, inside its transaction.
    @discardableResult
    static func refresh(achievement: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Stored {
        let rows = try await connection.query(
            "SELECT id FROM calibration_sessions WHERE achievement_id = \(achievement) AND state = 'closed' ORDER BY closed_at, id",
            logger: logger
        )
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        var sessions: [CalibrationSession] = []
        for id in ids {
            if let data = try await CalibrationStore.data(id, on: connection, logger: logger) { sessions.append(try data.domain()) }
        }
        let summary = CalibrationSummary(sessions: sessions)
        let multiplier = summary.rankingMultiplier()
        let json = CalibrationReportView.summary(summary, multiplier: multiplier)
        let stored = try await connection.query(
            """
            INSERT INTO calibration_summaries (achievement_id, summary, ranking_multiplier, sessions, artefacts, computed_at)
            VALUES (\(achievement), \(json.serialized())::jsonb, \(multiplier), \(summary.sessions), \(summary.artefacts), now())
            ON CONFLICT (achievement_id) DO UPDATE SET summary = excluded.summary, ranking_multiplier = excluded.ranking_multiplier,
                sessions = excluded.sessions, artefacts = excluded.artefacts, computed_at = excluded.computed_at
            RETURNING computed_at
            """,
            logger: logger
        )
        guard let computedAt = try await stored.decode(Date.self).first(where: { _ in true }) else {
            throw StoreError.conflict("the calibration summary of achievement \(achievement) was not stored")
        }
        let changed = try await connection.query(
            """
            UPDATE achievements SET calibration_multiplier = \(multiplier)::real
            WHERE id = \(achievement) AND calibration_multiplier IS DISTINCT FROM \(multiplier)::real
            RETURNING id
            """,
            logger: logger
        )
        var multiplierChanged = false
        for try await _ in changed.decode(UUID.self) { multiplierChanged = true }
        // The index stores the multiplier in each row's static score; rows need rewriting only when it moved.
        if multiplierChanged {
            try await SearchIndex.refresh(achievements: [achievement], on: connection, logger: logger)
        }
        return Stored(summary: json, rankingMultiplier: multiplier, computedAt: computedAt)
    }

    /// The stored summary of an achievement, if any session of it has closed.
    static func stored(achievement: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Stored? {
        let rows = try await connection.query(
            "SELECT summary::text, ranking_multiplier, computed_at FROM calibration_summaries WHERE achievement_id = \(achievement)",
            logger: logger
        )
        for try await (summary, multiplier, computedAt) in rows.decode((String, Double, Date).self) {
            return Stored(summary: try JSONParser.parse(summary, limits: .trusted), rankingMultiplier: multiplier, computedAt: computedAt)
        }
        return nil
    }
}
