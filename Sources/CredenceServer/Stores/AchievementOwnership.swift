import Foundation
import Logging
import PostgresNIO

/// Which organisation's curriculum team may manage an achievement (its rubrics, sessions and alignments).
enum AchievementOwnership {
    /// Whether an organisation's curriculum team owns an achievement: it has claimed the issuer, or its keys
    /// submitted credentials of the achievement.
    static func owns(achievement: UUID, organization: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query(
            """
            SELECT EXISTS (
                SELECT 1 FROM achievements a JOIN issuers i ON i.id = a.issuer_id WHERE a.id = \(achievement) AND i.organization_id = \(organization)
            ) OR EXISTS (
                SELECT 1 FROM credentials c JOIN api_keys k ON k.id = c.received_by
                WHERE c.achievement_id = \(achievement) AND k.organization_id = \(organization)
            )
            """,
            logger: logger
        )
        for try await value in rows.decode(Bool.self) { return value }
        return false
    }

    static func achievementExists(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query("SELECT EXISTS (SELECT 1 FROM achievements WHERE id = \(id))", logger: logger)
        for try await exists in rows.decode(Bool.self) { return exists }
        return false
    }
}
