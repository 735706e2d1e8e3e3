import ArgumentParser
import Foundation
import LinkedData
import StrictJSON

/// `credence canonicalize FILE`: the exact bytes a Data Integrity signature covers, for issuers debugging a mismatch.
struct CanonicalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonicalize",
        abstract: "Print the canonical form of a credential (RDFC-1.0 N-Quads, or JCS).",
        discussion: """
            Without options, prints the canonical N-Quads of the document without its proof. With --proof, prints \
            those of the proof configuration (the proof without proofValue, carrying the document's @context), \
            as VC Data Integrity hashes it. With --jcs, prints the RFC 8785 form instead (the -jcs- cryptosuites).
            Contexts come only from the pinned bundle (and --contexts). Data that verification rejects in safe mode \
            (undefined terms, relative identifiers) is reported on standard error, naming the term and its JSON \
            pointer, and the output is what plain JSON-LD gives without it; with --strict it is an error instead.
            """
    )

    @Argument(help: "The JSON-LD document, or - for standard input.")
    var file: String

    @Flag(help: "Canonicalize the proof configuration instead of the document.")
    var proof = false

    @Option(help: "Which proof to use when the document has several (0-based).")
    var proofIndex = 0

    @Flag(help: "Print JCS (RFC 8785) instead of canonical N-Quads.")
    var jcs = false

    @Flag(help: "Print the SHA-256 (hex) of the canonical form instead of the form itself.")
    var digest = false

    @Flag(help: "Fail on data safe mode rejects (undefined terms, relative identifiers) instead of warning.")
    var strict = false

    @Option(help: "How @direction reaches RDF: i18n-datatype (default, as jsonld-signatures signs), compound-literal, or none.")
    var rdfDirection = "i18n-datatype"

    @Option(help: "A folder of additional contexts, with an INDEX.json mapping URL to {\"file\", \"sha256\"}.")
    var contexts: String?

    func run() async throws {
        let bytes = file == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        guard case .object(let document) = try JSONParser.parse(bytes, limits: .trusted) else {
            throw ValidationError("\(file) does not hold a JSON object")
        }
        var target = document.removing("proof")
        if proof {
            let proofs = (document["proof"] ?? .null).asList
            guard proofs.indices.contains(proofIndex), case .object(let selected) = proofs[proofIndex] else {
                throw ValidationError("\(file) has no proof number \(proofIndex)")
            }
            target = JSONLDProcessor.proofConfiguration(selected, documentContext: document["@context"])
        }
        let output: [UInt8]
        if jcs {
            output = try JCS.canonicalize(.object(target))
        } else {
            let loader = try StaticContextLoader(additionalDirectory: contexts.map { URL(fileURLWithPath: $0) })
            let processor = JSONLDProcessor(loader: loader)
            output = try canonicalNQuads(of: .object(target), processor: processor)
        }
        let text = digest ? Array((CanonicalHashAlgorithm.sha256.hexDigest(of: output) + "\n").utf8) : output
        FileHandle.standardOutput.write(Data(text))
    }

    /// The canonical N-Quads in safe mode; unless --strict, data safe mode rejects is reported and dropped.
    private func canonicalNQuads(of document: JSONValue, processor: JSONLDProcessor) throws -> [UInt8] {
        let direction: RDFDirection?
        switch rdfDirection {
        case "i18n-datatype": direction = .i18nDatatype
        case "compound-literal": direction = .compoundLiteral
        case "none": direction = nil
        default: throw ValidationError("--rdf-direction must be i18n-datatype, compound-literal or none")
        }
        let options = JSONLDOptions(rdfDirection: direction)
        let result = Result { () throws(LinkedDataError) in try processor.canonicalize(document, options: options) }
        switch result {
        case .success(let canonical):
            return canonical.bytes
        case .failure(let error):
            guard case .unsafeDrop = error, !strict else { throw error }
            FileHandle.standardError.write(Data("warning: verification would reject this document: \(error)\n".utf8))
            return try processor.canonicalize(document, options: JSONLDOptions(safeMode: false, rdfDirection: direction)).bytes
        }
    }
}
