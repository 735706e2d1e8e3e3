import ArgumentParser
import CredenceServer
import Foundation
import Logging
import NIOCore
import PostgresNIO
import StrictJSON

/// `credence import FILE|FOLDER`: the same ingest path as the API, from the server's shell, with progress.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import credentials: an NDJSON file (one credential per line), or a folder of .json/.jsonld/.jwt/.png/.svg files; "
            + "with --cohort, a cohort's learner events (NDJSON, or .csv with the header learner,kind,module,time).",
        discussion: "Results for rejected lines or files are printed with their problems; a summary ends the run. Exit status 1 if any were rejected."
    )

    @Argument(help: "An NDJSON file, or a folder of credential files.") var path: String
    @Option(help: "Credentials per transaction.") var batch = 200
    @Option(help: "Import learner events into this cohort (created with PUT /v1/cohorts/{id}) instead of credentials.")
    var cohort: String?

    func run() async throws {
        let config = CommandEnvironment.load()
        let logger = CommandEnvironment.logger(for: config)
        if let cohort {
            guard let id = UUID(uuidString: cohort) else { throw ValidationError("--cohort must be a cohort id (a UUID)") }
            return try await importEvents(cohort: id, config: config, logger: logger)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw ValidationError("\(path) does not exist") }
        let (path, batch, folder) = (self.path, self.batch, isFolder.boolValue)
        let summary = try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
            try await AppComponents.with(config: config, client: client, logger: logger) { components in
                let pipeline = ImportPipeline(ingest: components.ingest, batchSize: batch)
                let progress = ImportProgress(totalBytes: folder ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil)
                let context = AuditContext(actor: .cli(command: "import"))
                let report: @Sendable ([ImportLineResult]) async -> Void = { results in
                    for result in results where result.outcome == .rejected || result.outcome == .conflict {
                        let where_ = folder ? "file \(result.line)" : "line \(result.line)"
                        let problems = result.problems.map { "\($0.code) at \($0.pointer.description.isEmpty ? "/" : $0.pointer.description): \($0.message)" }
                        progress.printAbove("\(where_): \(result.outcome.rawValue): \(problems.joined(separator: "; "))")
                    }
                    progress.advance(results)
                }
                let lines: CredentialFiles
                if folder {
                    lines = try CredentialFiles(folder: URL(fileURLWithPath: path), maxBytes: config.maxCredentialBytes, progress: progress)
                } else {
                    lines = try CredentialFiles(ndjson: URL(fileURLWithPath: path), maxLineBytes: config.maxCredentialBytes, progress: progress)
                }
                let summary = try await pipeline.run(lines, context: context) { results in await report(results) }
                progress.finish()
                return summary
            }
        }
        print("lines \(summary.lines): stored \(summary.stored), duplicates \(summary.duplicates), conflicts \(summary.conflicts), rejected \(summary.rejected)")
        if summary.rejected > 0 { throw ExitCode(1) }
    }

    /// The whole file in one transaction, as the API stores a batch: all of it or, with the problems printed, none.
    private func importEvents(cohort: UUID, config: AppConfig, logger: Logger) async throws {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= config.maxImportBytes else { throw ValidationError("\(path) is larger than \(config.maxImportBytes) bytes") }
        let body = Array(try Data(contentsOf: url))
        let csv = url.pathExtension.lowercased() == "csv"
        do {
            let outcome = try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
                try await LearnerEventStore(client: client, logger: logger).add(body, csv: csv, cohort: cohort, organization: nil, maxEvents: .max)
            }
            print("events \(outcome.received): stored \(outcome.stored), duplicates \(outcome.duplicates)")
        } catch let problem as Problem {
            for error in problem.errors { print("\(error.pointer): \(error.detail)") }
            if problem.errors.isEmpty { print(problem.detail ?? problem.title) }
            throw ExitCode(1)
        }
    }
}
