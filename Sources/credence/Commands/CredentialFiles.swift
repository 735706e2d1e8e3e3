import CredenceServer
import Foundation
import StrictJSON

/// The input of `credence import` as import lines: an NDJSON file read in chunks (bounded memory), or each file of a
/// folder as one "line" holding the file's bytes (JSON, JWT, PNG or SVG; the parser recognises the format).
struct CredentialFiles: AsyncSequence, Sendable {
    typealias Element = ImportLine

    private enum Source: Sendable {
        case ndjson(NDJSONLines<FileChunks>)
        case folder([URL], maxBytes: Int)
    }

    private let source: Source
    private let progress: ImportProgress

    init(ndjson url: URL, maxLineBytes: Int, progress: ImportProgress) throws {
        self.source = .ndjson(NDJSONLines(try FileChunks(url: url) { progress.read(bytes: $0) }, maxLineBytes: maxLineBytes))
        self.progress = progress
    }

    init(folder: URL, maxBytes: Int, progress: ImportProgress) throws {
        let extensions: Set = ["json", "jsonld", "jwt", "png", "svg", "1ob"]
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        self.source = .folder(files, maxBytes: maxBytes)
        self.progress = progress
    }

    func makeAsyncIterator() -> Iterator {
        switch source {
        case .ndjson(let lines): return Iterator(lines: lines.makeAsyncIterator(), files: nil, maxBytes: 0)
        case .folder(let files, let maxBytes): return Iterator(lines: nil, files: files[...], maxBytes: maxBytes)
        }
    }

    struct Iterator: AsyncIteratorProtocol {
        var lines: NDJSONLines<FileChunks>.Iterator?
        var files: ArraySlice<URL>?
        let maxBytes: Int
        var number = 0

        mutating func next() async throws -> ImportLine? {
            if lines != nil { return try await lines?.next() }
            guard let file = files?.popFirst() else { return nil }
            number += 1
            guard let data = FileManager.default.contents(atPath: file.path) else {
                return .unreadable(number: number, problem: ReportedProblem(code: "file.unreadable", message: "\(file.lastPathComponent) could not be read", pointer: .root))
            }
            guard data.count <= maxBytes else {
                return .unreadable(number: number, problem: ReportedProblem(code: "limits.fileSize", message: "\(file.lastPathComponent) is larger than \(maxBytes) bytes", pointer: .root))
            }
            return .line(number: number, bytes: Array(data))
        }
    }
}
