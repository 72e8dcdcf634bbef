/// A 128-bit content hash (two FNV-1a lanes) for the build manifest: detects changed inputs,
/// not tampering. Deterministic across runs and machines.
public struct ContentHasher: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    public init() {}

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        // Contiguous bytes (arrays, Data, UTF-8 views) in one loop over memory; others one by one.
        let hashed: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            var (a, b) = (self.a, self.b)
            for byte in buffer {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
            }
            (self.a, self.b) = (a, b)
        }
        if hashed == nil {
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
            }
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        a = (a ^ 0xFF) &* 0x0000_0100_0000_01B3
        b = (b ^ 0xA5) &* 0x0000_0100_0000_01B3
    }

    public mutating func add(_ text: String) { add(text.utf8) }

    public var hexDigest: String {
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }

    public static func digest(_ parts: String...) -> String {
        var hasher = ContentHasher()
        for part in parts { hasher.add(part) }
        return hasher.hexDigest
    }
}
