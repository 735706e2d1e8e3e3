import Foundation
import Hummingbird
import PostgresNIO
import Reporting

/// `GET /v1/reports/{name}`: a curriculum team's reports on its own achievements; the platform's admins see all.
struct ReportsController {
    let alignment: AlignmentReport
    let calibration: CalibrationReport
    let demand: DemandReport
    let recognition: RecognitionReport
    let equity: EquityReport
    let uplift: UpliftReport
    let client: PostgresClient
    let page: ReportPage

    func register(on endpoints: Endpoints) {
        endpoints.on(.get, "/v1/reports/{name}", access: .only(.issuer, .admin)) { request, context in
            let principal = try context.requirePrincipal()
            let text = context.parameters.get("name") ?? ""
            guard let name = ReportName(rawValue: text) else {
                throw Problem(
                    status: .notFound, detail: "there is no report \(text); the reports are \(ReportName.list)",
                    errors: [.init(pointer: "#/path/name", detail: "must be one of \(ReportName.list)")]
                )
            }
            let organization = try Self.organization(of: principal)
            let now = Date()
            let query = try ReportRequest(request, today: ReportRequest.startOfDay(now))
            let started = ContinuousClock.now
            let scope = try await ReportScope.resolve(organization: organization, request: query, client: client, logger: context.logger)
            let report: ReportDocument
            switch name {
            case .alignment: report = try await alignment.build(scope, now: now)
            case .calibration: report = try await calibration.build(scope, now: now)
            case .demand: report = try await demand.build(scope, now: now)
            case .recognition: report = try await recognition.build(scope, now: now)
            case .equity: report = try await equity.build(scope, now: now)
            case .uplift: report = try await uplift.build(scope, now: now)
            }
            context.logger.debug(
                "report built",
                metadata: ["report.name": .string(name.rawValue), "report.duration": .stringConvertible(ContinuousClock.now - started)]
            )
            return ReportResponse(report: report, request: query, page: page)
        }
    }

    /// The organisation whose achievements the caller may report on; nil for the platform's admins (every organisation).
    /// Only issuing organisations have achievements: an employer's admin has no report to see.
    static func organization(of principal: Principal) throws -> UUID? {
        if principal.isPlatformAdmin { return nil }
        guard principal.organizationKind == .issuer else {
            throw Problem.forbidden("reports are for the curriculum teams of issuing organisations and for platform admins")
        }
        return principal.organizationID
    }
}
