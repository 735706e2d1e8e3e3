/// Canonical N-Quads escaping (RDFC-1.0 §4 and RDF 1.2 canonical N-Triples): in literals `\b \t \n \f \r \" \\`
/// as ECHAR and other C0 controls and DEL as upper-case `\uXXXX`; in IRIs the characters IRIREF forbids as UCHAR.
enum NQuadsEscaping {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func appendString(_ s: String, to out: inout [UInt8]) {
        let utf8 = s.utf8
        // Credential strings rarely need escapes; copying the UTF-8 in one go is the common path.
        let needsEscape =
            utf8.withContiguousStorageIfAvailable { buffer in buffer.contains(where: needsStringEscape) }
            ?? utf8.contains(where: needsStringEscape)
        if !needsEscape {
            out.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x00..<0x20, 0x7F: appendUCHAR(byte, to: &out)
            default: out.append(byte)
            }
        }
    }

    static func appendIRI(_ s: String, to out: inout [UInt8]) {
        let utf8 = s.utf8
        let needsEscape =
            utf8.withContiguousStorageIfAvailable { buffer in buffer.contains(where: needsIRIEscape) }
            ?? utf8.contains(where: needsIRIEscape)
        if !needsEscape {
            out.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            if needsIRIEscape(byte) { appendUCHAR(byte, to: &out) } else { out.append(byte) }
        }
    }

    private static func needsStringEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    private static func needsIRIEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
            return true
        default:
            return false
        }
    }

    private static func appendUCHAR(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
    }
}
