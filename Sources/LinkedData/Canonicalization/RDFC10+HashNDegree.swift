extension RDFC10 {
    /// Hash N-Degree Quads (§4.8): the hash of the node's neighbourhood under the lexicographically least labelling.
    mutating func hashNDegreeQuads(_ identifier: Int32, issuer: IdentifierIssuer) throws(LinkedDataError) -> (hash: [UInt8], issuer: IdentifierIssuer)
    {
        try countWork()
        if labelRanks == nil { labelRanks = Self.ranks(of: dataset.blankLabels) }
        let ranks = labelRanks ?? []
        var issuer = issuer
        var relatedByHash: [[UInt8]: [Int32]] = [:]
        for position in quadsByBlankNode[Int(identifier)] {
            let quad = quads[Int(position)]
            for (term, letter) in [(quad.subject, UInt8(ascii: "s")), (quad.object, UInt8(ascii: "o")), (quad.graph, UInt8(ascii: "g"))] {
                guard case .blank(let related) = term, related != identifier else { continue }
                let hash = hashRelatedBlankNode(related, quad: quad, issuer: issuer, position: letter)
                relatedByHash[hash, default: []].append(related)
            }
        }
        var digest = Digest(options.hashAlgorithm)
        for relatedHash in relatedByHash.keys.sorted(by: { ByteOrder.compare($0[...], $1[...]) < 0 }) {
            digest.update(relatedHash)
            var chosenPath: [UInt8] = []
            var chosenIssuer: IdentifierIssuer?
            var permuter = Permuter(relatedByHash[relatedHash] ?? [], ranks: ranks)
            permutations: while let permutation = permuter.next() {
                try countWork()
                var issuerCopy = issuer
                var path: [UInt8] = []
                var recursionList: [Int32] = []
                for related in permutation {
                    if canonicalIssuer.hasIdentifier(related) {
                        canonicalIssuer.appendIdentifier(of: related, to: &path)
                    } else {
                        if !issuerCopy.hasIdentifier(related) { recursionList.append(related) }
                        issuerCopy.issue(related)
                        issuerCopy.appendIdentifier(of: related, to: &path)
                    }
                    if Self.exceeds(path, chosenPath) { continue permutations }
                }
                for related in recursionList {
                    let result = try hashNDegreeQuads(related, issuer: issuerCopy)
                    issuerCopy.appendIdentifier(of: related, to: &path)
                    path.append(UInt8(ascii: "<"))
                    path.append(contentsOf: result.hash)
                    path.append(UInt8(ascii: ">"))
                    issuerCopy = result.issuer
                    if Self.exceeds(path, chosenPath) { continue permutations }
                }
                if chosenPath.isEmpty || ByteOrder.compare(path[...], chosenPath[...]) < 0 {
                    chosenPath = path
                    chosenIssuer = issuerCopy
                }
            }
            digest.update(chosenPath)
            if let chosenIssuer { issuer = chosenIssuer }
        }
        return (digest.finalizeHex(), issuer)
    }

    /// Steps 5.4.4.3 and 5.4.5.5: this permutation can no longer beat the chosen path.
    private static func exceeds(_ path: [UInt8], _ chosenPath: [UInt8]) -> Bool {
        !chosenPath.isEmpty && path.count >= chosenPath.count && ByteOrder.compare(path[...], chosenPath[...]) > 0
    }
}

/// All permutations of a list, in the Steinhaus–Johnson–Trotter order the reference implementations use,
/// starting from the list sorted by blank node label. Elements are compared by label rank.
struct Permuter {
    private var list: [Int32]
    private var movesLeft: [Int32: Bool] = [:]
    private let ranks: [Int32]
    private var done = false

    init(_ elements: [Int32], ranks: [Int32]) {
        self.ranks = ranks
        self.list = elements.sorted { ranks[Int($0)] < ranks[Int($1)] }
        for element in list { movesLeft[element] = true }
    }

    private func greater(_ a: Int32, _ b: Int32) -> Bool {
        ranks[Int(a)] > ranks[Int(b)]
    }

    /// The next permutation, or `nil` after the last one.
    mutating func next() -> [Int32]? {
        guard !done else { return nil }
        let current = list
        var mobile: Int32?
        var mobileIndex = 0
        for (i, element) in list.enumerated() {
            let left = movesLeft[element] ?? true
            let isMobile = left ? (i > 0 && greater(element, list[i - 1])) : (i < list.count - 1 && greater(element, list[i + 1]))
            if isMobile, mobile.map({ greater(element, $0) }) ?? true {
                mobile = element
                mobileIndex = i
            }
        }
        guard let k = mobile else {
            done = true
            return current
        }
        let swapIndex = (movesLeft[k] ?? true) ? mobileIndex - 1 : mobileIndex + 1
        list.swapAt(mobileIndex, swapIndex)
        for element in list where greater(element, k) {
            movesLeft[element] = !(movesLeft[element] ?? true)
        }
        return current
    }
}
