import Foundation
import HTTPTypes
import Logging
import PostgresNIO
import Reporting

/// An achievement a report covers.
struct ScopedAchievement: Sendable, Hashable {
    let id: UUID
    let name: String
    let issuerID: UUID
    let issuerName: String
}

/// What one report request may read: the achievements of the caller's organisation (all of them for the platform),
/// narrowed by the issuer, achievement and pathway filters, over the period.
struct ReportScope: Sendable {
    /// The caller's organisation; nil for the platform organisation, which sees every achievement.
    let organization: UUID?
    let request: ReportRequest
    let achievements: [ScopedAchievement]

    var ids: [UUID] { achievements.map(\.id) }

    /// Resolves the scope. An organisation owns an achievement as `AchievementOwnership.owns` says: it
    /// claimed the issuer, or its keys submitted credentials of the achievement. Naming an achievement outside the
    /// caller's own is refused rather than silently left out, so an empty report always means "no data".
    static func resolve(organization: UUID?, request: ReportRequest, client: PostgresClient, logger: Logger) async throws -> ReportScope {
        // credentials_received_by_idx (0009) keeps the second branch off a full scan of credentials.
        let rows = try await client.query(
            """
            SELECT a.id, a.name, i.id, coalesce(i.name, i.uri)
            FROM achievements a JOIN issuers i ON i.id = a.issuer_id
            WHERE (\(organization)::uuid IS NULL OR i.organization_id = \(organization) OR a.id IN (
                    SELECT DISTINCT c.achievement_id FROM credentials c
                    WHERE c.received_by IN (SELECT k.id FROM api_keys k WHERE k.organization_id = \(organization))))
              AND (\(request.issuer)::uuid IS NULL OR a.issuer_id = \(request.issuer))
            ORDER BY a.name, a.id
            """,
            logger: logger
        )
        var owned: [ScopedAchievement] = []
        for try await (id, name, issuerID, issuerName) in rows.decode((UUID, String, UUID, String).self) {
            owned.append(ScopedAchievement(id: id, name: name, issuerID: issuerID, issuerName: issuerName))
        }
        let known = Set(owned.map(\.id))
        var errors: [Problem.FieldError] = []
        if let achievement = request.achievement, !known.contains(achievement) {
            errors.append(.init(pointer: "#/query/achievement", detail: "is not an achievement of this organisation (or of the issuer filter)"))
        }
        for (index, id) in request.pathway.enumerated() where !known.contains(id) {
            errors.append(.init(pointer: "#/query/pathway/\(index)", detail: "is not an achievement of this organisation (or of the issuer filter)"))
        }
        if !errors.isEmpty {
            throw Problem(status: .forbidden, detail: errors.map { "\($0.pointer): \($0.detail)" }.joined(separator: "; "), errors: errors)
        }
        var selected = owned
        if let achievement = request.achievement { selected = selected.filter { $0.id == achievement } }
        if !request.pathway.isEmpty {
            let order = Dictionary(uniqueKeysWithValues: request.pathway.enumerated().map { ($1, $0) })
            selected = selected.filter { order[$0.id] != nil }.sorted { order[$0.id] ?? 0 < order[$1.id] ?? 0 }
        }
        return ReportScope(organization: organization, request: request, achievements: selected)
    }

    /// The filters as the report states them.
    var filters: [ReportFilter] {
        var filters: [ReportFilter] = [
            ReportFilter(
                name: "scope", label: "Scope", value: organization == nil ? "every organisation (platform)" : "this organisation's achievements"
            )
        ]
        if let issuer = request.issuer {
            let name = achievements.first { $0.issuerID == issuer }?.issuerName ?? issuer.uuidString.lowercased()
            filters.append(ReportFilter(name: "issuer", label: "Issuer", value: name))
        }
        if let achievement = request.achievement {
            let name = achievements.first { $0.id == achievement }?.name ?? achievement.uuidString.lowercased()
            filters.append(ReportFilter(name: "achievement", label: "Achievement", value: name))
        }
        if !request.pathway.isEmpty {
            filters.append(ReportFilter(name: "pathway", label: "Pathway", value: achievements.map(\.name).joined(separator: " → ")))
        }
        filters.append(ReportFilter(name: "achievements", label: "Achievements covered", value: String(achievements.count)))
        return filters
    }

    /// A report over this scope: its filters and period stated as this scope has them.
    func document(name: String, title: String, summary: String, dataAsOf: Date?, now: Date, sections: [ReportSection]) -> ReportDocument {
        ReportDocument(
            name: name, title: title, summary: summary, filters: filters, periodStart: request.from, periodEnd: request.to, dataAsOf: dataAsOf,
            generatedAt: now, sections: sections
        )
    }
}
