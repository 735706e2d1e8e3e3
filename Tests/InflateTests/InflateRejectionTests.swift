import Inflate
import Testing

@Suite struct InflateRejectionTests {
    /// Calls `body` and returns the `InflateError` it throws, or `nil` when it succeeds.
    private func error(_ body: () throws(InflateError) -> [UInt8]) -> InflateError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    private func flipping(_ bytes: [UInt8], at index: Int) -> [UInt8] {
        var copy = bytes
        copy[index] ^= 0x01
        return copy
    }

    @Test func decompressionBombStopsAtTheLimit() {
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(zlib: Vectors.zlibMegabyteOfZeros, maxOutput: 65536) }
                == .outputLimitExceeded(limit: 65536)
        )
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(zlib: Vectors.zlibStored, maxOutput: 10) }
                == .outputLimitExceeded(limit: 10)
        )
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(raw: Vectors.rawFixed, maxOutput: 10) }
                == .outputLimitExceeded(limit: 10)
        )
    }

    @Test func everyProperPrefixIsTruncated() {
        for vector in [Vectors.gzipDynamic, Vectors.gzipAllFlags] {
            for length in 0..<vector.count {
                let prefix = Array(vector[..<length])
                #expect(error { () throws(InflateError) in try Inflate.decompress(gzip: prefix, maxOutput: 1 << 16) } == .truncated)
            }
        }
        for length in 0..<Vectors.zlibDynamic.count {
            let prefix = Array(Vectors.zlibDynamic[..<length])
            #expect(error { () throws(InflateError) in try Inflate.decompress(zlib: prefix, maxOutput: 1 << 16) } == .truncated)
        }
    }

    @Test func checksumsAreVerified() {
        let gzip = Vectors.gzipDynamic
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(gzip: flipping(gzip, at: gzip.count - 8), maxOutput: 1 << 16) }
                == .checksumMismatch("CRC-32")
        )
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(gzip: flipping(gzip, at: gzip.count - 4), maxOutput: 1 << 16) }
                == .checksumMismatch("ISIZE")
        )
        let flags = Vectors.gzipAllFlags
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(gzip: flipping(flags, at: 20), maxOutput: 1 << 16) }
                == .checksumMismatch("header CRC")
        )
        let zlib = Vectors.zlibDynamic
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(zlib: flipping(zlib, at: zlib.count - 1), maxOutput: 1 << 16) }
                == .checksumMismatch("Adler-32")
        )
    }

    @Test func containerHeadersAreChecked() {
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(gzip: Vectors.zlibDynamic, maxOutput: 1 << 16) }
                == .invalidHeader("not gzip data")
        )
        var method = Vectors.gzipDynamic
        method[2] = 7
        #expect(error { () throws(InflateError) in try Inflate.decompress(gzip: method, maxOutput: 1 << 16) } == .unsupported("compression method 7"))
        var reserved = Vectors.gzipDynamic
        reserved[3] = 0x20
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(gzip: reserved, maxOutput: 1 << 16) }
                == .invalidHeader("reserved flag bits set")
        )
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(zlib: flipping(Vectors.zlibDynamic, at: 1), maxOutput: 1 << 16) }
                == .invalidHeader("header check bits")
        )
        // 0x78 0xBB: FDICT set, check bits valid.
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(zlib: [0x78, 0xBB, 0, 0, 0, 0], maxOutput: 1 << 16) }
                == .unsupported("preset dictionary")
        )
    }

    @Test func trailingBytesAreRejected() {
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(zlib: Vectors.zlibDynamic + [0], maxOutput: 1 << 16) }
                == .trailingData(offset: Vectors.zlibDynamic.count)
        )
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(raw: Vectors.rawFixed + [1], maxOutput: 1 << 16) }
                == .trailingData(offset: Vectors.rawFixed.count)
        )
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(gzip: Vectors.gzipDynamic + [7, 7], maxOutput: 1 << 16) }
                == .trailingData(offset: Vectors.gzipDynamic.count)
        )
    }

    @Test func malformedDeflateData() {
        // BFINAL=1, BTYPE=3.
        #expect(error { () throws(InflateError) in try Inflate.decompress(raw: [0x07], maxOutput: 1 << 16) } == .invalidBlockType)
        // Stored block whose LEN 5 does not match NLEN 0.
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(raw: [0x01, 0x05, 0x00, 0x00, 0x00], maxOutput: 1 << 16) }
                == .storedLengthMismatch
        )
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(raw: Vectors.rawDistanceBeforeStart, maxOutput: 1 << 16) }
                == .distanceTooFarBack
        )
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(raw: Vectors.rawReservedSymbol, maxOutput: 1 << 16) }
                == .invalidSymbol
        )
        #expect(
            error { () throws(InflateError) in try Inflate.decompress(raw: Vectors.rawOversubscribed, maxOutput: 1 << 16) }
                == .invalidCodeLengths("over-subscribed code")
        )
    }

    @Test func corruptedDataNeverDecodesSilentlyToTheOriginal() {
        // Flipping any single bit of the deflate data must either fail or change the output; with the CRC-32 in place it must fail.
        let gzip = Vectors.gzipDynamic
        for index in 10..<(gzip.count - 8) {
            #expect(error { () throws(InflateError) in try Inflate.decompress(gzip: flipping(gzip, at: index), maxOutput: 1 << 16) } != nil)
        }
    }
}
