extension StringProtocol {
    /// The lines of the text: the same as `split(separator: "\n", omittingEmptySubsequences:
    /// false)`, in one pass over the bytes instead of over Characters. Like the Character split,
    /// it does not split "\r\n", which is a single Character.
    func splitLines() -> [SubSequence] {
        var out: [SubSequence] = []
        let bytes = utf8
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
