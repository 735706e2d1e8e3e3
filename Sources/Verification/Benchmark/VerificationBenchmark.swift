public import Credentials
import Crypto
import CryptoExtras
public import Foundation
import StrictJSON

/// Single-threaded verification throughput per proof type on the shared fixtures, for `credence bench verify`,
/// with the raw signature rates of the same machine as references (the goals are ratios to those).
public enum VerificationBenchmark {
    /// One credential to verify repeatedly.
    public struct Sample: Sendable {
        public var name: String
        public var credential: SecuredCredential
        public var options: VerificationOptions

        public init(name: String, credential: SecuredCredential, options: VerificationOptions = VerificationOptions()) {
            self.name = name
            self.credential = credential
            self.options = options
        }
    }

    /// Throughput and latency for one sample (or one raw signature reference).
    public struct Measurement: Sendable, CustomStringConvertible {
        public var name: String
        public var iterations: Int
        /// Wall-clock rate.
        public var perSecond: Double
        /// Rate per second of this process's CPU time: the figure to compare on a machine shared with other work.
        public var perCPUSecond: Double
        public var p50: Duration
        public var p95: Duration
        /// The verification outcome (every iteration gives the same); `nil` for raw references.
        public var outcome: VerificationOutcome?

        public var description: String {
            let result = outcome.map { ", outcome \($0.rawValue)" } ?? ""
            return "\(name): \(Int(perSecond.rounded()))/s (\(Int(perCPUSecond.rounded()))/CPU-s), p50 \(p50), p95 \(p95) over \(iterations)\(result)"
        }
    }

    /// The samples, read from `signed`, the `shared/data/openbadges/signed` folder (a command-line argument; the library
    /// never reads shared data on its own). Keys the samples need are served from memory, as preloaded documents would be.
    public static func samples(signed: URL) throws -> (samples: [Sample], fetcher: StaticDocumentFetcher) {
        func object(_ path: String) throws -> JSONValue { try JSONParser.parse(Array(try Data(contentsOf: signed.appendingPathComponent(path)))) }
        func token(_ path: String) throws -> SecuredCredential {
            let compact = String(decoding: try Data(contentsOf: signed.appendingPathComponent(path)), as: UTF8.self).trimmingWhitespace()
            guard case .success(let parts) = JWSParts.parse(compact) else { throw CocoaError(.fileReadCorruptFile) }
            return .jwt(
                compact: compact,
                header: parts.header,
                payload: parts.payload,
                credential: .object(JWTVerifier.credential(of: parts.payload))
            )
        }
        let relaxed = VerificationOptions(requireIssuerKeyBinding: false)
        let samples = [
            Sample(
                name: "eddsa-rdfc-2022 (OB spec credential)",
                credential: .embedded(document: try object("ob-spec-test-vectors/ob-signed-credential.json"))
            ),
            Sample(
                name: "eddsa-rdfc-2022 (did:key issuer)",
                credential: .embedded(document: try object("generated/ob-spec-credential-didkey-issuer-eddsa-rdfc-2022.json"))
            ),
            Sample(name: "eddsa-jcs-2022", credential: .embedded(document: try object("generated/ob-spec-credential-eddsa-jcs-2022.json"))),
            Sample(name: "Ed25519Signature2020", credential: .embedded(document: try object("1edtech-validator/ob30/simple_v1.json"))),
            Sample(
                name: "ecdsa-rdfc-2019 P-256",
                credential: .embedded(document: try object("w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/signedECDSAP256.json")),
                options: relaxed
            ),
            Sample(name: "VC-JWT EdDSA", credential: try token("w3c-vc-jose-cose/input/credential-issuer-match-signed.txt")),
            Sample(name: "VC-JWT ES256", credential: try token("w3c-vc-jose-cose/input/credential-jose-minimal.txt")),
            Sample(name: "VC-JWT RS256 (embedded jwk)", credential: try token("1edtech-validator/ob30/extracted/simple-jwt_png.jwt")),
        ]
        var methods: [JSONValue] = []
        for name in ["vm-p256.json", "vm-ed25519.json"] {
            guard var method = try object("w3c-vc-jose-cose/input/" + name).objectValue else { continue }
            method["secretKeyJwk"] = nil
            methods.append(.object(method))
        }
        let issuer = "https://example.issuer/vc-jose-cose"
        let controller = JSONValue.object(["id": .string(issuer), "verificationMethod": .array(methods)]).serializedBytes()
        return (samples, StaticDocumentFetcher(documents: [issuer: FetchedDocument(url: issuer, body: controller)]))
    }

