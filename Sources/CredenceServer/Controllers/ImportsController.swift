import Foundation
import Hummingbird
import Logging
import StrictJSON
import Verification

/// `POST /v1/imports`: NDJSON in, NDJSON out, streaming both ways so a million-line import holds bounded memory.
/// Each result line is written only after the batch holding it is committed.
struct ImportsController {
    let pipeline: ImportPipeline
    let maxLineBytes: Int
    let maxImportBytes: Int

    func register(on endpoints: Endpoints) {
        endpoints.on(.post, "/v1/imports", access: .only(.admin, .issuer)) { request, context in
            if let contentType = request.headers[.contentType] {
                let type = MediaTypes.essence(contentType)
                guard ["application/x-ndjson", "application/jsonl", "application/ndjson", "text/plain"].contains(type) else {
                    throw Problem(status: .unsupportedMediaType, detail: "send one credential per line as application/x-ndjson, not \(type)")
                }
            }
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maxImportBytes {
                throw Problem(status: .contentTooLarge, detail: "imports are limited to \(maxImportBytes) bytes; split the file")
            }
            let audit = try context.auditContext()
            let lines = NDJSONLines(request.body, maxLineBytes: maxLineBytes)
            let pipeline = self.pipeline
            let logger = context.logger
            return Response(
                status: .ok,
                headers: [.contentType: "application/x-ndjson"],
                body: ResponseBody { writer in
                    do {
                        let summary = try await pipeline.run(lines, context: audit) { results in
                            try await writer.write(Self.ndjson(results.map(Self.json)))
                        }
                        try await writer.write(Self.ndjson([Self.json(summary)]))
                    } catch {
                        logger.error("import failed", metadata: ["error.detail": "\(String(reflecting: error))"])
                        try await writer.write(
                            Self.ndjson([["error": "the import stopped: lines with a result above are stored; lines without one were not"]])
                        )
                    }
                    try await writer.finish(nil)
                }
            )
        }
    }

    static func json(_ result: ImportLineResult) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "line": .number(result.line),
                "outcome": .string(result.outcome.rawValue),
                "id": .text(result.id?.uuidString),
                "credentialId": .text(result.credentialID),
                "version": .number(result.version),
                "verification": .text(result.verification?.rawValue),
                "problems": result.problems.isEmpty
                    ? nil
                    : .array(result.problems.map { ["code": .string($0.code), "detail": .string($0.message), "pointer": .string($0.pointer.description)] }),
            ])
        )
    }

    static func ndjson(_ lines: [JSONValue]) -> ByteBuffer {
        var bytes: [UInt8] = []
        for line in lines {
            bytes += line.serializedBytes()
            bytes.append(0x0A)
        }
        return ByteBuffer(bytes: bytes)
    }

    static func json(_ summary: ImportSummary) -> JSONValue {
        [
            "summary": [
                "lines": .number(JSONNumber(summary.lines)), "stored": .number(JSONNumber(summary.stored)),
                "duplicates": .number(JSONNumber(summary.duplicates)), "conflicts": .number(JSONNumber(summary.conflicts)),
                "rejected": .number(JSONNumber(summary.rejected)),
            ]
        ]
    }
}
