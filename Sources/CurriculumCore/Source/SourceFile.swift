/// The text of one file as the user wrote it, with the line table needed to turn byte offsets
/// (cmark's unit) into code-point columns (the unit of every diagnostic).
public struct SourceFile: Sendable {
    /// The path as reached from what the user gave on the command line.
    public let path: String
    /// The file's text, with a lone "\r" read as "\n" (see `readingLoneCarriageReturnsAsLineFeeds`).
    public let text: String
    /// UTF-8 offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Per line (0-based): every byte is ASCII, so code-point columns are byte columns.
    private let asciiLines: [Bool]

    public init(path: String, text: String) {
        self.path = path
        var text = Self.readingLoneCarriageReturnsAsLineFeeds(text)
        self.text = text
        var starts = [0]
        var ascii: [Bool] = []
        text.withUTF8 { bytes in
            var lineStart = 0
            while true {
                let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                var high: UInt8 = 0   // any byte of 0x80 or more sets the high bit
                for offset in lineStart..<lineEnd { high |= bytes[offset] }
                ascii.append(high < 0x80)
                guard lineEnd < bytes.count else { break }
                starts.append(lineEnd + 1)
                lineStart = lineEnd + 1
            }
        }
        self.lineStarts = starts
        self.asciiLines = ascii
    }

    /// Line `number` (1-based) is all ASCII (true past the end of the file, which is empty).
    public func isASCIILine(_ number: Int) -> Bool {
        guard number >= 1, number <= asciiLines.count else { return true }
        return asciiLines[number - 1]
    }

    public var lineCount: Int { lineStarts.count }

    /// CommonMark and YAML end a line at a lone "\r" too (old Mac files), and so do cmark's and
    /// Yams's line numbers; reading it as "\n" keeps every position in agreement. The byte
    /// offsets are the file's own ("\r\n" stays as it is).
    static func readingLoneCarriageReturnsAsLineFeeds(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ $0.contains(UInt8(ascii: "\r")) }) else { return text }
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\r") {
            if index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n") { bytes[index] = UInt8(ascii: "\n") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Line `number` (1-based) without its line ending; empty past the end of the file.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1)
            : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
            end = utf8.index(before: end)
        }
        return text[start..<end]
    }

    /// Converts a 1-based byte column on `line` into a 1-based code-point column.
    public func codePointColumn(line: Int, byteColumn: Int) -> Int {
        if isASCIILine(line) { return max(byteColumn, 1) }
        let content = self.line(line).utf8
        var bytes = 0
        var column = 1
        for byte in content {
            if bytes >= byteColumn - 1 { break }
            bytes += 1
            // Count only lead bytes: continuation bytes look like 0b10xxxxxx.
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        // Columns past the end of the line (cmark may point one past it) keep counting.
        if byteColumn - 1 > bytes { column += byteColumn - 1 - bytes }
        return column
    }

    /// Number of code points in line `number`.
    public func lineLength(_ number: Int) -> Int {
        line(number).unicodeScalars.count
    }

    /// The location of a UTF-8 byte offset into `text`.
    public func location(ofByteOffset offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let line = low + 1
        return SourceLocation(line: line, column: codePointColumn(line: line, byteColumn: offset - lineStarts[low] + 1))
    }

    /// A range covering the whole of line `number` (at least one column wide).
    public func rangeOfLine(_ number: Int) -> SourceRange {
        let content = line(number)
        let leading = content.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        return SourceRange(line: number, column: leading + 1, endColumn: max(content.unicodeScalars.count + 1, leading + 2))
    }
}
