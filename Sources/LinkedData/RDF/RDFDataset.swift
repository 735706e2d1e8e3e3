import Foundation

/// An RDF dataset held the way canonicalization reads it: each IRI and literal already written in canonical
/// N-Quads form into one byte buffer, and blank nodes as small integers, so hashing never re-serializes terms.
public struct RDFDataset: Sendable {
    /// One quad position: absent (the default graph), a blank node, or canonical N-Quads text in `text`.
    enum Term: Hashable, Sendable {
        case absent
        case blank(Int32)
        case text(Int32, Int32)
    }

    struct Quad: Hashable, Sendable {
        var subject: Term
        var predicate: Term
        var object: Term
        var graph: Term
    }

    /// Canonical N-Quads text of every non-blank term, back to back.
    private(set) var text: [UInt8] = []
    private(set) var quads: [Quad] = []
    /// The label each blank node had in the input (or was given when generated), by blank node number.
    private(set) var blankLabels: [String] = []

    init() {
        text.reserveCapacity(4096)
        quads.reserveCapacity(64)
    }

    /// The number of quads, duplicates included.
    public var count: Int { quads.count }

    mutating func newBlankNode(label: String? = nil) -> Term {
        let id = Int32(blankLabels.count)
        blankLabels.append(label ?? "b\(id)")
        return .blank(id)
    }

    /// An IRI; `wellFormed` (checked by the caller) means it holds no character N-Quads must escape.
    mutating func iri(_ iri: String, wellFormed: Bool = false) -> Term {
        let start = Int32(text.count)
        text.append(UInt8(ascii: "<"))
        if wellFormed {
            text.append(contentsOf: iri.utf8)
        } else {
            NQuadsEscaping.appendIRI(iri, to: &text)
        }
        text.append(UInt8(ascii: ">"))
        return .text(start, Int32(text.count))
    }

    /// A literal; `datatype` is left out of the text when it is `xsd:string` or the literal has a language.
    mutating func literal(_ lexicalForm: String, datatype: String, language: String? = nil) -> Term {
        let start = Int32(text.count)
        text.append(UInt8(ascii: "\""))
        NQuadsEscaping.appendString(lexicalForm, to: &text)
        text.append(UInt8(ascii: "\""))
        if let language {
            text.append(UInt8(ascii: "@"))
            text.append(contentsOf: language.utf8)
        } else if datatype != RDFVocabulary.xsdString {
            text.append(contentsOf: [UInt8(ascii: "^"), UInt8(ascii: "^"), UInt8(ascii: "<")])
            NQuadsEscaping.appendIRI(datatype, to: &text)
            text.append(UInt8(ascii: ">"))
        }
        return .text(start, Int32(text.count))
    }

    mutating func add(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term = .absent) {
        quads.append(Quad(subject: subject, predicate: predicate, object: object, graph: graph))
    }

    func bytes(of term: Term) -> ArraySlice<UInt8> {
        if case .text(let start, let end) = term { return text[Int(start)..<Int(end)] }
        return []
    }

    /// Appends one N-Quads line, naming blank nodes through `label`.
    func writeLine(_ quad: Quad, to out: inout [UInt8], label: (Int32, inout [UInt8]) -> Void) {
        write(quad.subject, to: &out, label: label)
        out.append(UInt8(ascii: " "))
        write(quad.predicate, to: &out, label: label)
        out.append(UInt8(ascii: " "))
        write(quad.object, to: &out, label: label)
        if quad.graph != .absent {
            out.append(UInt8(ascii: " "))
            write(quad.graph, to: &out, label: label)
        }
        out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "\n")])
    }

    private func write(_ term: Term, to out: inout [UInt8], label: (Int32, inout [UInt8]) -> Void) {
        switch term {
        case .absent: break
        case .blank(let id): label(id, &out)
        case .text(let start, let end): out.append(contentsOf: text[Int(start)..<Int(end)])
        }
    }

    /// The dataset as N-Quads with its own blank node labels, in insertion order (duplicates kept).
    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + quads.count * 16)
        for quad in quads {
            writeLine(quad, to: &out) { id, out in
                out.append(contentsOf: "_:".utf8)
                out.append(contentsOf: blankLabels[Int(id)].utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Positions of the quads with exact duplicates removed, first occurrence kept, in input order:
    /// RDF datasets are sets, and RDFC-1.0 hashes depend on how often a quad is listed.
    func distinctQuadIndices() -> [Int] {
        var firstByHash: [Int: [Int]] = [:]
        firstByHash.reserveCapacity(quads.count)
        var kept: [Int] = []
        kept.reserveCapacity(quads.count)
        text.withUnsafeBufferPointer { bytes in
            for (index, quad) in quads.enumerated() {
                let hash = contentHash(quad, bytes)
                if let candidates = firstByHash[hash], candidates.contains(where: { compare(quads[$0], quad) == 0 }) { continue }
                firstByHash[hash, default: []].append(index)
                kept.append(index)
            }
        }
        return kept
    }

    /// A hash of the quad's term bytes and blank node numbers.
    private func contentHash(_ quad: Quad, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        func mix(_ term: Term) {
            switch term {
            case .absent:
                hasher.combine(-1 as Int32)
            case .blank(let node):
                hasher.combine(node)
            case .text(let start, let end):
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[Int(start)..<Int(end)]))
                hasher.combine(-2 as Int32)
            }
        }
        mix(quad.subject)
        mix(quad.predicate)
        mix(quad.object)
        mix(quad.graph)
        return hasher.finalize()
    }

    /// A total order on quads by content (blank nodes by number), for finding duplicates.
    private func compare(_ a: Quad, _ b: Quad) -> Int {
        var c = compare(a.subject, b.subject)
        if c == 0 { c = compare(a.predicate, b.predicate) }
        if c == 0 { c = compare(a.object, b.object) }
        if c == 0 { c = compare(a.graph, b.graph) }
        return c
    }

    private func compare(_ a: Term, _ b: Term) -> Int {
        switch (a, b) {
        case (.absent, .absent): return 0
        case (.absent, _): return -1
        case (_, .absent): return 1
        case (.blank(let x), .blank(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.blank, .text): return -1
        case (.text, .blank): return 1
        case (.text(let s1, let e1), .text(let s2, let e2)):
            if s1 == s2 && e1 == e2 { return 0 }
            return text.withUnsafeBufferPointer { ByteOrder.compare($0, Int(s1)..<Int(e1), Int(s2)..<Int(e2)) }
        }
    }
}

/// Code point order on UTF-8 bytes (which byte order gives for valid UTF-8).
enum ByteOrder {
    static func compare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in compare(x, y) } }
    }

    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        if n > 0, let x = a.baseAddress, let y = b.baseAddress {
            let c = memcmp(x, y, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// Compares two ranges of one buffer.
    static func compare(_ buffer: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
        compare(UnsafeBufferPointer(rebasing: buffer[a]), UnsafeBufferPointer(rebasing: buffer[b]))
    }
}
