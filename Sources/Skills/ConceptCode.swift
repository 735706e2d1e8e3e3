import Foundation

/// Recognises the codes and URIs frameworks publish, in whatever form an issuer wrote them, and returns them in
/// the canonical form the seed stores.
public enum ConceptCode {
    /// The concepts that a code or URL names, most likely first; empty when none is recognised.
    ///
    /// - ESCO URIs over http or https, with trailing slashes, query, fragment or `.json`, or inside an ESCO portal
    ///   link (`…/classification/skill?uri=http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill%2F…`);
    /// - O*NET-SOC codes (`15-2051.00`, `15-2051`), content-model element ids (`2.A.1.a`), technology ids
    ///   (`tech:tableau`), UNSPSC commodity codes when the framework is O*NET or UNSPSC, and O*NET OnLine,
    ///   My Next Move and Code Connector links (`https://www.onetonline.org/link/summary/15-2051.00`);
    /// - CASE item links (`…/uri/<uuid>`, `…/CFItems/<uuid>`) and bare UUIDs;
    /// - ISCO codes (`2511`, `C2511`) when the framework is ISCO or ESCO.
    public static func references(in text: String, framework: FrameworkName? = nil) -> [ConceptReference] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        let lowered = (trimmed.removingPercentEncoding ?? trimmed).lowercased()
        if let uri = escoURI(inLowercased: lowered) { return [.esco(uri: uri)] }
        if lowered.contains("://") || lowered.hasPrefix("www.") || onetHosts.contains(where: lowered.contains) {
            return linkReferences(lowered, original: trimmed)
        }
        return codeReferences(lowered, framework: framework)
    }

    /// The canonical ESCO URI (`http://data.europa.eu/esco/<kind>/<id>`) inside `text`, if there is one.
    public static func escoURI(_ text: String) -> String? {
        escoURI(inLowercased: (text.removingPercentEncoding ?? text).lowercased())
    }

    /// The canonical O*NET-SOC code for `15-2051.00` or `15-2051`, if `text` is exactly one.
    public static func onetSOCCode(_ text: String) -> String? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard bytes.count == 7 || bytes.count == 10, let code = socCode(in: bytes, at: 0), code.end == bytes.count else { return nil }
        return code.canonical
    }

    /// The canonical content-model element id (`2.A.1.a`), if `text` is one with at least `minimumSegments` parts.
    public static func onetElementID(_ text: String, minimumSegments: Int = 3) -> String? {
        let segments = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count >= minimumSegments, segments.count <= 7,
            let first = segments.first, first.count == 1, let digit = first.first, ("1"..."7").contains(digit)
        else { return nil }
        var canonical = [String(digit)]
        for (index, segment) in segments.enumerated().dropFirst() {
            let isLetterSegment = index % 2 == 1
            if isLetterSegment {
                guard segment.count == 1, let letter = segment.first, letter.isASCII, letter.isLetter else { return nil }
                canonical.append(index == 1 ? letter.uppercased() : letter.lowercased())
            } else {
                guard !segment.isEmpty, segment.count <= 2, segment.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                canonical.append(String(segment))
            }
        }
        return canonical.joined(separator: ".")
    }

    // MARK: Links

    private static func linkReferences(_ lowered: String, original: String) -> [ConceptReference] {
        let host = lowered.split(separator: "/", omittingEmptySubsequences: true).dropFirst(lowered.contains("://") ? 1 : 0).first ?? ""
        if onetHosts.contains(where: { host.hasSuffix($0) }) {
            let bytes = Array(lowered.utf8)
            for start in bytes.indices {
                if let code = socCode(in: bytes, at: start) { return [.onetOccupation(code: code.canonical)] }
            }
            let lastSegment = lowered.split(whereSeparator: { "/?#=&".contains($0) }).last.map(String.init) ?? ""
            if let element = onetElementID(lastSegment, minimumSegments: 2) { return [.onetElement(id: element)] }
            return []
        }
        let segments = lowered.split(separator: "/").map(String.init)
        for (index, segment) in segments.enumerated().dropLast() where segment == "uri" || segment == "cfitems" {
            let candidate = segments[index + 1].split(whereSeparator: { "?#".contains($0) }).first.map(String.init) ?? ""
            if isUUID(candidate) { return [.caseItem(identifier: candidate, uri: original)] }
        }
        return []
    }

    // MARK: Bare codes

    private static func codeReferences(_ code: String, framework: FrameworkName?) -> [ConceptReference] {
        if code.hasPrefix(OnetTechnology.codePrefix), code.count > OnetTechnology.codePrefix.count {
            return [.onetTechnology(code: code)]
        }
        let onetish = framework == nil || framework == .onet || framework == .soc
        if onetish, let soc = onetSOCCode(code) { return [.onetOccupation(code: soc)] }
        if framework == nil || framework == .onet, let element = onetElementID(code, minimumSegments: framework == .onet ? 2 : 3) {
            return [.onetElement(id: element)]
        }
        if framework == .onet || framework == .unspsc, code.count == 8, code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return [.onetCommodity(code: code)]
        }
        if isUUID(code) {
            if framework == .esco {
                return [.esco(uri: escoBase + "skill/" + code), .esco(uri: escoBase + "occupation/" + code)]
            }
            return [.caseItem(identifier: code, uri: nil)]
        }
        if framework == .isco || framework == .esco, let isco = iscoCode(code) {
            return [.esco(uri: escoBase + "isco/C" + isco)]
        }
        return []
    }

    private static func escoURI(inLowercased text: String) -> String? {
        guard let marker = text.range(of: "data.europa.eu/esco/") else { return nil }
        let parts = text[marker.upperBound...].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let kind = String(parts[0])
        var id = String(parts[1].prefix { !"/?#&. \t\"'<>".contains($0) })
        switch kind {
        case "skill", "occupation":
            guard isUUID(id) else { return nil }
        case "isco":
            guard let digits = iscoCode(id) else { return nil }
            id = "C" + digits
        case "isced-f":
            guard (2...4).contains(id.count), id.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        default:
            return nil
        }
        return escoBase + kind + "/" + id
    }

    /// "2511", "c2511", "C25" → the ISCO digits.
    private static func iscoCode(_ text: String) -> String? {
        let digits = text.hasPrefix("c") ? String(text.dropFirst()) : text
        guard (1...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }

    private struct SOCMatch {
        let canonical: String
        let end: Int
    }

    /// `dd-dddd` optionally followed by `.dd`, not inside a longer number.
    private static func socCode(in bytes: [UInt8], at start: Int) -> SOCMatch? {
        func digit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
        guard start + 7 <= bytes.count, start == 0 || !digit(start - 1),
            digit(start), digit(start + 1), bytes[start + 2] == UInt8(ascii: "-"),
            (start + 3..<start + 7).allSatisfy(digit), !digit(start + 7)
        else { return nil }
        let base = String(decoding: bytes[start..<(start + 7)], as: UTF8.self)
        if start + 10 <= bytes.count, bytes[start + 7] == UInt8(ascii: "."), digit(start + 8), digit(start + 9), !digit(start + 10) {
            return SOCMatch(canonical: base + "." + String(decoding: bytes[(start + 8)..<(start + 10)], as: UTF8.self), end: start + 10)
        }
        return SOCMatch(canonical: base + ".00", end: start + 7)
    }

    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (48...57).contains(byte) || (97...102).contains(byte) else { return false }
            }
        }
        return true
    }

    private static let escoBase = "http://data.europa.eu/esco/"
    private static let onetHosts = ["onetonline.org", "onetcenter.org", "mynextmove.org", "onetcodeconnector.org", "careeronestop.org"]
}
