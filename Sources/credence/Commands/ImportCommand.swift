import ArgumentParser
import CredenceServer
import Foundation
import NIOCore
import PostgresNIO
import StrictJSON

/// `credence import FILE|FOLDER`: the same ingest path as the API, from the server's shell, with progress.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import credentials: an NDJSON file (one credential per line), or a folder of .json/.jsonld/.jwt/.png/.svg files.",
        discussion: "Results for rejected lines or files are printed with their problems; a summary ends the run. Exit status 1 if any were rejected."
    )

    @Argument(help: "An NDJSON file, or a folder of credential files.") var path: String
    @Option(help: "Credentials per transaction.") var batch = 200

    func run() async throws {
        let config = CommandEnvironment.load()
        let logger = CommandEnvironment.logger(for: config)
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
}
