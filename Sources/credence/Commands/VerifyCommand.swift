import ArgumentParser
import CredenceServer
import Credentials
import Foundation
import PostgresNIO
import StrictJSON
import Verification

/// `credence verify FILE…`: the verifier the service runs on ingest, from the shell, storing nothing. It reads DID
/// documents and status lists through the deployment's document cache and outbound policy, so what it answers is what
/// the service would store.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify credential files (JSON, JSON-LD, JWT, PNG, SVG) without storing them: proof, issuer key, status, dates.",
        discussion: """
            Prints each credential as normalised (earner, achievement, results, alignments, evidence) with its outcome and checks;
            with --json, one object per credential per line holding both.
            Exit status: 0 when every credential is verified, 1 when any is not, 2 when a file is not an acceptable credential.
            """
    )

    @Argument(help: "Credential files.") var files: [String]
    @Flag(help: "Print one JSON object per credential instead of text.") var json = false

    func run() async throws {
        let config = CommandEnvironment.load()
        let logger = CommandEnvironment.logger(for: config)
        let (files, json) = (self.files, self.json)
        let worst = try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
            try await AppComponents.with(config: config, client: client, logger: logger) { components in
                var worst: Int32 = 0
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file) cannot be read") }
                    do {
                        for item in try await components.ingest.check(body: Array(data), mediaType: nil) {
                            print(json ? Self.jsonLine(file: file, item: item) : Self.text(file: file, item: item))
                            if item.verification.outcome != .verified { worst = max(worst, 1) }
                        }
                    } catch let rejection as CredentialRejection {
                        print(json ? Self.jsonLine(file: file, rejection: rejection) : Self.text(file: file, rejection: rejection))
                        worst = 2
                    }
                }
                return worst
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    static func text(file: String, item: IngestItem) -> String {
        let report = item.verification
        var lines = ["\(file): \(report.outcome.rawValue) — \(item.credential.badge.id)", Self.indented(item.credential.badge.json)]
        if let proof = report.proofType { lines.append("  proof \(proof)" + (report.keyID.map { " by \($0)" } ?? "")) }
        for check in report.checks {
            let mark = switch check.outcome {
            case .passed: "ok  "
            case .failed: "FAIL"
            case .warning: "warn"
            case .skipped: "skip"
            }
            lines.append("  \(mark) \(check.name.rawValue): \(check.detail)")
        }
        return lines.joined(separator: "\n")
    }

    /// The value pretty-printed and indented under the file's line.
    static func indented(_ value: JSONValue) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(value.serializedBytes())),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return value.serialized() }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }

    static func text(file: String, rejection: CredentialRejection) -> String {
        (["\(file): rejected, not an acceptable credential"] + rejection.problems.map { "  \($0.code.rawValue) at \($0.pointer.description.isEmpty ? "/" : $0.pointer.description): \($0.message)" })
            .joined(separator: "\n")
    }

    static func jsonLine(file: String, item: IngestItem) -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let report = (try? JSONParser.parse(Array((try? encoder.encode(item.verification)) ?? Data()))) ?? .null
        return JSONValue.object(["file": .string(file), "credential": item.credential.badge.json, "verification": report]).serialized()
    }

    static func jsonLine(file: String, rejection: CredentialRejection) -> String {
        let problems = rejection.problems.map { problem -> JSONValue in
            ["code": .string(problem.code.rawValue), "pointer": .string(problem.pointer.description), "message": .string(problem.message)]
        }
        return JSONValue.object(["file": .string(file), "rejected": .array(problems)]).serialized()
    }
}
