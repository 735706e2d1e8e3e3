public import Foundation

/// A verified, decoded status list as the cache holds it. The server may persist these (for instance in its
/// `status_lists` table) and preload them into a new ``StatusListCache`` after a restart.
public struct StatusListSnapshot: Sendable, Hashable, Codable {
    /// The URL the list was fetched from (what entries' `statusListCredential` name).
    public var url: String
    /// `BitstringStatusListCredential` or `StatusList2021Credential`.
    public var credentialType: String
    public var listCredentialID: String?
    public var issuerID: String?
    /// The list's `statusPurpose` values.
    public var purposes: [String]
    /// The decompressed bitstring; entry `i` of size `s` is bits `i*s ..< (i+1)*s`, most significant bit of byte 0 first.
    public var bits: [UInt8]
    public var validUntil: Date?
    public var fetchedAt: Date
    /// When the list must be fetched again: its `ttl`, the deployment default, or its `validUntil`, whichever is first.
    public var refreshAfter: Date
    /// Things worth knowing that did not stop the list from being used (short list, served from another URL, …).
    public var warnings: [String]

    public init(
        url: String,
        credentialType: String,
        listCredentialID: String?,
        issuerID: String?,
        purposes: [String],
        bits: [UInt8],
        validUntil: Date?,
        fetchedAt: Date,
        refreshAfter: Date,
        warnings: [String]
    ) {
        self.url = url
        self.credentialType = credentialType
        self.listCredentialID = listCredentialID
        self.issuerID = issuerID
        self.purposes = purposes
        self.bits = bits
        self.validUntil = validUntil
        self.fetchedAt = fetchedAt
        self.refreshAfter = refreshAfter
        self.warnings = warnings
    }

    /// The number of bits in the list.
    public var bitCount: Int { bits.count * 8 }

    /// The value of entry `index` of `size` bits, or `nil` when it lies outside the list.
    func value(at index: Int, size: Int) -> Int? {
        let (start, overflow) = index.multipliedReportingOverflow(by: size)
        guard !overflow, start >= 0, start + size <= bitCount else { return nil }
        var value = 0
        for bit in start..<(start + size) {
            value = value << 1 | Int(bits[bit / 8] >> (7 - UInt8(bit % 8)) & 1)
        }
        return value
    }
}
