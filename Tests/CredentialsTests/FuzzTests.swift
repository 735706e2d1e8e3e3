import Credentials
import Foundation
import Testing

/// Truncated and byte-mutated versions of every fixture must each be either read into well-formed badges or rejected
/// with typed problems; the run is deterministic (seeded) and time-limited, so a hang fails it.
@Suite struct FuzzTests {
    /// SplitMix64: a small, fast, seedable generator (Steele, Lea & Flood 2014).
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Outcome {
        case parsed([ParsedCredential])
        case rejected(CredentialRejection)
    }

    static let interestingBytes: [UInt8] = Array("\"{}[],:\\.<>&;=~ 0aZ".utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xFF]

    static func mutate(_ bytes: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &rng) where !out.isEmpty {
            // Half the edits land in the last 3 KB, where baked images keep their credential chunk.
            let tail = max(0, out.count - 3_000)
            let position = Bool.random(using: &rng) ? Int.random(in: tail..<out.count, using: &rng) : Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: out[position] = UInt8.random(in: 0...255, using: &rng)
            case 1: out[position] = interestingBytes.randomElement(using: &rng) ?? 0
            case 2: out.insert(interestingBytes.randomElement(using: &rng) ?? 0, at: position)
            default: out.remove(at: position)
            }
        }
        return out
    }

    @Test(.timeLimit(.minutes(5)))
    func truncatedAndMutatedFixtures() async throws {
        var rng = SplitMix64(state: 0x00C0_FFEE)
        let parser = Fixtures.parser
        var cases = 0
        var accepted = 0
        var rejectedCodes: Set<ProblemCode> = []
        for file in FixtureCatalogueTests.fixtureFiles() {
            let original = try Fixtures.bytes(file)
            let isJSON = file.hasSuffix(".json")
            let variants = original.count > 20_000 ? 6 : 16
            for index in 0..<variants {
                let truncation = index % 2 == 0
                let body = truncation ? Array(original.prefix(Int.random(in: 0..<original.count, using: &rng))) : Self.mutate(original, using: &rng)
                let mediaType = Bool.random(using: &rng) ? Fixtures.mediaType(of: file) : nil
                let outcome: Outcome
                do {
                    outcome = .parsed(try await parser.parse(body, mediaType: mediaType))
                } catch {
                    outcome = .rejected(error)
                }
                cases += 1
                switch outcome {
                case .parsed(let credentials):
                    accepted += 1
                    #expect(!credentials.isEmpty)
                    for credential in credentials {
                        #expect(!credential.badge.id.isEmpty && !credential.badge.achievement.name.isEmpty && !credential.badge.issuer.id.isEmpty)
                        #expect(credential.documentSHA256.count == 64 && credential.received == body)
                    }
                    // A proper prefix of a JSON document is never a whole one.
                    let trimmedLength = body.lastIndex { $0 > 0x20 }.map { $0 + 1 } ?? 0
                    let originalLength = original.lastIndex { $0 > 0x20 }.map { $0 + 1 } ?? 0
                    #expect(!(isJSON && truncation && trimmedLength < originalLength), "\(file) truncated to \(body.count) bytes was accepted")
                case .rejected(let rejection):
                    #expect(!rejection.problems.isEmpty)
                    #expect(rejection.problems.allSatisfy { !$0.message.isEmpty })
                    rejectedCodes.formUnion(rejection.problems.map(\.code))
                }
            }
        }
        #expect(cases > 3_000)
        #expect(accepted > 100)
        #expect(cases - accepted > 1_500)
        #expect(rejectedCodes.isSuperset(of: [.invalidJSON, .malformedJWS, .malformedPNG, .malformedSVG, .emptyBody, .missingField]))
    }
}
