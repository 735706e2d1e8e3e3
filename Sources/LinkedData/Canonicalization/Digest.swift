import Crypto

/// An incremental SHA-256 or SHA-384 whose result is the lower-case hex text RDFC-1.0 compares and concatenates.
struct Digest {
    private enum State {
        case sha256(SHA256)
        case sha384(SHA384)
    }

    private var state: State

    init(_ algorithm: CanonicalHashAlgorithm) {
        switch algorithm {
        case .sha256: state = .sha256(SHA256())
        case .sha384: state = .sha384(SHA384())
        }
    }

    mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { buffer in
            switch state {
            case .sha256(var h):
                h.update(bufferPointer: buffer)
                state = .sha256(h)
            case .sha384(var h):
                h.update(bufferPointer: buffer)
                state = .sha384(h)
            }
        }
    }

    mutating func update(_ bytes: [UInt8]) {
        update(bytes[...])
    }

    func finalizeHex() -> [UInt8] {
        switch state {
        case .sha256(let h): return Self.hex(h.finalize())
        case .sha384(let h): return Self.hex(h.finalize())
        }
    }

    static func hex(_ digest: some Sequence<UInt8>) -> [UInt8] {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(96)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return out
    }

    static func hex(of bytes: [UInt8], using algorithm: CanonicalHashAlgorithm) -> [UInt8] {
        var digest = Digest(algorithm)
        digest.update(bytes)
        return digest.finalizeHex()
    }
}
