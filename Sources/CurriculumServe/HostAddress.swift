import Foundation

/// The address `curriculum serve --host` listens on: an IP address, or `localhost`. Only a
/// loopback address keeps the preview on this computer; anything else gets a warning.
package enum HostAddress: Equatable, Sendable {
    case ip4(String)
    case ip6(String)

    package struct Invalid: Error, CustomStringConvertible, Sendable {
        package let description: String
    }

    package static func resolve(_ host: String) throws -> HostAddress {
        if host == "localhost" { return .ip4("127.0.0.1") }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return .ip4(host) }
        var v6 = in6_addr()
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if inet_pton(AF_INET6, bare, &v6) == 1 { return .ip6(bare) }
        throw Invalid(description: "--host \(host) is not an IP address; give one such as 127.0.0.1 (the default) or ::1")
    }

    /// True for 127.0.0.0/8 and ::1.
    package var isLoopback: Bool {
        switch self {
        case .ip4(let ip): return ip.split(separator: ".").first == "127"
        case .ip6(let ip):
            var v6 = in6_addr()
            var loopback = in6_addr()
            _ = inet_pton(AF_INET6, ip, &v6)
            _ = inet_pton(AF_INET6, "::1", &loopback)
            return withUnsafeBytes(of: &v6) { a in withUnsafeBytes(of: &loopback) { b in a.elementsEqual(b) } }
        }
    }

    /// How the address is written in a URL.
    package var urlHost: String {
        switch self {
        case .ip4(let ip): return ip
        case .ip6(let ip): return "[\(ip)]"
        }
    }

    /// True when a request naming `hostHeader` (its Host header) may be answered. On a loopback
    /// address only requests for a loopback name are: a web page elsewhere that points its own
    /// name at 127.0.0.1 (DNS rebinding) cannot read the preview. Any other address was asked
    /// for with `--host`, with the warning, and answers every name.
    package func accepts(hostHeader: String?) -> Bool {
        guard isLoopback else { return true }
        guard let header = hostHeader?.lowercased(), !header.isEmpty else { return false }
        var name = header
        if name.hasPrefix("[") {
            name = String(name.prefix { $0 != "]" }) + "]"
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        if name == "localhost" || name == "[::1]" { return true }
        var v4 = in_addr()
        return inet_pton(AF_INET, name, &v4) == 1 && name.split(separator: ".").first == "127"
    }

    /// The warning printed when `--host` lets other computers in, or nil for loopback.
    package var warning: String? {
        guard !isLoopback else { return nil }
        return "warning: --host \(urlHost) lets other computers on the network open the preview and read the curriculum's handouts, without a password; use the default 127.0.0.1 unless you mean that"
    }
}
