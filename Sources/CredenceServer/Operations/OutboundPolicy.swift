import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Rules for every request the service makes to other hosts: which URLs may be fetched, how long to wait
/// and how much to read. Verification fetches URLs chosen by credential authors, so by default only public
/// HTTPS hosts are reachable (no loopback, private or link-local addresses: no SSRF into the deployment).
public struct OutboundPolicy: Sendable, Equatable {
    public var allowPlainHTTP: Bool
    public var allowPrivateAddresses: Bool
    /// Answer only from the document cache (air-gapped deployments).
    public var offline: Bool
    public var timeout: Duration
    public var maxBytes: Int
    public var maxRedirects: Int
    /// How long a fetched document is reused when the server gives no usable Cache-Control.
    public var defaultLifetime: Duration

    public init(
        allowPlainHTTP: Bool = false,
        allowPrivateAddresses: Bool = false,
        offline: Bool = false,
        timeout: Duration = .seconds(5),
        maxBytes: Int = 2 << 20,
        maxRedirects: Int = 3,
        defaultLifetime: Duration = .seconds(3600)
    ) {
        self.allowPlainHTTP = allowPlainHTTP
        self.allowPrivateAddresses = allowPrivateAddresses
        self.offline = offline
        self.timeout = timeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
        self.defaultLifetime = defaultLifetime
    }

    /// Why this URL may not be fetched, or `nil` when it may.
    func refusal(for url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased() else { return "the URL has no scheme" }
        guard scheme == "https" || (scheme == "http" && allowPlainHTTP) else {
            return allowPlainHTTP ? "only http and https URLs are fetched" : "only https URLs are fetched"
        }
        guard let host = url.host, !host.isEmpty else { return "the URL has no host" }
        if url.user != nil || url.password != nil { return "URLs with credentials are not fetched" }
        guard !allowPrivateAddresses else { return nil }
        let addresses = Self.resolve(host)
        if addresses.isEmpty { return "the host \(host) does not resolve" }
        if let address = addresses.first(where: Self.isPrivate) {
            return "the host \(host) resolves to a non-public address (\(address))"
        }
        return nil
    }

    /// Every address a host name resolves to, as text.
    static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                addresses.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }

    /// Loopback, private (RFC 1918, RFC 4193), link-local, carrier-grade NAT, unspecified and multicast addresses.
    static func isPrivate(_ address: String) -> Bool {
        if address.contains(":") {
            let lower = address.lowercased()
            if lower == "::1" || lower == "::" { return true }
            if lower.hasPrefix("fe8") || lower.hasPrefix("fe9") || lower.hasPrefix("fea") || lower.hasPrefix("feb") { return true }
            if lower.hasPrefix("fc") || lower.hasPrefix("fd") || lower.hasPrefix("ff") { return true }
            if lower.hasPrefix("::ffff:") { return isPrivate(String(lower.dropFirst(7))) }
            return false
        }
        let octets = address.split(separator: ".").compactMap { Int($0) }
        guard octets.count == 4 else { return true }
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (127, _): return true
        case (100, 64...127): return true
        case (169, 254): return true
        case (172, 16...31): return true
        case (192, 168): return true
        case (224...255, _): return true
        default: return false
        }
    }
}
