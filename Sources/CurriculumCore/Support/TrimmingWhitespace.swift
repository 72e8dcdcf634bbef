extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    @inlinable package func trimmingWhitespace() -> String {
        // Most text needs no trimming: a visible ASCII character at both ends. Copying it whole
        // is far cheaper than rebuilding it scalar by scalar.
        let scalars = unicodeScalars
        if let head = scalars.first?.value, let tail = scalars.last?.value, head > 0x20, head < 0x7F, tail > 0x20, tail < 0x7F {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        // The bytes between two scalar boundaries, copied at once.
        return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
    }
}
