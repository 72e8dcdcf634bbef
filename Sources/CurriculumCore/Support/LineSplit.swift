extension StringProtocol {
    /// The lines of the text: the same as `split(separator: "\n", omittingEmptySubsequences:
    /// false)`, in one pass over the bytes instead of over Characters. Like the Character split,
    /// it does not split "\r\n", which is a single Character.
    @inlinable package func splitLines() -> [SubSequence] {
        let bytes = utf8
        // Contiguous text (nearly always): scan the bytes by offset.
        let fast = bytes.withContiguousStorageIfAvailable { buffer -> [SubSequence] in
            var out: [SubSequence] = []
            var start = bytes.startIndex
            var startOffset = 0
            var previous: UInt8 = 0
            for offset in 0..<buffer.count {
                let byte = buffer[offset]
                if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                    let end = bytes.index(start, offsetBy: offset - startOffset)
                    out.append(self[start..<end])
                    start = bytes.index(after: end)
                    startOffset = offset + 1
                }
                previous = byte
            }
            out.append(self[start..<bytes.endIndex])
            return out
        }
        if let fast { return fast }
        var out: [SubSequence] = []
        var start = bytes.startIndex
        var index = start
        var previous: UInt8 = 0
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                out.append(self[start..<index])
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        out.append(self[start..<bytes.endIndex])
        return out
    }
}
