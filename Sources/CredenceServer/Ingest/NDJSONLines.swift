public import NIOCore
import StrictJSON

/// Splits a stream of byte chunks into NDJSON lines without holding more than one line in memory.
/// Blank lines are skipped (but counted); a line longer than `maxLineBytes` becomes an `unreadable` line and the
/// rest of it is skipped, so one oversized line cannot stop an import.
public struct NDJSONLines<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element == ByteBuffer {
    public typealias Element = ImportLine

    let base: Base
    let maxLineBytes: Int

    public init(_ base: Base, maxLineBytes: Int) {
        self.base = base
        self.maxLineBytes = maxLineBytes
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), maxLineBytes: maxLineBytes)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let maxLineBytes: Int
        var chunk: [UInt8] = []
        var offset = 0
        var line: [UInt8] = []
        var lineNumber = 0
        var oversized = false
        var finished = false

        init(base: Base.AsyncIterator, maxLineBytes: Int) {
            self.base = base
            self.maxLineBytes = maxLineBytes
        }

        public mutating func next() async throws -> ImportLine? {
            while true {
                if offset == chunk.count {
                    guard !finished, let buffer = try await base.next() else {
                        finished = true
                        return endOfLine() ?? nil
                    }
                    chunk = Array(buffer.readableBytesView)
                    offset = 0
                    continue
                }
                if let newline = chunk[offset...].firstIndex(of: 0x0A) {
                    append(chunk[offset..<newline])
                    offset = newline + 1
                    if let result = endOfLine() { return result }
                } else {
                    append(chunk[offset...])
                    offset = chunk.count
                }
            }
        }

        private mutating func append(_ bytes: ArraySlice<UInt8>) {
            guard !oversized else { return }
            if line.count + bytes.count > maxLineBytes {
                oversized = true
                line.removeAll()
            } else {
                line.append(contentsOf: bytes)
            }
        }

        /// Closes the current line: the line to return, or `nil` for a blank line (and at the end of input).
        private mutating func endOfLine() -> ImportLine? {
            defer {
                line.removeAll(keepingCapacity: true)
                oversized = false
            }
            if oversized {
                lineNumber += 1
                return .unreadable(
                    number: lineNumber,
                    problem: ReportedProblem(code: "limits.lineLength", message: "the line is longer than \(maxLineBytes) bytes", pointer: .root)
                )
            }
            if line.last == 0x0D { line.removeLast() }
            if finished && line.isEmpty { return nil }
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
            return .line(number: lineNumber, bytes: line)
        }
    }
}
