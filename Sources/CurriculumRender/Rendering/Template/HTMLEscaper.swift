/// HTML escaping of template values, on UTF-8 bytes: `&<>"'` become `&amp;&lt;&gt;&quot;&#39;`
/// (the entities the swift-mustache engine wrote, so outputs stay byte-identical). A value
/// that needs no escaping, the usual case, is copied whole.
enum HTMLEscaper {
    /// Appends `text` to `out`, escaped.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var copied = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // Every special byte is at most '>' (0x3E): letters and most text skip the switch.
            if byte > 0x3E { index += 1; continue }
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: index += 1; continue
            }
            if copied < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index])) }
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
            index += 1
            copied = index
        }
        if copied == 0 {
            out.append(contentsOf: bytes)
        } else if copied < count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
        }
    }
}