    /// Verifies each sample `iterations` times after a warm-up (which also fills the document caches, as in steady state).
    public static func run(
        _ samples: [Sample],
        fetcher: any DocumentFetcher,
        canonicalizer: any CredentialCanonicalizer,
        now: Date,
        iterations: Int
    ) async -> [Measurement] {
        let documents = DocumentLoader(fetcher: fetcher)
        var measurements: [Measurement] = []
        for sample in samples {
            let verifier = CredentialVerifier(
                documents: documents,
                canonicalizer: canonicalizer,
                clock: { now },
                options: sample.options,
                statusLists: StatusListCache()
            )
            var outcome = VerificationOutcome.verified
            var measurement = await measure(sample.name, iterations: iterations) {
                outcome = await verifier.verify(sample.credential).outcome
            }
            measurement.outcome = outcome
            measurements.append(measurement)
        }
        return measurements
    }

    /// Raw signature verification rates on this machine: Ed25519, P-256 and RSA-2048 over a 64-byte message.
    public static func references(iterations: Int) async throws -> [Measurement] {
        let message = [UInt8](repeating: 7, count: 64)
        let ed = Curve25519.Signing.PrivateKey()
        let edSignature = try ed.signature(for: message)
        let p256 = P256.Signing.PrivateKey()
        let p256Signature = try p256.signature(for: message)
        let rsa = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let rsaSignature = try rsa.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
        var valid = true
        let results = [
            await measure("raw Ed25519 verify", iterations: iterations) { valid = valid && ed.publicKey.isValidSignature(edSignature, for: message) },
            await measure("raw P-256 verify", iterations: iterations) {
                valid = valid && p256.publicKey.isValidSignature(p256Signature, for: SHA256.hash(data: message))
            },
            await measure("raw RSA-2048 verify", iterations: iterations) {
                valid = valid && rsa.publicKey.isValidSignature(rsaSignature, for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
            },
        ]
        return valid ? results : []
    }

    /// Runs `body` repeatedly. Call from a nonisolated context (as `run` is): from the main actor every `await` of a
    /// nonisolated function would hop threads and the hop, not verification, would dominate.
    private static func measure(_ name: String, iterations requested: Int, _ body: () async -> Void) async -> Measurement {
        let iterations = max(1, requested)
        let clock = ContinuousClock()
        for _ in 0..<max(1, iterations / 10) { await body() }
        var durations: [Duration] = []
        durations.reserveCapacity(iterations)
        let started = clock.now
        let cpuStarted = Foundation.clock()
        for _ in 0..<iterations {
            let start = clock.now
            await body()
            durations.append(clock.now - start)
        }
        let total = clock.now - started
        let cpuSeconds = Double(Foundation.clock() - cpuStarted) / Double(CLOCKS_PER_SEC)
        durations.sort()
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        return Measurement(
            name: name,
            iterations: iterations,
            perSecond: Double(iterations) / max(seconds, 1e-9),
            perCPUSecond: Double(iterations) / max(cpuSeconds, 1e-9),
            p50: durations[durations.count / 2],
            p95: durations[min(durations.count - 1, durations.count * 95 / 100)],
            outcome: nil
        )
    }
}
