import Foundation
import Hummingbird
import Skills
import StrictJSON

/// Custom frameworks: an issuer or employer organisation imports its own (CSV with the columns
/// `FrameworkCSVImporter.columns`, or a CASE 1.0 CFPackage as JSON) and lists what it can align to.
struct FrameworksController {
    let store: FrameworkStore
    /// CASE packages of large frameworks run to a few MiB; beyond this the file belongs in `credence` tooling.
    static let maxFrameworkBytes = 16 << 20

    func register(on endpoints: Endpoints) {
        endpoints.on(.get, "/v1/frameworks", access: .only(.admin, .issuer, .recruiter, .hiringManager)) { _, context in
            let principal = try context.requirePrincipal()
            let frameworks = try await store.list(organization: principal.isPlatformAdmin ? nil : principal.organizationID)
            return JSONResponse(["items": .array(frameworks.map(Self.json))])
        }
        endpoints.on(.post, "/v1/frameworks", access: .only(.admin, .issuer, .recruiter, .hiringManager)) { request, context in
            let principal = try context.requirePrincipal()
            let contentType = request.headers[.contentType].map(MediaTypes.essence) ?? ""
            let isCSV = contentType == "text/csv"
            guard isCSV || MediaTypes.isJSON(contentType) else {
                throw Problem(status: .unsupportedMediaType, detail: "send a CSV file as text/csv or a CASE CFPackage as application/json")
            }
            let name = request.uri.queryParameters.get("name").map { String($0).trimmingWhitespace() }
            if let name, name.isEmpty || name.count > 200 { throw Problem.invalidParameter("name", "must be 1 to 200 characters") }
            let bytes = Array(try await request.collectBody(upTo: Self.maxFrameworkBytes).readableBytesView)
            let framework: FrameworkImport
            do {
                framework = isCSV ? try FrameworkCSVImporter.parse(bytes) : try CASEPackageImporter.parse(bytes)
            } catch let error as FrameworkImportError {
                throw Self.problem(error, csv: isCSV)
            }
            guard let title = name ?? framework.title else {
                throw Problem.invalidParameter("name", "is required for a CSV framework (a CASE package names itself)")
            }
            let outcome = try await store.importFramework(
                framework, name: title, organization: principal.organizationID, bytes: bytes, context: try context.auditContext()
            )
            return JSONResponse(status: outcome.changed ? .created : .ok, Self.json(outcome))
        }
    }

    /// Every problem of the file, each where it is: a JSON pointer into a CASE package, or `#/line/N` of a CSV record.
    static func problem(_ error: FrameworkImportError, csv: Bool) -> Problem {
        Problem.invalid(
            error.problems.map { problem in
                .init(pointer: problem.pointer ?? problem.line.map { "#/line/\($0)" } ?? "", detail: problem.message, code: csv ? "csv" : "case")
            },
            detail: "the framework file has \(error.problems.count) problem(s); nothing was imported"
        )
    }

    static func json(_ summary: FrameworkStore.Summary) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .string(summary.id), "name": .string(summary.name), "version": .text(summary.version),
                "builtIn": .bool(summary.organizationID == nil), "organizationId": summary.organizationID.map { .string($0.uuidString) },
                "sourceUrl": .text(summary.sourceURL), "concepts": .number(summary.concepts), "importedAt": .string(summary.importedAt.formatted(.iso8601)),
            ])
        )
    }

    static func json(_ outcome: FrameworkStore.Outcome) -> JSONValue {
        [
            "framework": json(outcome.framework), "changed": .bool(outcome.changed), "items": .number(JSONNumber(outcome.items)),
            "mappings": .number(JSONNumber(outcome.mappings)), "unresolvedMappings": .array(outcome.unresolvedMappings.map(JSONValue.string)),
            "warnings": .array(outcome.warnings.map { .string($0.description) }),
            "reresolvedAchievements": .number(JSONNumber(outcome.reresolvedAchievements)),
        ]
    }
}
