public import Logging
public import PostgresNIO

/// Bulk loading with `COPY … FROM STDIN` (text format): the fast path for seed data and benchmark populations,
/// an order of magnitude quicker than inserts.
extension PostgresConnection {
    /// Copies rows (each a list of column values, `nil` for NULL) into `table`, in chunks of about 1 MiB.
    public func copy(
        _ rows: some Sequence<[String?]>,
        into table: String,
        columns: [String],
        logger: Logger
    ) async throws {
        try await copyFrom(table: table, columns: columns, logger: logger) { writer in
            var chunk: [UInt8] = []
            chunk.reserveCapacity(1 << 20)
            for row in rows {
                CopyText.append(row, to: &chunk)
                if chunk.count >= 1 << 20 {
                    try await writer.write(ByteBuffer(bytes: chunk))
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty { try await writer.write(ByteBuffer(bytes: chunk)) }
        }
    }
}

/// PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes for the separators.
enum CopyText {
    /// Appends one row. Values are copied whole unless they hold a character that needs escaping (rare in practice),
    /// which keeps this fast even in debug builds, where `scripts/dev run` seeds the taxonomy.
    static func append(_ row: [String?], to bytes: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { bytes.append(0x09) }
            guard let value else {
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "N")])
                continue
            }
            let utf8 = value.utf8
            if utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                for byte in utf8 {
                    switch byte {
                    case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                    case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                    case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                    case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                    default: bytes.append(byte)
                    }
                }
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(0x0A)
    }
}
