/// Compressed inputs made with CPython 3 / zlib 1.2.13 (`zlib.compress`, `zlib.compressobj(wbits=-15)`, `gzip.compress`),
/// and a few hand-assembled streams; the plaintexts are rebuilt in Swift so each test compares every byte.
enum Vectors {
    /// Decodes lowercase hex, skipping line breaks and indentation; test data only.
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: " ") })
        return stride(from: 0, to: digits.count - 1, by: 2).map { i in
            UInt8(Self.nibble(digits[i]) << 4 | Self.nibble(digits[i + 1]))
        }
    }

    private static func nibble(_ c: UInt8) -> Int {
        c <= UInt8(ascii: "9") ? Int(c - UInt8(ascii: "0")) : Int(c - UInt8(ascii: "a") + 10)
    }

    // MARK: plaintexts

    static let storedText = Array("hello, hello, hello stored world".utf8)
    static let fixedText = Array("Open Badges Open Badges Open Badges!".utf8)
    /// 856 bytes of pangrams: enough repetition for zlib to choose a dynamic Huffman block.
    static let dynamicText: [UInt8] = {
        let fox = "The quick brown fox jumps over the lazy dog. "
        let box = "Pack my box with five dozen liquor jugs; sphinx of black quartz, judge my vow. "
        return Array(String(repeating: String(repeating: fox, count: 3) + box, count: 4).utf8)
    }()

    /// Letters A…P repeated 1, 1, 2, 3, 5, … 987 times (Fibonacci), shuffled by a fixed LCG: Huffman codes up to 15 bits long.
    static let fibonacciText: [UInt8] = {
        var counts = [1, 1]
        while counts.count < 16 { counts.append(counts[counts.count - 1] + counts[counts.count - 2]) }
        var data: [UInt8] = []
        for (i, count) in counts.enumerated() { data += Array(repeating: UInt8(65 + i), count: count) }
        var x = 7
        for i in stride(from: data.count - 1, to: 0, by: -1) {
            x = (x &* 1_103_515_245 &+ 12345) % (1 << 31)
            data.swapAt(i, (x >> 8) % (i + 1))
        }
        return data
    }()

    // MARK: compressed

    /// zlib, level 0: one stored block.
    static let zlibStored = bytes("7801012000dfff68656c6c6f2c2068656c6c6f2c2068656c6c6f2073746f72656420776f726c64be960bce")
    /// Raw deflate, `Z_FIXED`: one fixed-Huffman block.
    static let rawFixed = bytes("f32f48cd53704a4c494f2d56f0c7ce560400")
    /// zlib, level 9: one dynamic-Huffman block.
    static let zlibDynamic = bytes(
        """
        78daed8fc911833010045399005c4ec049f8410292d1650b2dba41d1b364e00f3fdeddb3b53d598558dde70799a80768daf0adcb9a414d2514c65e8c
        1d339927a6cbe4b7606fd92159eaae5868d714a3a102bc8b95126f4d7e21afd6850da421fdb98955a4321e4c67a3ce0b8dfa958fde5577d53f550720
        b5336c
        """
    )
    /// The same deflate data in a gzip member (mtime 0, no name).
    static let gzipDynamic = bytes(
        """
        1f8b0800000000000203ed8fc911833010045399005c4ec049f8410292d1650b2dba41d1b364e00f3fdeddb3b53d598558dde70799a80768daf0adcb
        9a414d2514c65e8c1d339927a6cbe4b7606fd92159eaae5868d714a3a102bc8b95126f4d7e21afd6850da421fdb98955a4321e4c67a3ce0b8dfa958f
        de5577d53f5507188a95c058030000
        """
    )
    /// A gzip member with every optional header field: FEXTRA "ab\0\0", FNAME "list.bin", FCOMMENT, FHCRC; data "credential status".
    static let gzipAllFlags = bytes(
        """
        1f8b081e0000000000030400616200006c6973742e62696e006120636f6d6d656e7400f8324b2e4a4d49cd2bc94ccc51282e492c292d0600b7950b2d
        11000000
        """
    )
    /// Two gzip members, "first " and "second".
    static let gzipTwoMembers = bytes(
        """
        1f8b08000000000002034bcb2c2a2e510000fc7af11c060000001f8b08000000000002032b4e4dcecf4b010069111fb606000000
        """
    )
    /// Raw deflate of `fibonacciText` at level 9 (dynamic block, CRC-32 1293111092).
    static let rawFibonacci = bytes(
        """
        45960996e3380c43cf36d395d85a48eafea7197c50d5937a95d8b2c40504419fcc736aebff64ff67add2f7de559b8513f9ad1355e733a61e446a77ea
        36224317676120757d62f32059097e2b6c7dcabe2d6134872e8e2ece8a35b436f7d151d9db1c494c446947861678b0f43ce5676bdb574b6cd3474b32
        42e08ebc7085a5e518621d7f8a03b2996754be7a120aedccc43631f1a76b3c79fbc9afd21b0ef128dddd766a909d9222b4c24d9b7e3bfda53ff25528
        11e198d96658b15986061cc0b69ed5089e5cecfc4527e7d46945947c6b3903575801aecc47079c9901bb5018038390aaddc9579bf0b8ed5b2085e302
        d5a9552a0c4082379d06fb2ac69ea1ad3b41b9ed964d535b98c07536504651e7bde56d14cfc7dffb3c8a42f02a804759246430006ce352675c63d341
        e6e42f0d69ae08a7d16e8f1986b34e1f44ced7a97b6d6547e2c77f8ee355254dae7401a941520c276ba33cc8a64b17466bd32cd56d4c9f368f8ca44f
        cb66e886fa771641c946427911c48614b8b0054e0cd77e4d1825f612c74c3346951f65908c65e420d2e967bbb1d443a17a935f6dc82d49515c97499f
        6997484cc6a1d86e3226505caada0477ee3f1962f3d4dd1a1f5c50f198d87c16a956dd921cbbaf17738bc6291e6bdff08374631e473b1cc168e065cf
        bcda820b54ccf8ee132dcfd3006beb8f70820694764298b5dd48db6d786d71484ea29adfd1ad7499495165430e57777e6719e56a91f4a6675c78a320
        3e2269be07c7665356744ccd28179d2c284dbc66071d78ba7d169d8e7ee5ff9d464c6f52003e5f075f747fb68e9eaee9508d9a7dcd371f05567b0f37
        2a9a8bf6e974580f9d7e77df43c7d45a35ea76a67f24beef553fa3a4845ef73dcd9ad6432b38592f2b9ad6d62f5966b484761ff8036251ff9a06f38a
        61170d8d2f961e472f1dc5e4a7597c1a4889347a82f4e86ae65ff9cbddc668c86877d98de9dae1f725774ab4cad285e141791baa70ebc5fd757615d8
        524ef3ca01a42339cd148e4fe458183e2d5c9e48a7750a23c1ec72811905d573e374bcf4b22173b0e8bad58e24bbb0313d32b6152885c5cf0e045b3c
        cb6186490bbec8840c0f6b34f2f3c65ed163462ed33da8eabf3d5056b538f52024b6bd7eec1127b355badbe93971e71594a8ee916cac3c3695e0c7a4
        72e76ea2971eb70221679eeaefedf7ee9bf3b7f525c3d49f3ca8f46c1979ace19e96349e1ba3817dc829ddec9e845ce73a1769788a52413498a1e0a9
        bfe73128980ed3c4749793fb760bbc67cd730515b1a8df810df1d726b7d5ae724c4b704beb74bdbae0d51466c6acb3ac6720f80f4d676cd8389a41df
        abdd06a5628e9e3a2d79c3118ad59ac1565fc456d2d70374157a7f6d6ebf85109140e49de526ea563ef73d237b6eddf71ecacb7960ebce75252428e7
        4f8fe1ee93d343b9a5cb2f0aad27cbe20bc9d32f0cb03289a096d59363db52630963c2b8ffa3b5d3d9b8daa75f3db4f6fc07
        """
    )
    /// zlib of 1 MiB of zeros: 1,039 bytes, a 1000:1 ratio. The middle 1,016 bytes are all zero
    /// (each a run of 258-byte matches).
    static let zlibMegabyteOfZeros = bytes("78daedc13101000000c2a0f54f6d085fa0") + Array(repeating: 0, count: 1016) + bytes("3e0300f00001")

    /// Hand-assembled raw streams (fixed-Huffman blocks).
    static let rawSingleA = bytes("730400")
    /// A length-3 match at distance 1 before any output.
    static let rawDistanceBeforeStart = bytes("030200")
    /// Literal/length symbol 286, which the fixed code reserves.
    static let rawReservedSymbol = bytes("1b0300")
    /// A dynamic block whose code-length code gives four symbols length 1.
    static let rawOversubscribed = bytes("05009204")
}
