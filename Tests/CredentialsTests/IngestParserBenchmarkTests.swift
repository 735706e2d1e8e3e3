import Credentials
import Testing

@Suite struct IngestParserBenchmarkTests {
    @Test func samplesAreRealisticAndClean() async throws {
        let parser = CredentialParser()
        for sample in IngestParserBenchmark.samples() {
            let parsed = try #require(try await parser.parse(sample.bytes, mediaType: sample.mediaType).first)
            let badge = parsed.badge
            #expect(parsed.warnings == [], "\(sample.name)")
            #expect(badge.achievement.name == "Data Analysis with Python")
            #expect(badge.alignments.count == 3)
            #expect(badge.results.map(\.proficiency?.normalised) == [2.0 / 3, 0.87])
            #expect(badge.results.map(\.proficiency?.meetsRequirement) == [true, true])
            #expect(badge.endorsements.map(\.issuerName) == ["Regional Data Guild"])
            #expect(badge.statusEntries.first?.index == "4711")
            #expect(badge.awarded.source == .awardedDate)
        }
    }

    @Test func measuresThroughputAndLatency() async {
        let measurements = await IngestParserBenchmark.run(iterations: 20)
        #expect(measurements.map(\.sample) == ["ob3-json", "ob3-vc-jwt"])
        for measurement in measurements {
            #expect(measurement.rejections == 0)
            #expect(measurement.perSecond > 0)
            #expect(measurement.p50 <= measurement.p95)
        }
    }
}
