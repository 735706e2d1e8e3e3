import Skills
import Testing

@testable import Reporting

/// What the writer produces, read back by the Skills library's RFC 4180 reader (which shares no code with it).
private func parseCSV(_ text: String) -> [[String]] {
    ((try? CSVReader.records(Array(text.utf8))) ?? []).map(\.fields)
}

@Suite struct CSVWriterTests {
    @Test func roundTripsThroughAnRFC4180Reader() {
        let csv = CSVWriter.document(
            header: ["group", "earned", "rate", "note"],
            rows: [
                [.text("Women, 25–34"), .integer(120), .decimal(0.4167, places: 3), .text("said \"yes\"\r\nnext line")],
                [.text(" padded "), .empty, .decimal(-0.25, places: 2), .text("plain")],
            ]
        )
        #expect(csv.hasSuffix("\r\n"))
        #expect(csv.hasPrefix("group,earned,rate,note\r\n"))
        #expect(
            parseCSV(csv) == [
                ["group", "earned", "rate", "note"],
                ["Women, 25–34", "120", "0.417", "said \"yes\"\r\nnext line"],
                [" padded ", "", "-0.25", "plain"],
            ]
        )
    }

    @Test func guardsTextAgainstFormulaInjection() {
        let record = CSVWriter.record([.text("=HYPERLINK(\"http://x\")"), .text("+1"), .text("-2"), .text("@SUM(A1)"), .text("\tx"), .text("a=b")])
        #expect(parseCSV(record) == [["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "a=b"]])
        // Numbers are never prefixed.
        #expect(CSVWriter.record([.integer(-3), .decimal(-0.5, places: 1)]) == "-3,-0.5\r\n")
        #expect(CSVWriter.record([.decimal(.nan, places: 2)]) == "\r\n")
    }
}

@Suite struct HTMLEscapingTests {
    @Test func escapesMarkupAndReplacesForbiddenCharacters() {
        #expect(HTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping.escape("tab\tnew\nline\u{0}\u{1F}\u{FFFF}é") == "tab\tnew\nline\u{FFFD}\u{FFFD}\u{FFFD}é")
        #expect(HTMLEscaping.escape("") == "")
    }
}

@Suite struct NumberTextTests {
    @Test func formatsWithoutLocale() {
        #expect(NumberText.decimal(1234.5678, places: 2) == "1234.57")
        #expect(NumberText.decimal(-0.0001, places: 2) == "0.00")
        #expect(NumberText.decimal(-1.5, places: 0) == "-2")
        #expect(NumberText.decimal(.infinity, places: 2) == "–")
        #expect(NumberText.percent(0.4167) == "41.7%")
        #expect(NumberText.pValue(0.0004) == "< 0.001" && NumberText.pValue(0.0496) == "0.050")
        #expect(NumberText.pStatement(0.0004) == "p < 0.001" && NumberText.pStatement(0.012) == "p = 0.012")
    }
}

@Suite struct QuantileTests {
    @Test func matchesNumpyLinearInterpolation() {
        // numpy.quantile([1, 2, 4, 7, 11], [0, 0.1, 0.25, 0.5, 0.9, 1]) → 1, 1.4, 2, 4, 9.4, 11
        let values: [Double] = [1, 2, 4, 7, 11]
        let expected = [(0.0, 1.0), (0.1, 1.4), (0.25, 2.0), (0.5, 4.0), (0.9, 9.4), (1.0, 11.0)]
        for (p, q) in expected { #expect(isClose(Quantile.linear(sorted: values, p), q)) }
        #expect(Quantile.linear(sorted: [], 0.5) == nil)
        #expect(Quantile.median([3, 1, 2, 10]) == 2.5)
        let interval = Quantile.percentileInterval(replicates: (0...100).map(Double.init).reversed(), confidence: 0.9)
        #expect(isClose(interval?.lower, 5) && isClose(interval?.upper, 95))
    }
}

@Suite struct SeededGeneratorTests {
    @Test func isReproducibleAndUnbiasedEnough() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        // SplitMix64 reference: the first output for seed 0 is 0xE220A8397B1DCDAF (Vigna's splitmix64.c).
        var zero = SeededGenerator(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        var counts = [Int](repeating: 0, count: 6)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<60_000 { counts[generator.index(below: 6)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
        #expect(generator.index(below: 1) == 0)
    }
}
