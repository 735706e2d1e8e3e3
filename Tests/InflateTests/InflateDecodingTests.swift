import Inflate
import Testing

@Suite struct InflateDecodingTests {
    @Test func storedBlockInZlib() throws {
        #expect(try Inflate.decompress(zlib: Vectors.zlibStored, maxOutput: 1 << 16) == Vectors.storedText)
    }

    @Test func fixedHuffmanBlock() throws {
        #expect(try Inflate.decompress(raw: Vectors.rawFixed, maxOutput: 1 << 16) == Vectors.fixedText)
        #expect(try Inflate.decompress(raw: Vectors.rawSingleA, maxOutput: 1) == Array("A".utf8))
    }

    @Test func dynamicHuffmanBlockInZlib() throws {
        #expect(try Inflate.decompress(zlib: Vectors.zlibDynamic, maxOutput: 1 << 16) == Vectors.dynamicText)
    }

    @Test func codesLongerThanTheLookupTable() throws {
        let output = try Inflate.decompress(raw: Vectors.rawFibonacci, maxOutput: 1 << 16)
        #expect(output.count == 2583)
        #expect(output == Vectors.fibonacciText)
    }

    @Test func gzipMember() throws {
        #expect(try Inflate.decompress(gzip: Vectors.gzipDynamic, maxOutput: 1 << 16) == Vectors.dynamicText)
    }

    @Test func gzipHeaderWithEveryOptionalField() throws {
        #expect(try Inflate.decompress(gzip: Vectors.gzipAllFlags, maxOutput: 1 << 16) == Array("credential status".utf8))
    }

    @Test func concatenatedGzipMembersAreOneFile() throws {
        #expect(try Inflate.decompress(gzip: Vectors.gzipTwoMembers, maxOutput: 1 << 16) == Array("first second".utf8))
    }

    @Test func zeroPaddingAfterTheLastGzipMemberIsIgnored() throws {
        let padded = Vectors.gzipDynamic + [0, 0, 0, 0]
        #expect(try Inflate.decompress(gzip: padded, maxOutput: 1 << 16) == Vectors.dynamicText)
    }

    @Test func outputExactlyAtTheLimitIsAccepted() throws {
        let zeros = try Inflate.decompress(zlib: Vectors.zlibMegabyteOfZeros, maxOutput: 1 << 20)
        #expect(zeros.count == 1 << 20)
        #expect(zeros.allSatisfy { $0 == 0 })
        #expect(try Inflate.decompress(zlib: Vectors.zlibStored, maxOutput: Vectors.storedText.count) == Vectors.storedText)
    }
}
