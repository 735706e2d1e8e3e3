/// Why a custom framework could not be imported: every problem found (up to a limit), each with where it is.
public struct FrameworkImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    /// One problem: a CSV line number or a JSON pointer, and what is wrong there.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The 1-based line of a CSV record (where its first field starts).
        public let line: Int?
        /// The JSON pointer of the offending CASE value (`/CFItems/3/fullStatement`).
        public let pointer: String?
        public let message: String

        public init(line: Int? = nil, pointer: String? = nil, message: String) {
            self.line = line
            self.pointer = pointer
            self.message = message
        }

        public var description: String {
            if let line { return "line \(line): \(message)" }
            if let pointer { return "\(pointer.isEmpty ? "/" : pointer): \(message)" }
            return message
        }
    }

    /// Problems beyond this many are not reported: a file that wrong needs fixing at its source first.
    static let reportLimit = 100
}
