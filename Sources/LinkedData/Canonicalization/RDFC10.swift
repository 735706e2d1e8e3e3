extension RDFDataset {
    /// Canonicalizes the dataset with RDFC-1.0 (the W3C Recommendation formerly known as URDNA2015).
    public func canonicalized(options: CanonicalizationOptions = CanonicalizationOptions()) throws(LinkedDataError) -> CanonicalDataset {
        var state = RDFC10(dataset: self, options: options)
        return try state.run()
    }
}

/// The RDFC-1.0 canonicalization state (§4.4) over one dataset.
struct RDFC10 {
    let dataset: RDFDataset
    let options: CanonicalizationOptions
    /// Distinct quads in input order.
    let quads: [RDFDataset.Quad]
    /// The blank node to quads map: positions in `quads` by blank node.
    private(set) var quadsByBlankNode: [[Int32]]
    /// Blank nodes that occur in some quad, in order of first occurrence.
    private(set) var blankNodes: [Int32] = []
    private(set) var firstDegreeHashes: [[UInt8]]
    var canonicalIssuer: IdentifierIssuer
    /// Rank of each blank node's label in code unit order (the order permutations start from), made on first need.
    var labelRanks: [Int32]?
    var work = 0

    init(dataset: RDFDataset, options: CanonicalizationOptions) {
        self.dataset = dataset
        self.options = options
        self.quads = dataset.distinctQuadIndices().map { dataset.quads[$0] }
        let count = dataset.blankLabels.count
        self.quadsByBlankNode = Array(repeating: [], count: count)
        self.firstDegreeHashes = Array(repeating: [], count: count)
        self.canonicalIssuer = IdentifierIssuer(prefix: "c14n", blankNodeCount: count)
        for (position, quad) in quads.enumerated() {
            record(quad.subject, at: position)
            record(quad.object, at: position)
            record(quad.graph, at: position)
        }
    }

    /// Adds the quad at `position` to the blank node to quads map, once per blank node.
    private mutating func record(_ term: RDFDataset.Term, at position: Int) {
        guard case .blank(let node) = term else { return }
        if quadsByBlankNode[Int(node)].isEmpty { blankNodes.append(node) }
        if quadsByBlankNode[Int(node)].last != Int32(position) {
            quadsByBlankNode[Int(node)].append(Int32(position))
        }
    }

    /// Steps 3–7: issues every blank node its canonical identifier, then writes the sorted canonical N-Quads.
    mutating func run() throws(LinkedDataError) -> CanonicalDataset {
        // §4.4.3 steps 3–4: group blank nodes by first-degree hash; unique hashes fix the node at once.
        var groupIndex: [[UInt8]: Int] = [:]
        var groups: [(hash: [UInt8], nodes: [Int32])] = []
        for node in blankNodes {
            let hash = hashFirstDegreeQuads(node)
            firstDegreeHashes[Int(node)] = hash
            if let index = groupIndex[hash] {
                groups[index].nodes.append(node)
            } else {
                groupIndex[hash] = groups.count
                groups.append((hash, [node]))
            }
        }
        groups.sort { ByteOrder.compare($0.hash[...], $1.hash[...]) < 0 }
        for group in groups where group.nodes.count == 1 {
            canonicalIssuer.issue(group.nodes[0])
        }
        // Step 5: shared hashes are told apart by their n-degree neighbourhoods.
        for group in groups where group.nodes.count > 1 {
            var hashPaths: [(hash: [UInt8], issuer: IdentifierIssuer)] = []
            for node in group.nodes where !canonicalIssuer.hasIdentifier(node) {
                var temporary = IdentifierIssuer(prefix: "b", blankNodeCount: dataset.blankLabels.count)
                temporary.issue(node)
                hashPaths.append(try hashNDegreeQuads(node, issuer: temporary))
            }
            let order = hashPaths.indices.sorted {
                let c = ByteOrder.compare(hashPaths[$0].hash[...], hashPaths[$1].hash[...])
                return c < 0 || (c == 0 && $0 < $1)
            }
            for index in order {
                for node in hashPaths[index].issuer.issuedOrder {
                    canonicalIssuer.issue(node)
                }
            }
        }
        return CanonicalDataset(bytes: canonicalNQuads(), issuedIdentifiers: issuedIdentifiers())
    }

    /// The distinct quads with canonical labels, sorted in code point order (byte order of the UTF-8).
    private func canonicalNQuads() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(dataset.text.count + quads.count * 24)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(quads.count)
        for quad in quads {
            let start = buffer.count
            dataset.writeLine(quad, to: &buffer) { node, out in canonicalIssuer.appendIdentifier(of: node, to: &out) }
            lines.append(start..<buffer.count)
        }
        buffer.withUnsafeBufferPointer { bytes in lines.sort { ByteOrder.compare(bytes, $0, $1) < 0 } }
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count)
        for line in lines { out.append(contentsOf: buffer[line]) }
        return out
    }

    /// The issued identifiers map, keyed by input blank node label.
    private func issuedIdentifiers() -> [String: String] {
        var map: [String: String] = [:]
        for node in blankNodes {
            map[dataset.blankLabels[Int(node)]] = canonicalIssuer.label(of: node)
        }
        return map
    }

    /// Hash First Degree Quads (§4.6): the node's quads with itself as `_:a` and every other blank node as `_:z`.
    private func hashFirstDegreeQuads(_ reference: Int32) -> [UInt8] {
        var buffer: [UInt8] = []
        var lines: [Range<Int>] = []
        for position in quadsByBlankNode[Int(reference)] {
            let start = buffer.count
            dataset.writeLine(quads[Int(position)], to: &buffer) { node, out in
                out.append(contentsOf: [UInt8(ascii: "_"), UInt8(ascii: ":"), node == reference ? UInt8(ascii: "a") : UInt8(ascii: "z")])
            }
            lines.append(start..<buffer.count)
        }
        buffer.withUnsafeBufferPointer { bytes in lines.sort { ByteOrder.compare(bytes, $0, $1) < 0 } }
        var digest = Digest(options.hashAlgorithm)
        for line in lines { digest.update(buffer[line]) }
        return digest.finalizeHex()
    }

    /// Hash Related Blank Node (§4.7).
    func hashRelatedBlankNode(_ related: Int32, quad: RDFDataset.Quad, issuer: IdentifierIssuer, position: UInt8) -> [UInt8] {
        var input: [UInt8] = [position]
        if position != UInt8(ascii: "g") {
            input.append(contentsOf: dataset.bytes(of: quad.predicate))
        }
        if canonicalIssuer.hasIdentifier(related) {
            canonicalIssuer.appendIdentifier(of: related, to: &input)
        } else if issuer.hasIdentifier(related) {
            issuer.appendIdentifier(of: related, to: &input)
        } else {
            input.append(contentsOf: firstDegreeHashes[Int(related)])
        }
        return Digest.hex(of: input, using: options.hashAlgorithm)
    }

    /// Charges one step against the work bound.
    mutating func countWork() throws(LinkedDataError) {
        work += 1
        if work > options.maxWork { throw .canonicalizationLimitExceeded(limit: options.maxWork) }
    }

    /// Each label's position in UTF-16 code unit order (how the reference implementations sort identifiers).
    static func ranks(of labels: [String]) -> [Int32] {
        let order = labels.indices.sorted { labels[$0].utf16.lexicographicallyPrecedes(labels[$1].utf16) }
        var ranks = [Int32](repeating: 0, count: labels.count)
        for (rank, index) in order.enumerated() { ranks[index] = Int32(rank) }
        return ranks
    }
}
