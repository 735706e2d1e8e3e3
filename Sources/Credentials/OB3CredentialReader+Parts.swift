import StrictJSON

extension OB3CredentialReader {
    /// `evidence[]`: Evidence objects, or (a deviation) bare URLs.
    func readEvidence(_ root: Node) -> [Evidence] {
        fields.list(root, "evidence").compactMap { node in
            if let url = node.string {
                fields.log.warn(.ignoredValue, "evidence is a bare URL; OB 3.0 expects an Evidence object", at: node.pointer)
                return Evidence(url: url)
            }
            guard node.object != nil else {
                fields.log.warn(.ignoredValue, "evidence should be an object, found \(node.value.kindName); skipped", at: node.pointer)
                return nil
            }
            fields.checkType(node, expected: ["Evidence"], what: "evidence")
            return Self.evidence(node, fields: fields)
        }
    }

    /// The fields of an Evidence object, shared with OB 2.0.
    static func evidence(_ node: Node, fields: FieldReader) -> Evidence {
        // A blank-node id (`_:b1`) names nothing outside the document.
        let id = fields.text(node, "id").flatMap { $0.hasPrefix("_:") ? nil : $0 }
        return Evidence(
            url: id,
            name: fields.text(node, "name"),
            narrative: fields.text(node, "narrative"),
            description: fields.text(node, "description"),
            genre: fields.text(node, "genre"),
            audience: fields.text(node, "audience")
        )
    }

    /// `credentialStatus`: one entry, or several (VCDM 2.0 allows a list, e.g. revocation and suspension).
    func readStatus(_ root: Node) -> [CredentialStatusEntry] {
        guard let status = root["credentialStatus"] else { return [] }
        let entries = status.value.arrayValue.map { $0.enumerated().map { Node($1, at: status.pointer / $0) } } ?? [status]
        return entries.compactMap { node in
            guard node.object != nil else {
                fields.log.warn(.ignoredValue, "credentialStatus should be an object, found \(node.value.kindName); ignored", at: node.pointer)
                return nil
            }
            let type = fields.text(node, "type")
            let id = fields.text(node, "id")
            let list = fields.text(node, "statusListCredential")
            return CredentialStatusEntry(
                type: type,
                id: id,
                purpose: fields.text(node, "statusPurpose"),
                index: fields.text(node, "statusListIndex"),
                listURL: list ?? (type == "1EdTechRevocationList" ? id : nil),
                raw: node.value
            )
        }
    }

    /// `{id, type}` service entries (`refreshService`, `credentialSchema`); a single object is normal for `refreshService`.
    func readServices(_ root: Node, _ key: String) -> [ServiceReference] {
        guard let node = root[key] else { return [] }
        let entries = node.value.arrayValue.map { $0.enumerated().map { Node($1, at: node.pointer / $0) } } ?? [node]
        if key == "credentialSchema", node.value.arrayValue == nil {
            fields.log.warn(.singleValueForList, "expected a list, found a single value; read as a list of one", at: node.pointer)
        }
        return entries.compactMap { entry in
            guard entry.object != nil else { return nil }
            return ServiceReference(id: fields.text(entry, "id"), type: fields.text(entry, "type"))
        }
    }

    /// Embedded proofs, summarised for the verifier's records; a single proof object is the common deviation.
    func readProofs(_ root: Node) -> [ProofSummary] {
        fields.list(root, "proof").compactMap { node in
            guard node.object != nil else {
                fields.log.warn(.ignoredValue, "a proof should be an object, found \(node.value.kindName); ignored", at: node.pointer)
                return nil
            }
            return ProofSummary(
                type: fields.text(node, "type"),
                cryptosuite: fields.text(node, "cryptosuite"),
                verificationMethod: fields.text(node, "verificationMethod"),
                proofPurpose: fields.text(node, "proofPurpose"),
                created: fields.text(node, "created")
            )
        }
    }
}
