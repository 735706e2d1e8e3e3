import Foundation

/// Unicode folding to lower-case bytes: NFKD, combining marks stripped, a few letters without a decomposition
/// spelled out, dashes and apostrophes unified, every other symbol a space.
///
/// ASCII input (nearly every label) takes a byte loop; only other text pays for Foundation's NFKD.
enum TextFolding {
    static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { out.append(lowercased(byte)) }
            return out
        }
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            append(scalar, to: &out)
        }
        return out
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if scalar.isASCII {
            out.append(lowercased(UInt8(scalar.value)))
            return
        }
        if let spelled = spelledOut[scalar.value] {
            out.append(contentsOf: spelled.utf8)
            return
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            return
        case .dashPunctuation:
            out.append(UInt8(ascii: "-"))
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        default:
            out.append(apostrophes.contains(scalar.value) ? UInt8(ascii: "'") : UInt8(ascii: " "))
        }
    }

    /// Letters that NFKD leaves whole although readers treat them as Latin letters plus nothing.
    private static let spelledOut: [UInt32: String] = [
        0x00DF: "ss", 0x1E9E: "ss", 0x00E6: "ae", 0x00C6: "ae", 0x0153: "oe", 0x0152: "oe",
        0x00F8: "o", 0x00D8: "o", 0x0142: "l", 0x0141: "l", 0x0111: "d", 0x0110: "d", 0x00F0: "d", 0x00D0: "d",
        0x00FE: "th", 0x00DE: "th", 0x0131: "i", 0x0127: "h", 0x0126: "h", 0x0167: "t", 0x0166: "t",
    ]

    /// Typographic apostrophes and primes, which join a word like the ASCII apostrophe does.
    private static let apostrophes: Set<UInt32> = [0x2018, 0x2019, 0x02BC, 0x2032, 0x00B4]
}
